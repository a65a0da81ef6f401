package io.tandem.core.insight;

import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a summarizer knows about one call, read from the interaction's events.
 *
 * @param interaction the interaction
 * @param transcript its final transcript segments, by offset (equal offsets in arrival order)
 * @param attributes its attributes as they ended up: those it arrived with and those the virtual
 *     assistant, lookups and agents set, by name
 * @param intents what the caller wanted, as decided along the way, in order and without repeats:
 *     the {@code intent} attribute's values, {@code virtual-assistant:<flow>}, {@code
 *     queue:<queue>}, {@code callback}, {@code voicemail:<mailbox>}, {@code consult:<target>},
 *     {@code transfer:<target>}
 * @param outcome how it ended: {@code connected} (talked to an agent), {@code abandoned}, {@code
 *     failed:<reason>}, {@code forwarded}, {@code voicemail}, {@code callback} (waiting for a call
 *     back), {@code ended:<reason>}, or {@code in-progress}
 * @param wrapUpCode the agent's last disposition code
 * @param wrapUpNotes the agent's last wrap-up notes
 * @param waited from first joining a queue to reaching an agent (or leaving); zero if never queued
 * @param talked the time connected to agents, all connections together
 */
public record CallRecord(
    InteractionId interaction,
    List<TranscriptSegment> transcript,
    Map<String, String> attributes,
    List<String> intents,
    String outcome,
    @Nullable String wrapUpCode,
    @Nullable String wrapUpNotes,
    Duration waited,
    Duration talked) {

  /** The attribute a flow sets to name the caller's intent (e.g. {@code billing-question}). */
  public static final String INTENT_ATTRIBUTE = "intent";

  /** Copies the collections. */
  public CallRecord {
    Objects.requireNonNull(interaction, "interaction");
    Objects.requireNonNull(outcome, "outcome");
    transcript = List.copyOf(transcript);
    attributes = Map.copyOf(attributes);
    intents = List.copyOf(intents);
  }

  /**
   * Reads the record of the interaction whose events, in order, are {@code timeline} (its first
   * event names the interaction; events about others are ignored).
   *
   * @throws IllegalArgumentException if {@code timeline} is empty
   */
  public static CallRecord from(List<InteractionEvent> timeline) {
    if (timeline.isEmpty()) {
      throw new IllegalArgumentException("a call record needs at least one event");
    }
    return new TimelineReading(timeline.get(0).interaction()).read(timeline);
  }
}
