package io.tandem.acs.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How the client retries: up to {@code attempts} tries in all. After a 5xx, 408, 429 or no reply it
 * waits what {@code Retry-After} (or {@code retry-after-ms}) says, else {@code backoff} doubling
 * each time; a wait longer than {@code maxRetryAfter} fails the request instead, so a caller with a
 * deadline is not held hostage. Waits go through {@code sleeper}, which tests replace.
 */
public record RetryPolicy(int attempts, Duration backoff, Duration maxRetryAfter, Sleeper sleeper) {

  /** Waits between attempts. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** Blocks the calling (virtual) thread for the duration. */
    Sleeper BLOCKING = Thread::sleep;
  }

  /** Four tries, 250 ms doubling backoff, Retry-After up to 10 s, blocking waits. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(10), Sleeper.BLOCKING);

  public RetryPolicy {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1");
    }
    if (backoff.isNegative() || maxRetryAfter.isNegative()) {
      throw new IllegalArgumentException("backoff and maxRetryAfter must not be negative");
    }
    Objects.requireNonNull(sleeper, "sleeper");
  }

  /** This policy with waits going through {@code sleeper}. */
  public RetryPolicy withSleeper(Sleeper sleeper) {
    return new RetryPolicy(attempts, backoff, maxRetryAfter, sleeper);
  }
}
