package io.tandem.core.flow;

/**
 * What can happen to a {@link FlowRun}: it is started, or a result it waited for, or the caller's
 * hang-up, arrives. Each has one entry point on the run.
 */
public enum FlowSignal {
  /** {@link FlowRun#start()}. */
  START,
  /** {@link FlowRun#onPlayCompleted()}. */
  PLAY_COMPLETED,
  /** {@link FlowRun#onInput(String)}. */
  INPUT,
  /** {@link FlowRun#onInputTimeout()}. */
  INPUT_TIMEOUT,
  /** {@link FlowRun#onLookupResult(java.util.Map)}. */
  LOOKUP_RESULT,
  /** {@link FlowRun#onLookupFailed(String)}. */
  LOOKUP_FAILED,
  /** {@link FlowRun#onCallerHungUp()}. */
  CALLER_HUNG_UP
}
