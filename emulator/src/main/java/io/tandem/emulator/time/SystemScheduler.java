package io.tandem.emulator.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Wall-clock time: one platform timer thread fires deadlines and hands each task to a virtual
 * thread, so a slow task never delays the next deadline.
 */
public final class SystemScheduler implements Scheduler, AutoCloseable {

  private final Clock clock;
  private final ScheduledExecutorService timer;

  public SystemScheduler(Clock clock) {
    this.clock = clock;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "emulator-timer");
              thread.setDaemon(true);
              return thread;
            });
  }

  @Override
  public Instant now() {
    return clock.instant();
  }

  @Override
  public Timer schedule(Duration delay, Runnable task) {
    ScheduledFuture<?> future =
        timer.schedule(
            () -> Thread.ofVirtual().name("emulator-task").start(task),
            Math.max(0, delay.toNanos()),
            TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
