package io.tandem.core.callback;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a callback's customer is called before the callback is given up, and how long it waits
 * between attempts.
 *
 * @param attempts calls placed to the customer at most (1 or more); after the last one that does
 *     not reach them the interaction ends with reason {@value #GIVEN_UP}
 * @param retryDelay how long a callback whose customer was not reached waits before it is offered
 *     to agents again
 */
public record CallbackPolicy(int attempts, Duration retryDelay) {

  /** The end reason of a callback whose customer was never reached. */
  public static final String GIVEN_UP = "callback-failed";

  /** Three attempts, five minutes apart. */
  public static final CallbackPolicy DEFAULT = new CallbackPolicy(3, Duration.ofMinutes(5));

  public CallbackPolicy {
    Objects.requireNonNull(retryDelay, "retryDelay");
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
    }
    if (retryDelay.isNegative()) {
      throw new IllegalArgumentException("retryDelay must not be negative: " + retryDelay);
    }
  }
}
