package io.tandem.testkit.load;

import java.time.Duration;
import java.util.Arrays;

/** Latencies in microseconds, summarised by nearest-rank percentiles. Not thread-safe. */
public final class Samples {

  private long[] micros = new long[1024];
  private int size;

  public void add(Duration latency) {
    if (size == micros.length) {
      micros = Arrays.copyOf(micros, size * 2);
    }
    micros[size++] = latency.toNanos() / 1000;
  }

  public int count() {
    return size;
  }

  /** {@code n=…, p50 … ms, p99 … ms, max … ms}, or {@code n=0}. */
  public String summary() {
    return summarySince(0);
  }

  /** The summary of the samples added after the first {@code skipped}. */
  public String summarySince(int skipped) {
    int n = size - skipped;
    if (n <= 0) {
      return "n=0";
    }
    long[] sorted = Arrays.copyOfRange(micros, skipped, size);
    Arrays.sort(sorted);
    return String.format(
        "n=%d p50 %.1f ms, p99 %.1f ms, max %.1f ms",
        n, rank(sorted, 0.50) / 1000.0, rank(sorted, 0.99) / 1000.0, sorted[n - 1] / 1000.0);
  }

  private static long rank(long[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
