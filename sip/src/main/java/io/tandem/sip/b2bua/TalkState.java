package io.tandem.sip.b2bua;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where the talk between a Connect caller and their agent is, as the agent's requests shape it. */
enum TalkState {
  /** Caller and agent talk: RTP is relayed between the caller's leg and the agent's. */
  TALKING,
  /** The caller hears music on hold from Tandem; the agent's leg gets silence. */
  HOLDING,
  /** The caller holds; the consulted party's number rings. */
  CONSULT_RINGING,
  /** The caller holds; the agent's leg is relayed to the consulted party's. */
  CONSULTING,
  /** Caller, agent and consulted party are mixed together. */
  CONFERENCED,
  /** The caller holds while the transfer target's number rings (a blind transfer). */
  TRANSFERRING,
  /** The agent is out of the call: hung up, handed the caller on, or sent them to a queue. */
  DONE;

  private static final Map<TalkState, Set<TalkState>> MOVES =
      Map.of(
          TALKING, EnumSet.of(HOLDING, CONSULT_RINGING, TRANSFERRING, DONE),
          HOLDING, EnumSet.of(TALKING, CONSULT_RINGING, TRANSFERRING, DONE),
          CONSULT_RINGING, EnumSet.of(CONSULTING, HOLDING, TALKING, DONE),
          CONSULTING, EnumSet.of(CONFERENCED, HOLDING, TALKING, DONE),
          CONFERENCED, EnumSet.of(TALKING, DONE),
          TRANSFERRING, EnumSet.of(TALKING, DONE),
          DONE, EnumSet.noneOf(TalkState.class));

  boolean canMoveTo(TalkState next) {
    return MOVES.get(this).contains(next);
  }
}
