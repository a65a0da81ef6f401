package io.tandem.sip.b2bua;

import io.tandem.sip.stack.InboundRequest;

/** What an {@link AgentLeg} tells its caller call, on the call's lane. */
interface AgentLegListener {

  /** The far end rings (a provisional response other than 100), once. */
  default void ringing(AgentLeg leg) {}

  void answered(AgentLeg leg);

  /** The call was refused or not reached; {@code status} is the final SIP status (408: none). */
  void refused(AgentLeg leg, int status);

  /** Teams hung up an answered call. */
  void hungUp(AgentLeg leg);

  /** Teams' latest offer in the answered call holds ({@code true}) or does not. */
  void holds(AgentLeg leg, boolean holds);

  /**
   * Teams sent a REFER on the answered leg (its user transfers the call); unless the listener
   * carries it out, it is declined.
   */
  default void referred(AgentLeg leg, InboundRequest refer) {
    TeamsTransfer.refuse(leg, refer, 603, "Decline", "this leg does not transfer");
  }
}
