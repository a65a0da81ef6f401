package io.tandem.sip.b2bua;

/** What an {@link AgentLeg} tells its caller call, on the call's lane. */
interface AgentLegListener {
  void answered(AgentLeg leg);

  /** The call was refused or not reached; {@code status} is the final SIP status (408: none). */
  void refused(AgentLeg leg, int status);

  /** Teams hung up an answered call. */
  void hungUp(AgentLeg leg);

  /** Teams' latest offer in the answered call holds ({@code true}) or does not. */
  void holds(AgentLeg leg, boolean holds);
}
