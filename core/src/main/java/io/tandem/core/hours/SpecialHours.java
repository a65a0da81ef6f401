package io.tandem.core.hours;

import java.time.LocalTime;

/**
 * A span of local time on a holiday when business is open after all, from {@code opens} inclusive
 * to {@code closes} exclusive; {@code closes} of {@link LocalTime#MIDNIGHT} means 24:00.
 */
public record SpecialHours(LocalTime opens, LocalTime closes) {

  /** Rejects a missing time and an empty or negative span. */
  public SpecialHours {
    TimeWindow.of(opens, closes, "special hours");
  }

  /** The span's local times, validated. */
  TimeWindow window() {
    return new TimeWindow(opens, closes);
  }

  /** {@code 09:00-12:00}. */
  @Override
  public String toString() {
    return window().toString();
  }
}
