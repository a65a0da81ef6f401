package io.tandem.core.flow;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a {@link FlowRun} is, and the table of which {@link FlowSignal}s each state handles,
 * ignores or rejects.
 *
 * <pre>
 * state            handles                                ignores
 * READY            START, CALLER_HUNG_UP                  -
 * RUNNING          -                                      -
 * AWAITING_PLAY    PLAY_COMPLETED, CALLER_HUNG_UP         -
 * AWAITING_INPUT   INPUT, INPUT_TIMEOUT, CALLER_HUNG_UP   -
 * AWAITING_LOOKUP  LOOKUP_RESULT, LOOKUP_FAILED,          -
 *                  CALLER_HUNG_UP
 * FINISHED         -                                      all but START
 * </pre>
 *
 * Every other signal is rejected: it means the caller of the run has lost track of it. A finished
 * run ignores results because they are normal there: the media engine may report a play's end after
 * the caller hung up, and a lookup may answer after the flow moved on.
 */
public enum FlowRunState {
  /** Created, not started. */
  READY(EnumSet.of(FlowSignal.START, FlowSignal.CALLER_HUNG_UP), EnumSet.noneOf(FlowSignal.class)),
  /**
   * Handling a signal: stepping through nodes until one waits or ends the flow. Seen only by a port
   * that calls back into the run instead of posting its result to the mailbox.
   */
  RUNNING(EnumSet.noneOf(FlowSignal.class), EnumSet.noneOf(FlowSignal.class)),
  /** Waiting for the media engine to finish playing a prompt. */
  AWAITING_PLAY(
      EnumSet.of(FlowSignal.PLAY_COMPLETED, FlowSignal.CALLER_HUNG_UP),
      EnumSet.noneOf(FlowSignal.class)),
  /** Waiting for the caller's choice or digits, or for the media engine's timeout. */
  AWAITING_INPUT(
      EnumSet.of(FlowSignal.INPUT, FlowSignal.INPUT_TIMEOUT, FlowSignal.CALLER_HUNG_UP),
      EnumSet.noneOf(FlowSignal.class)),
  /** Waiting for an HTTP lookup to answer or fail. */
  AWAITING_LOOKUP(
      EnumSet.of(FlowSignal.LOOKUP_RESULT, FlowSignal.LOOKUP_FAILED, FlowSignal.CALLER_HUNG_UP),
      EnumSet.noneOf(FlowSignal.class)),
  /** Ended: the flow handed the interaction to the domain, or the caller hung up. */
  FINISHED(EnumSet.noneOf(FlowSignal.class), EnumSet.complementOf(EnumSet.of(FlowSignal.START)));

  /** What a state does with a signal. */
  public enum Reaction {
    /** The signal moves the run on. */
    HANDLE,
    /** The signal is stale and dropped. */
    IGNORE,
    /** The signal cannot arrive now: the run throws {@link IllegalStateException}. */
    REJECT
  }

  private final Set<FlowSignal> handled;
  private final Set<FlowSignal> ignored;

  FlowRunState(Set<FlowSignal> handled, Set<FlowSignal> ignored) {
    this.handled = handled;
    this.ignored = ignored;
  }

  /** What this state does with {@code signal}. */
  public Reaction reactionTo(FlowSignal signal) {
    if (handled.contains(signal)) {
      return Reaction.HANDLE;
    }
    return ignored.contains(signal) ? Reaction.IGNORE : Reaction.REJECT;
  }
}
