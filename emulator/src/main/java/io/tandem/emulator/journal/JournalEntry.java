package io.tandem.emulator.journal;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One thing the emulator received, sent, or saw happen, in the order it happened.
 *
 * @param sequence position in the journal, from 1, without gaps
 * @param time when it happened on the emulator's clock
 * @param channel which emulated service
 * @param direction received, sent, or a world event
 * @param kind a short stable name a test can filter on ({@code INVITE}, {@code 180}, {@code POST
 *     /v1.0/communications/calls}, {@code notification}, {@code user.answered})
 * @param callId the emulated call it belongs to, if any
 * @param attributes small facts a test asserts on (status, tenant, user, state)
 * @param body the message as it went over the wire (SIP text, JSON), when there was one
 */
public record JournalEntry(
    long sequence,
    Instant time,
    Channel channel,
    Direction direction,
    String kind,
    @Nullable String callId,
    Map<String, String> attributes,
    @Nullable String body) {

  public JournalEntry {
    attributes = Map.copyOf(attributes);
  }
}
