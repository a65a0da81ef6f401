package io.tandem.server.webhook;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long to wait before retrying a failed delivery: exponential backoff with "equal jitter"
 * (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/). After the n-th
 * failed attempt the ceiling is {@code initial × 2^(n-1)}, capped at {@code max}, and the wait is
 * drawn uniformly from [ceiling / 2, ceiling], so receivers that failed together do not retry in
 * step.
 */
public final class Backoff {

  private final Duration initial;
  private final Duration max;
  private final RandomGenerator random;

  /**
   * @param initial the ceiling after the first failure, positive
   * @param max the largest ceiling, at least {@code initial}
   * @param random where the jitter comes from
   */
  public Backoff(Duration initial, Duration max, RandomGenerator random) {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "backoff needs 0 < initial <= max, not initial " + initial + " and max " + max);
    }
    this.initial = initial;
    this.max = max;
    this.random = random;
  }

  /** The ceiling of the wait after {@code failedAttempts} failures (at least 1). */
  public Duration ceiling(int failedAttempts) {
    if (failedAttempts < 1) {
      throw new IllegalArgumentException("at least one attempt failed, not " + failedAttempts);
    }
    Duration ceiling = initial;
    for (int i = 1; i < failedAttempts && ceiling.compareTo(max) < 0; i++) {
      ceiling = ceiling.multipliedBy(2);
    }
    return ceiling.compareTo(max) < 0 ? ceiling : max;
  }

  /** The wait after {@code failedAttempts} failures: in [ceiling / 2, ceiling]. */
  public Duration delay(int failedAttempts) {
    long ceilingNanos = ceiling(failedAttempts).toNanos();
    long half = ceilingNanos / 2;
    return Duration.ofNanos(half + random.nextLong(ceilingNanos - half + 1));
  }
}
