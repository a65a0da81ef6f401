package io.tandem.sip.stack;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Transactions that only wait out their time to absorb retransmissions (RFC 3261 Timers D, H, I, J,
 * K; RFC 6026 Timer L) before they are forgotten: kept in one first-in-first-out queue per delay
 * and swept every {@link #SWEEP_MILLIS}, instead of one timer each. At thousands of calls per
 * second that keeps tens of thousands of 32-s timers out of the timer queue, whose churn in a
 * long-lived array made young garbage collections scan far more of the old generation.
 */
final class Lingering {

  /** How often due entries are ended: a transaction lingers at most this much longer. */
  static final long SWEEP_MILLIS = 250;

  private record Entry(long due, Runnable end) {}

  private final StackTimers timers;
  private final Map<Long, Queue<Entry>> queues = new ConcurrentHashMap<>();

  Lingering(StackTimers timers) {
    this.timers = timers;
    timers.after(SWEEP_MILLIS, this::sweep);
  }

  /** Runs {@code end} once {@code millis} have passed (at once when 0). */
  void after(long millis, Runnable end) {
    if (millis <= 0) {
      end.run();
      return;
    }
    queues
        .computeIfAbsent(millis, delay -> new ConcurrentLinkedQueue<>())
        .add(new Entry(timers.nowMillis() + millis, end));
  }

  private void sweep() {
    long now = timers.nowMillis();
    for (Queue<Entry> queue : queues.values()) {
      for (Entry head = queue.peek(); head != null && head.due() <= now; head = queue.peek()) {
        queue.poll();
        head.end().run();
      }
    }
    timers.after(SWEEP_MILLIS, this::sweep);
  }
}
