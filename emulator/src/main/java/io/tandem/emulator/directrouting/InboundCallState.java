package io.tandem.emulator.directrouting;

import java.util.Map;
import java.util.Set;

/** The life of an SBC → Teams call at the emulated proxy. */
enum InboundCallState {
  /** 100 Trying sent; the Teams client is being offered the call. */
  TRYING,
  /** 180 per endpoint and 183 with SDP sent. */
  RINGING,
  /** 200 OK sent, ACK awaited. */
  ANSWERED,
  /** ACK received: media flows. */
  CONNECTED,
  /** A final failure answered the INVITE (603, 486, 480, 487). */
  FAILED,
  /** BYE sent or received. */
  ENDED;

  private static final Map<InboundCallState, Set<InboundCallState>> LEGAL =
      Map.of(
          TRYING, Set.of(RINGING, ANSWERED, FAILED),
          RINGING, Set.of(ANSWERED, FAILED),
          ANSWERED, Set.of(CONNECTED, ENDED),
          CONNECTED, Set.of(ENDED),
          FAILED, Set.of(),
          ENDED, Set.of());

  boolean canMoveTo(InboundCallState next) {
    return LEGAL.get(this).contains(next);
  }

  /** Whether the call is answered: the Teams user talks, transfers or hangs up. */
  boolean isEstablished() {
    return this == ANSWERED || this == CONNECTED;
  }

  boolean isFinal() {
    return LEGAL.get(this).isEmpty();
  }
}
