package io.tandem.emulator.time;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * Virtual time for tests and scripted scenarios: nothing runs until {@link #advance} moves the
 * clock, and then every task that fell due runs in deadline order on the caller's thread.
 */
public final class ManualScheduler implements Scheduler {

  private final PriorityQueue<Entry> due = new PriorityQueue<>();
  private Instant now;
  private long sequence;

  public ManualScheduler(Instant start) {
    this.now = start;
  }

  @Override
  public synchronized Instant now() {
    return now;
  }

  @Override
  public synchronized Timer schedule(Duration delay, Runnable task) {
    Entry entry = new Entry(now.plus(delay.isNegative() ? Duration.ZERO : delay), sequence++, task);
    due.add(entry);
    return () -> {
      synchronized (ManualScheduler.this) {
        return due.remove(entry);
      }
    };
  }

  /** Moves the clock forward by {@code step}, running every task that falls due on the way. */
  public void advance(Duration step) {
    Instant target;
    synchronized (this) {
      target = now.plus(step);
    }
    while (true) {
      Entry next;
      synchronized (this) {
        next = due.peek();
        if (next == null || next.at.isAfter(target)) {
          now = target;
          return;
        }
        due.poll();
        now = next.at;
      }
      next.task.run();
    }
  }

  /** Runs what is due now without moving the clock. */
  public void runDueTasks() {
    advance(Duration.ZERO);
  }

  private record Entry(Instant at, long order, Runnable task) implements Comparable<Entry> {
    @Override
    public int compareTo(Entry other) {
      int byTime = at.compareTo(other.at);
      return byTime != 0 ? byTime : Long.compare(order, other.order);
    }
  }
}
