package io.tandem.graph.client;

import java.time.Duration;

/**
 * How the client retries: up to {@code attempts} tries in all; after a 5xx or an unreachable Graph
 * it waits {@code backoff}, doubling each time; after a 429 it waits what {@code Retry-After} says,
 * but never more than {@code maxRetryAfter} (a longer wait fails the request instead, so a caller
 * with a deadline, like the 15-second answer window, is not held hostage).
 */
public record RetryPolicy(int attempts, Duration backoff, Duration maxRetryAfter) {

  /** Four tries, 250 ms doubling backoff, Retry-After up to 10 s. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(10));

  public RetryPolicy {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1");
    }
  }
}
