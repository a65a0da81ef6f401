package io.tandem.graph.presence;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the presence feed's timed work: subscription renewals and re-creations, and polls. Tasks
 * call Graph and so block for a while; an implementation must run them where blocking is fine
 * (virtual threads in production, the test's thread in virtual time) — never on a signalling
 * thread. That is why this is not {@code io.tandem.core.time.Scheduler}, whose tasks run on a
 * tenant's single writer.
 */
@FunctionalInterface
public interface PresenceScheduler {

  /** Runs {@code task} once after {@code delay} (at once if not positive). */
  Scheduled schedule(Duration delay, Runnable task);

  /** A task that was scheduled; cancelling stops it if it has not started. */
  @FunctionalInterface
  interface Scheduled {
    void cancel();
  }

  /**
   * Waits on {@code timer} (one platform thread is plenty) and runs each task on a new virtual
   * thread.
   */
  static PresenceScheduler onVirtualThreads(ScheduledExecutorService timer) {
    return (delay, task) -> {
      ScheduledFuture<?> waiting =
          timer.schedule(
              () -> Thread.ofVirtual().name("graph-presence").start(task),
              Math.max(0, delay.toNanos()),
              TimeUnit.NANOSECONDS);
      return () -> waiting.cancel(false);
    };
  }
}
