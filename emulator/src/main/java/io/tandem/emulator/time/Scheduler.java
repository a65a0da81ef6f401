package io.tandem.emulator.time;

import java.time.Duration;
import java.time.Instant;

/**
 * The emulator's clock and timers. Every deadline the emulator keeps (the 15-second answer
 * deadline, the 45-minute call expiry, OPTIONS freshness, scripted Teams users) is scheduled here,
 * so tests run them in virtual time with {@link ManualScheduler}.
 */
public interface Scheduler {

  /** The current instant. */
  Instant now();

  /** Runs {@code task} once after {@code delay}; the returned handle cancels it. */
  Timer schedule(Duration delay, Runnable task);

  /** A scheduled task that has not run yet, or has. */
  interface Timer {
    /** Cancels the task if it has not started; returns whether it was cancelled. */
    boolean cancel();
  }
}
