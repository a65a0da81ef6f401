package io.tandem.sip.bench;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A histogram of how late RTP ticks run after their 20 ms schedule, in buckets of 100 µs up to 100
 * ms (later ticks share the last bucket). Recording is lock-free; a snapshot drains the counts so
 * each report covers the ticks since the previous one.
 */
final class TickLateness {

  static final long BUCKET_NANOS = 100_000;
  private static final int BUCKETS = 1001;

  private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

  /** One tick ran {@code lateNanos} after its deadline (negative: early, counted as on time). */
  void record(long lateNanos) {
    int bucket = (int) Math.min(BUCKETS - 1, Math.max(0, lateNanos) / BUCKET_NANOS);
    counts.incrementAndGet(bucket);
  }

  /** The counts since the last snapshot, which are reset. */
  Snapshot drain() {
    long[] copy = new long[BUCKETS];
    for (int i = 0; i < BUCKETS; i++) {
      copy[i] = counts.getAndSet(i, 0);
    }
    return new Snapshot(copy);
  }

  /** Tick counts per 100 µs bucket of lateness. */
  record Snapshot(long[] counts) {

    long ticks() {
      long total = 0;
      for (long count : counts) {
        total += count;
      }
      return total;
    }

    /**
     * The upper edge, in milliseconds, of the bucket holding the {@code quantile} (0-1) tick; 0
     * without ticks. The last bucket reports 100 ms and more as 100.1.
     */
    double millisAt(double quantile) {
      long total = ticks();
      if (total == 0) {
        return 0;
      }
      long rank = Math.max(1, (long) Math.ceil(quantile * total));
      long seen = 0;
      for (int i = 0; i < counts.length; i++) {
        seen += counts[i];
        if (seen >= rank) {
          return (i + 1) * BUCKET_NANOS / 1e6;
        }
      }
      return counts.length * BUCKET_NANOS / 1e6;
    }

    Snapshot plus(Snapshot other) {
      long[] sum = counts.clone();
      for (int i = 0; i < sum.length; i++) {
        sum[i] += other.counts[i];
      }
      return new Snapshot(sum);
    }

    static Snapshot empty() {
      return new Snapshot(new long[BUCKETS]);
    }
  }
}
