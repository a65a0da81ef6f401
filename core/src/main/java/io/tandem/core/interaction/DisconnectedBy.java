package io.tandem.core.interaction;

/** Who ended a connected call. */
public enum DisconnectedBy {
  /** The customer hung up. */
  CUSTOMER,
  /** The agent hung up (or ended the call from the agent app). */
  AGENT,
  /** Tandem ended the call (a failure, a restart). */
  SYSTEM,
  /**
   * The call ended and the channel cannot tell who hung up: an Extend call handed over to the
   * agent's Teams client, whose end Tandem learns from the agent's presence.
   */
  UNKNOWN
}
