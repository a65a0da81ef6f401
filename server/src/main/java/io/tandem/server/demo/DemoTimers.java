package io.tandem.server.demo;

import io.tandem.core.tenant.Tenant;
import io.tandem.core.time.Scheduler;
import io.tandem.core.time.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's timers: each waits on the injected {@link Scheduler}, then sends its action to the
 * tenant's writer through {@link TenantCommands}, so that every action (and all demo state it
 * touches) runs there. {@link #stop} cancels every pending timer and makes the rest do nothing.
 *
 * <p>A timer cancelled on the writer after it fired but before its action ran still does nothing:
 * the action checks the cancellation on the writer too. A failing action is logged (the first, then
 * every power of two) and the demo goes on.
 */
final class DemoTimers {

  private static final Logger LOG = LoggerFactory.getLogger(DemoTimers.class);

  private final Clock clock;
  private final Scheduler scheduler;
  private final TenantCommands commands;
  private final Set<Pending> pending = ConcurrentHashMap.newKeySet();
  private final AtomicLong failures = new AtomicLong();
  private volatile boolean running = true;

  DemoTimers(Clock clock, Scheduler scheduler, TenantCommands commands) {
    this.clock = clock;
    this.scheduler = scheduler;
    this.commands = commands;
  }

  /** Runs {@code action} on the tenant's writer after {@code delay}, unless cancelled first. */
  Timer after(Duration delay, Consumer<Tenant> action) {
    Pending timer = new Pending(action);
    pending.add(timer);
    timer.waiting = scheduler.schedule(clock.instant().plus(delay), () -> fire(timer));
    return timer;
  }

  /** Runs {@code action} on the tenant's writer as soon as possible. */
  void now(Consumer<Tenant> action) {
    after(Duration.ZERO, action);
  }

  /** Whether the demo still runs. */
  boolean running() {
    return running;
  }

  /** Cancels every pending timer; actions already sent to the writer do nothing. */
  void stop() {
    running = false;
    pending.forEach(Pending::cancel);
  }

  /** Timers waiting (for tests: the demo leaves one per caller, agent plan and arrival stream). */
  int pendingCount() {
    return pending.size();
  }

  private void fire(Pending timer) {
    pending.remove(timer);
    if (!running || timer.cancelled) {
      return;
    }
    commands
        .tell(
            tenant -> {
              if (running && !timer.cancelled) {
                timer.action.accept(tenant);
              }
            })
        .whenComplete(
            (done, failure) -> {
              if (failure != null) {
                failed(failure);
              }
            });
  }

  private void failed(Throwable failure) {
    long count = failures.incrementAndGet();
    if (Long.bitCount(count) == 1) {
      LOG.warn("Demo traffic: a command failed ({} so far): {}", count, failure.toString());
    }
  }

  /** One timer: its action, and whether it was cancelled. */
  private final class Pending implements Timer {
    final Consumer<Tenant> action;
    volatile Timer waiting = Timer.NONE;
    volatile boolean cancelled;

    Pending(Consumer<Tenant> action) {
      this.action = action;
    }

    @Override
    public void cancel() {
      cancelled = true;
      waiting.cancel();
      pending.remove(this);
    }
  }
}
