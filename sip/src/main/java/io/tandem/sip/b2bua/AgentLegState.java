package io.tandem.sip.b2bua;

import java.util.EnumSet;
import java.util.Set;

/** Where Tandem's INVITE to an agent's Teams number stands. */
enum AgentLegState {
  /** INVITE sent to a proxy, nothing back yet (or only 100). */
  INVITING,
  /** A Teams endpoint rings (180/183). */
  RINGING,
  /** Tandem is cancelling; a 2xx that still comes is ACKed and hung up. */
  CANCELLING,
  /** 2xx received and ACKed: the agent is on the line. */
  ANSWERED,
  /** Over: refused, cancelled, or hung up by either side. */
  ENDED;

  private Set<AgentLegState> next() {
    return switch (this) {
      case INVITING -> EnumSet.of(INVITING, RINGING, CANCELLING, ANSWERED, ENDED);
      case RINGING -> EnumSet.of(RINGING, CANCELLING, ANSWERED, ENDED);
      case CANCELLING -> EnumSet.of(ENDED);
      case ANSWERED -> EnumSet.of(ENDED);
      case ENDED -> EnumSet.noneOf(AgentLegState.class);
    };
  }

  boolean canMoveTo(AgentLegState target) {
    return next().contains(target);
  }
}
