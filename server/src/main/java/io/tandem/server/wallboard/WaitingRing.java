package io.tandem.server.wallboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The latest {@code capacity} waiting samples of one tenant, oldest overwritten first: bounded
 * memory however long the server runs.
 *
 * <p>Threading: thread-safe (every method holds the ring's lock).
 */
final class WaitingRing {

  private final WaitingSample[] samples;
  private int next;
  private int size;

  WaitingRing(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("a ring holds at least one sample, not " + capacity);
    }
    this.samples = new WaitingSample[capacity];
  }

  /** Adds the newest sample, dropping the oldest when the ring is full. */
  synchronized void add(WaitingSample sample) {
    samples[next] = sample;
    next = (next + 1) % samples.length;
    size = Math.min(size + 1, samples.length);
  }

  /** The samples taken at or after {@code from}, oldest first. */
  synchronized List<WaitingSample> since(Instant from) {
    List<WaitingSample> found = new ArrayList<>(size);
    int oldest = (next - size + samples.length) % samples.length;
    for (int i = 0; i < size; i++) {
      WaitingSample sample = samples[(oldest + i) % samples.length];
      if (!sample.at().isBefore(from)) {
        found.add(sample);
      }
    }
    return found;
  }

  synchronized int size() {
    return size;
  }
}
