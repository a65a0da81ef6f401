package io.tandem.core.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Scheduler} in real time: waits on a shared {@link ScheduledExecutorService} and then
 * hands the task to the tenant's single writer (its mailbox), so timers never run concurrently with
 * the tenant's commands. One small timer pool serves every tenant.
 */
public final class MailboxScheduler implements Scheduler {

  private final Clock clock;
  private final ScheduledExecutorService timers;
  private final Executor mailbox;

  public MailboxScheduler(Clock clock, ScheduledExecutorService timers, Executor mailbox) {
    this.clock = clock;
    this.timers = timers;
    this.mailbox = mailbox;
  }

  @Override
  public Timer schedule(Instant at, Runnable task) {
    long delayNanos = Math.max(0, Duration.between(clock.instant(), at).toNanos());
    CancellableTask cancellable = new CancellableTask(task);
    ScheduledFuture<?> future =
        timers.schedule(() -> mailbox.execute(cancellable), delayNanos, TimeUnit.NANOSECONDS);
    cancellable.future = future;
    return cancellable;
  }

  /** A task that, once cancelled, does nothing even if already handed to the mailbox. */
  private static final class CancellableTask implements Runnable, Timer {
    private volatile Runnable task;
    private volatile boolean cancelled;
    private volatile ScheduledFuture<?> future;

    CancellableTask(Runnable task) {
      this.task = task;
    }

    @Override
    public void run() {
      Runnable pending = task;
      if (!cancelled && pending != null) {
        pending.run();
      }
    }

    @Override
    public void cancel() {
      cancelled = true;
      task = null; // an executor that keeps cancelled tasks queued keeps no call alive
      ScheduledFuture<?> scheduled = future;
      if (scheduled != null) {
        scheduled.cancel(false);
      }
    }
  }
}
