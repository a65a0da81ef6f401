package io.tandem.core.interaction;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life cycle of an interaction, and the one table of legal moves between its states.
 *
 * <p>The main path is ARRIVING → IN_VIRTUAL_ASSISTANT → QUEUED → RESERVED → CONNECTED → WRAP_UP →
 * ENDED. OVERFLOWED is the moment an interaction leaves a queue by an overflow or no-agent rule: it
 * moves on at once to another queue, voicemail, a callback request, or ends (forwarded to a number
 * or disconnected with a message). CALLBACK_REQUESTED keeps the caller's place in the queue without
 * holding the line; it is offered to agents like a queued call. A callback whose agent answered the
 * offer is CALLBACK_DIALLING while the channel calls the customer: answered → CONNECTED, not
 * reached → CALLBACK_SCHEDULED, which waits unlisted until its retry time and then is
 * CALLBACK_REQUESTED again at its old place (or ends "callback-failed" after the last attempt).
 * ENDED, ABANDONED and FAILED are terminal.
 */
public enum InteractionState {
  ARRIVING,
  IN_VIRTUAL_ASSISTANT,
  QUEUED,
  RESERVED,
  CONNECTED,
  ON_HOLD,
  CONSULTING,
  CONFERENCED,
  TRANSFERRING,
  WRAP_UP,
  ENDED,
  ABANDONED,
  OVERFLOWED,
  CALLBACK_REQUESTED,
  CALLBACK_DIALLING,
  CALLBACK_SCHEDULED,
  VOICEMAIL,
  FAILED;

  private static final Map<InteractionState, Set<InteractionState>> LEGAL =
      new EnumMap<>(InteractionState.class);

  static {
    LEGAL.put(ARRIVING, EnumSet.of(IN_VIRTUAL_ASSISTANT, QUEUED, ENDED, ABANDONED, FAILED));
    LEGAL.put(
        IN_VIRTUAL_ASSISTANT,
        EnumSet.of(QUEUED, ENDED, ABANDONED, CALLBACK_REQUESTED, VOICEMAIL, FAILED));
    LEGAL.put(QUEUED, EnumSet.of(RESERVED, ABANDONED, OVERFLOWED, CALLBACK_REQUESTED, FAILED));
    LEGAL.put(
        RESERVED,
        EnumSet.of(CONNECTED, QUEUED, CALLBACK_REQUESTED, CALLBACK_DIALLING, ABANDONED, FAILED));
    LEGAL.put(
        CONNECTED,
        EnumSet.of(ON_HOLD, CONSULTING, CONFERENCED, TRANSFERRING, WRAP_UP, ENDED, FAILED));
    LEGAL.put(ON_HOLD, EnumSet.of(CONNECTED, CONSULTING, TRANSFERRING, WRAP_UP, ENDED, FAILED));
    LEGAL.put(
        CONSULTING,
        EnumSet.of(CONNECTED, ON_HOLD, CONFERENCED, TRANSFERRING, WRAP_UP, ENDED, FAILED));
    LEGAL.put(CONFERENCED, EnumSet.of(CONNECTED, TRANSFERRING, WRAP_UP, ENDED, FAILED));
    LEGAL.put(TRANSFERRING, EnumSet.of(CONNECTED, QUEUED, WRAP_UP, ENDED, FAILED));
    LEGAL.put(WRAP_UP, EnumSet.of(ENDED));
    LEGAL.put(ENDED, EnumSet.noneOf(InteractionState.class));
    LEGAL.put(ABANDONED, EnumSet.noneOf(InteractionState.class));
    LEGAL.put(FAILED, EnumSet.noneOf(InteractionState.class));
    LEGAL.put(OVERFLOWED, EnumSet.of(QUEUED, VOICEMAIL, CALLBACK_REQUESTED, ENDED, FAILED));
    LEGAL.put(CALLBACK_REQUESTED, EnumSet.of(RESERVED, ENDED, FAILED));
    LEGAL.put(CALLBACK_DIALLING, EnumSet.of(CONNECTED, CALLBACK_SCHEDULED, FAILED));
    LEGAL.put(CALLBACK_SCHEDULED, EnumSet.of(CALLBACK_REQUESTED, ENDED, FAILED));
    LEGAL.put(VOICEMAIL, EnumSet.of(ENDED, ABANDONED, FAILED));
  }

  /** Whether the table allows moving from this state to {@code next}. */
  public boolean canMoveTo(InteractionState next) {
    return LEGAL.get(this).contains(next);
  }

  /** Whether no move leads out of this state. */
  public boolean isTerminal() {
    return LEGAL.get(this).isEmpty();
  }

  /** Whether the interaction waits for an agent (queued, or a callback keeping its place). */
  public boolean isWaiting() {
    return this == QUEUED || this == CALLBACK_REQUESTED;
  }

  /** Whether an agent is engaged with the interaction (talking, holding, consulting …). */
  public boolean isWithAgent() {
    return this == CONNECTED
        || this == ON_HOLD
        || this == CONSULTING
        || this == CONFERENCED
        || this == TRANSFERRING;
  }
}
