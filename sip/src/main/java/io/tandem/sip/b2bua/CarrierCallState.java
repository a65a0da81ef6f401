package io.tandem.sip.b2bua;

import java.util.EnumSet;
import java.util.Set;

/** Where a caller's call from a carrier trunk stands in Tandem. */
enum CarrierCallState {
  /** INVITE admitted, answered with 200; the interaction is arriving. */
  ANSWERED,
  /** The entry flow (virtual assistant) plays and listens on Tandem's media. */
  IN_FLOW,
  /** Waiting in a queue with music on hold. */
  QUEUED,
  /** An agent's Teams number is being called; the caller still hears music. */
  CONNECTING,
  /** The agent answered: RTP is relayed between the caller and the agent. */
  BRIDGED,
  /**
   * The domain forwarded the caller to a phone number ({@link CallerForward}), which is being
   * called; the caller hears music, the interaction is done with.
   */
  FORWARDING,
  /**
   * The caller was handed to another party (the agent's transfer, or a forward that was answered):
   * Tandem only relays, the interaction is done with.
   */
  TRANSFERRED,
  /** Over: hung up on either side or ended by the domain. */
  ENDED;

  private Set<CarrierCallState> next() {
    return switch (this) {
      case ANSWERED -> EnumSet.of(IN_FLOW, QUEUED, ENDED);
      case IN_FLOW -> EnumSet.of(QUEUED, CONNECTING, FORWARDING, ENDED);
      case QUEUED -> EnumSet.of(CONNECTING, FORWARDING, ENDED);
      case CONNECTING -> EnumSet.of(QUEUED, BRIDGED, FORWARDING, ENDED);
      case BRIDGED -> EnumSet.of(QUEUED, TRANSFERRED, ENDED);
      case FORWARDING -> EnumSet.of(TRANSFERRED, ENDED);
      case TRANSFERRED -> EnumSet.of(ENDED);
      case ENDED -> EnumSet.noneOf(CarrierCallState.class);
    };
  }

  boolean canMoveTo(CarrierCallState target) {
    return next().contains(target);
  }
}
