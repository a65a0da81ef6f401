package io.tandem.core.queue;

import java.time.Duration;
import java.util.Objects;

/** A service-level target: {@code percent} of interactions answered within {@code threshold}. */
public record ServiceLevelTarget(int percent, Duration threshold) {
  public ServiceLevelTarget {
    Objects.requireNonNull(threshold, "threshold");
    if (percent < 1 || percent > 100) {
      throw new IllegalArgumentException("service level percent must be 1-100, got " + percent);
    }
    if (threshold.isNegative() || threshold.isZero()) {
      throw new IllegalArgumentException("service level threshold must be positive: " + threshold);
    }
  }

  /** The common 80% in 20 s. */
  public static ServiceLevelTarget eightyInTwenty() {
    return new ServiceLevelTarget(80, Duration.ofSeconds(20));
  }
}
