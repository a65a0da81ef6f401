package io.tandem.core.simulation;

import java.time.Duration;
import java.util.Objects;

/**
 * From {@code from} (after the scenario start, or after the start of each arrival cycle) on,
 * callers arrive as a Poisson process at {@code perHour} calls per hour, until the next step.
 *
 * @param from offset at which this rate starts
 * @param perHour mean arrivals per hour, at least 0
 */
public record ArrivalStep(Duration from, double perHour) {
  public ArrivalStep {
    Objects.requireNonNull(from, "from");
  }
}
