package io.tandem.sip.stack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Stack timers that run when a test advances them. */
final class ManualTimers implements StackTimers {

  private final List<Entry> pending = new ArrayList<>();
  private long now;

  private final class Entry implements Pending {
    final long at;
    final Runnable task;
    boolean cancelled;

    Entry(long at, Runnable task) {
      this.at = at;
      this.task = task;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }
  }

  @Override
  public synchronized Pending after(long millis, Runnable task) {
    Entry entry = new Entry(now + millis, task);
    pending.add(entry);
    return entry;
  }

  @Override
  public synchronized long nowMillis() {
    return now;
  }

  /** Moves time forward by {@code millis}, running what falls due in order. */
  void advance(long millis) {
    long until = now + millis;
    while (true) {
      Entry next;
      synchronized (this) {
        next =
            pending.stream()
                .filter(e -> !e.cancelled && e.at <= until)
                .min(Comparator.comparingLong(e -> e.at))
                .orElse(null);
        if (next == null) {
          now = until;
          return;
        }
        pending.remove(next);
        now = next.at;
      }
      next.task.run();
    }
  }

  @Override
  public void close() {}
}
