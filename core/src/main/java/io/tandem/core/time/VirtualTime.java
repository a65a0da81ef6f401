package io.tandem.core.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;

/**
 * A clock and a scheduler in virtual time: time moves only when {@link #advanceTo} or {@link
 * #runNext} runs the next due timer, so a day of contact-center traffic runs in milliseconds and
 * tests are deterministic.
 *
 * <p>Timers due at the same instant run in the order they were scheduled. Not thread-safe: one
 * thread drives it (the test or the simulator), which is the tenant's single writer.
 */
public final class VirtualTime extends Clock implements Scheduler {

  private final PriorityQueue<VirtualTimer> due = new PriorityQueue<>();
  private long nowNanos;
  private long scheduledCount;

  /** Starts virtual time at {@code start}. */
  public VirtualTime(Instant start) {
    this.nowNanos = toNanos(start);
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochSecond(0, nowNanos);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("virtual time is UTC; convert with Instant.atZone");
  }

  @Override
  public Timer schedule(Instant at, Runnable task) {
    VirtualTimer timer = new VirtualTimer(Math.max(toNanos(at), nowNanos), scheduledCount++, task);
    due.add(timer);
    return timer;
  }

  /** Schedules {@code task} after {@code delay} from now. */
  public Timer scheduleAfter(Duration delay, Runnable task) {
    return schedule(instant().plus(delay), task);
  }

  /** Runs the earliest pending timer, moving time to it; false when nothing is pending. */
  public boolean runNext() {
    VirtualTimer next;
    do {
      next = due.poll();
      if (next == null) {
        return false;
      }
    } while (next.cancelled);
    nowNanos = next.atNanos;
    next.task.run();
    return true;
  }

  /** Runs every timer due up to {@code until} (inclusive) and leaves time at {@code until}. */
  public void advanceTo(Instant until) {
    long limit = toNanos(until);
    while (true) {
      VirtualTimer head = due.peek();
      if (head != null && head.cancelled) {
        due.poll();
        continue;
      }
      if (head == null || head.atNanos > limit) {
        break;
      }
      runNext();
    }
    nowNanos = Math.max(nowNanos, limit);
  }

  /** Advances time by {@code step}, running what falls due. */
  public void advance(Duration step) {
    advanceTo(instant().plus(step));
  }

  /** Timers scheduled and not yet run or cancelled (cancelled ones may still be counted). */
  public int pendingTimers() {
    return due.size();
  }

  private static long toNanos(Instant at) {
    return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
  }

  private static final class VirtualTimer implements Timer, Comparable<VirtualTimer> {
    final long atNanos;
    final long order;
    final Runnable task;
    boolean cancelled;

    VirtualTimer(long atNanos, long order, Runnable task) {
      this.atNanos = atNanos;
      this.order = order;
      this.task = task;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }

    @Override
    public int compareTo(VirtualTimer other) {
      int byTime = Long.compare(atNanos, other.atNanos);
      return byTime != 0 ? byTime : Long.compare(order, other.order);
    }
  }
}
