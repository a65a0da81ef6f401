package io.tandem.sip.stack;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Transactions that only wait out their time to absorb retransmissions (RFC 3261 Timers D, H, I, J,
 * K; RFC 6026 Timer L) before they are forgotten: kept in one first-in-first-out ring per delay and
 * swept every {@link #SWEEP_MILLIS}, instead of one timer each. At thousands of calls per second
 * tens of thousands of transactions linger at once; a ring holds each in two array slots, with no
 * timer, queue node or closure per transaction for young garbage collections to copy.
 */
final class Lingering {

  /** How often due entries are ended: a transaction lingers at most this much longer. */
  static final long SWEEP_MILLIS = 250;

  /** A transaction that leaves its table when its lingering time is over. */
  interface Lingerer {
    void lingered();
  }

  private final StackTimers timers;
  private final Map<Long, Ring> rings = new ConcurrentHashMap<>();

  Lingering(StackTimers timers) {
    this.timers = timers;
    timers.after(SWEEP_MILLIS, this::sweep);
  }

  /** Ends {@code lingerer} once {@code millis} have passed (at once when 0). */
  void after(long millis, Lingerer lingerer) {
    if (millis <= 0) {
      lingerer.lingered();
      return;
    }
    rings.computeIfAbsent(millis, delay -> new Ring()).add(timers.nowMillis() + millis, lingerer);
  }

  /** How many transactions linger. */
  int size() {
    return rings.values().stream().mapToInt(Ring::size).sum();
  }

  private void sweep() {
    long now = timers.nowMillis();
    for (Ring ring : rings.values()) {
      for (Lingerer due = ring.pollDue(now); due != null; due = ring.pollDue(now)) {
        due.lingered();
      }
    }
    timers.after(SWEEP_MILLIS, this::sweep);
  }

  /**
   * The lingerers of one delay, in the order they were added (so in due order), in two growing
   * circular arrays. Its lock is never held while a lingerer ends (that takes the transaction's).
   */
  private static final class Ring {
    private long[] dues = new long[256];
    private @Nullable Lingerer[] lingerers = new Lingerer[256];
    private int head;
    private int size;

    synchronized void add(long due, Lingerer lingerer) {
      if (size == dues.length) {
        grow();
      }
      int tail = (head + size) % dues.length;
      dues[tail] = due;
      lingerers[tail] = lingerer;
      size++;
    }

    /** Removes and returns the oldest lingerer if it is due at {@code now}, else null. */
    synchronized @Nullable Lingerer pollDue(long now) {
      if (size == 0 || dues[head] > now) {
        return null;
      }
      Lingerer due = lingerers[head];
      lingerers[head] = null;
      head = (head + 1) % dues.length;
      size--;
      return due;
    }

    synchronized int size() {
      return size;
    }

    private void grow() {
      long[] moreDues = new long[dues.length * 2];
      Lingerer[] moreLingerers = new Lingerer[dues.length * 2];
      for (int i = 0; i < size; i++) {
        int from = (head + i) % dues.length;
        moreDues[i] = dues[from];
        moreLingerers[i] = lingerers[from];
      }
      dues = moreDues;
      lingerers = moreLingerers;
      head = 0;
    }
  }
}
