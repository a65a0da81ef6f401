package io.tandem.core.time;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Executors that wait for timers: one daemon platform thread each, whose cancelled tasks leave the
 * queue at once. A contact center cancels most of its timers (a ring limit when the agent answers,
 * a queue announcement when the caller is connected); left queued until their time, they would keep
 * each call's objects alive for the timers' whole delay.
 */
public final class TimerThreads {

  private TimerThreads() {}

  /**
   * A single daemon thread named {@code name} running delayed tasks; cancelled ones are dropped.
   */
  public static ScheduledExecutorService daemon(String name) {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name(name).daemon(true).factory());
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }
}
