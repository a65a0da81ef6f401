package io.tandem.media.dtmf;

import io.tandem.media.rtp.RtpPacket;
import io.tandem.media.rtp.SerialNumbers;
import java.util.Optional;

/**
 * Turns one stream's RFC 4733 packets into digits, each exactly once.
 *
 * <p>An event is known by its timestamp (and code): the first packet of a new event yields its
 * digit, whether or not the marked start packet arrived; later packets of the same event, the
 * retransmitted end packets included, yield nothing; a packet older than the current event is late
 * and ignored. Events 16-255 (flash, tones) are not digits and are ignored.
 *
 * <p>States and moves (one table, {@link State}):
 *
 * <pre>
 *   from \ packet    new event          same event, no E   same event, E   older event
 *   AWAITING_EVENT   report → IN/ENDED  (cannot happen)    (cannot happen) (cannot happen)
 *   IN_EVENT         report → IN/ENDED  stay               → EVENT_ENDED   ignore
 *   EVENT_ENDED      report → IN/ENDED  ignore             ignore          ignore
 * </pre>
 *
 * Not thread-safe: one receiving thread feeds it.
 */
public final class DtmfReceiver {

  /** Where the receiver is in the current event. */
  public enum State {
    /** No event seen yet. */
    AWAITING_EVENT,
    /** An event was reported and its end not yet seen. */
    IN_EVENT,
    /** The current event's end was seen; retransmissions of it are ignored. */
    EVENT_ENDED
  }

  private final int payloadType;
  private State state = State.AWAITING_EVENT;
  private long eventTimestamp;
  private int eventCode = -1;

  /** A receiver for telephone-events of payload type {@code payloadType}. */
  public DtmfReceiver(int payloadType) {
    this.payloadType = payloadType;
  }

  /** The current state. */
  public State state() {
    return state;
  }

  /**
   * Feeds one packet of the stream; yields a digit when it starts a new DTMF event. Packets of
   * other payload types and unparseable payloads yield nothing.
   */
  public Optional<DtmfDigit> accept(RtpPacket packet) {
    if (packet.payloadType() != payloadType || packet.payload().length < TelephoneEvent.LENGTH) {
      return Optional.empty();
    }
    return accept(packet.timestamp(), TelephoneEvent.parse(packet.payload()));
  }

  /** Feeds one telephone-event stamped {@code timestamp}; yields a digit for a new event. */
  public Optional<DtmfDigit> accept(long timestamp, TelephoneEvent event) {
    if (!DtmfDigit.isDigitEvent(event.event())) {
      return Optional.empty();
    }
    boolean sameEvent =
        state != State.AWAITING_EVENT && timestamp == eventTimestamp && event.event() == eventCode;
    if (sameEvent) {
      if (state == State.IN_EVENT && event.end()) {
        state = State.EVENT_ENDED;
      }
      return Optional.empty();
    }
    if (state != State.AWAITING_EVENT
        && SerialNumbers.timestampDelta(eventTimestamp, timestamp) < 0) {
      return Optional.empty();
    }
    eventTimestamp = timestamp;
    eventCode = event.event();
    state = event.end() ? State.EVENT_ENDED : State.IN_EVENT;
    return Optional.of(DtmfDigit.ofEvent(event.event()));
  }
}
