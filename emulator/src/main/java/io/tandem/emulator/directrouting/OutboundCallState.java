package io.tandem.emulator.directrouting;

import java.util.Map;
import java.util.Set;

/** The life of a Teams → SBC call at the emulated proxy, across its failover attempts. */
enum OutboundCallState {
  /** An INVITE is out to an SBC; no ringing yet (the failover timer runs). */
  CALLING,
  /** The SBC sent 180 or 183: the callee's phone rings. */
  RINGING,
  /** 200 OK received and acknowledged: media flows. */
  CONNECTED,
  /** Every SBC failed, or one gave a final failure that is not failed over. */
  FAILED,
  /** The Teams side gave up before an answer (CANCEL sent). */
  CANCELLED,
  /** BYE sent or received. */
  ENDED;

  private static final Map<OutboundCallState, Set<OutboundCallState>> LEGAL =
      Map.of(
          CALLING, Set.of(RINGING, CONNECTED, FAILED, CANCELLED),
          RINGING, Set.of(CALLING, CONNECTED, FAILED, CANCELLED),
          CONNECTED, Set.of(ENDED),
          FAILED, Set.of(),
          CANCELLED, Set.of(),
          ENDED, Set.of());

  boolean canMoveTo(OutboundCallState next) {
    return LEGAL.get(this).contains(next);
  }

  boolean isFinal() {
    return LEGAL.get(this).isEmpty();
  }
}
