package io.tandem.acs.unify;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where the talk between the caller and the agent is, as the agent's requests shape it. */
enum TalkState {
  /** Caller and agent talk. */
  TALKING,
  /** The caller is on hold (hearing music); the agent is in the call. */
  HOLDING,
  /** The caller holds; the consulted party is being invited (rings). */
  CONSULT_RINGING,
  /** The caller holds; agent and consulted party talk. */
  CONSULTING,
  /** Caller, agent and consulted party talk together. */
  CONFERENCED,
  /** The caller is being transferred to a number or Teams user (it rings there). */
  TRANSFERRING,
  /** The agent is out of the call: hung up, transferred the caller on, or sent them to a queue. */
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
