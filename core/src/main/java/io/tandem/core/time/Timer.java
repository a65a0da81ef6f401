package io.tandem.core.time;

/** A scheduled task that has not necessarily run yet. */
public interface Timer {

  /** Prevents the task from running if it has not started; cancelling twice is harmless. */
  void cancel();

  /** A timer that never fires, for "no deadline". */
  Timer NONE = () -> {};
}
