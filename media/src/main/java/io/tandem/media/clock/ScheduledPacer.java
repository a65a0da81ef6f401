package io.tandem.media.clock;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The real pacer: each task reschedules itself on a {@link ScheduledExecutorService} for its next
 * absolute deadline ({@link TickSchedule}), reading time from an injected nanosecond clock.
 *
 * <p>Threading: ticks run on the executor's threads; one task's ticks never overlap (each is
 * scheduled only when the previous one has finished). One single-threaded executor can pace
 * hundreds of sessions, since a tick encodes and sends one packet. An exception thrown by a tick is
 * swallowed so the stream keeps going; the owner of the executor shuts it down.
 */
public final class ScheduledPacer implements Pacer {

  private final ScheduledExecutorService executor;
  private final LongSupplier nanoTime;

  /** A pacer on {@code executor}, reading time from {@code nanoTime} (e.g. System::nanoTime). */
  public ScheduledPacer(ScheduledExecutorService executor, LongSupplier nanoTime) {
    this.executor = executor;
    this.nanoTime = nanoTime;
  }

  @Override
  public long currentPeriod() {
    return Math.floorDiv(nanoTime.getAsLong(), TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS));
  }

  @Override
  public PacedTask schedule(Runnable tick) {
    TickSchedule schedule =
        new TickSchedule(nanoTime.getAsLong(), TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS));
    Ticking ticking = new Ticking(tick, schedule);
    ticking.scheduleTick(1, schedule.deadline(1) - schedule.startNanos());
    return ticking::cancel;
  }

  private final class Ticking {
    private final Runnable tick;
    private final TickSchedule schedule;
    private volatile boolean cancelled;
    private @Nullable ScheduledFuture<?> pending;

    Ticking(Runnable tick, TickSchedule schedule) {
      this.tick = tick;
      this.schedule = schedule;
    }

    synchronized void scheduleTick(long number, long delayNanos) {
      if (cancelled) {
        return;
      }
      try {
        pending = executor.schedule(() -> run(number), delayNanos, TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException shutDown) {
        cancelled = true;
      }
    }

    private void run(long number) {
      if (cancelled) {
        return;
      }
      try {
        tick.run();
      } catch (RuntimeException e) {
        // a failing tick must not stop the stream; the task reports its own errors
      }
      TickSchedule.Next next = schedule.after(number, nanoTime.getAsLong());
      scheduleTick(next.tick(), next.delayNanos());
    }

    synchronized void cancel() {
      cancelled = true;
      if (pending != null) {
        pending.cancel(false);
      }
    }
  }
}
