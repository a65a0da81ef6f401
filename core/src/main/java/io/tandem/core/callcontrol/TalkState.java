package io.tandem.core.callcontrol;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where the talk between a caller and their agent is, as the agent's requests shape it; every
 * channel that carries out {@link CallAction}s keeps one per call, whatever its wire.
 */
public enum TalkState {
  /** Caller and agent talk. */
  TALKING,
  /** The caller is on hold (hearing music); the agent is still in the call. */
  HOLDING,
  /** The caller holds; the consulted party rings. */
  CONSULT_RINGING,
  /** The caller holds; agent and consulted party talk. */
  CONSULTING,
  /** Caller, agent and consulted party talk together. */
  CONFERENCED,
  /** The caller is being transferred to a number or Teams user (it rings there). */
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

  public boolean canMoveTo(TalkState next) {
    return MOVES.get(this).contains(next);
  }

  /**
   * {@code next}, when the table allows the move.
   *
   * @throws IllegalStateException naming {@code call} when it does not
   */
  public TalkState moveTo(TalkState next, Object call) {
    if (!canMoveTo(next)) {
      throw new IllegalStateException(call + ": talk " + this + " → " + next);
    }
    return next;
  }

  /** The refusal of {@code action} in this state: it is not possible now. */
  public CallActionRefused refusal(String action) {
    return new CallActionRefused(
        CallActionRefused.Reason.NOT_NOW,
        action + " is not possible while the call is " + name().toLowerCase(Locale.ROOT));
  }
}
