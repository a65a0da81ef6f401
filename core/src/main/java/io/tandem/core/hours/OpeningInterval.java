package io.tandem.core.hours;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A span of local time on one day of the week when business is open, from {@code opens} inclusive
 * to {@code closes} exclusive.
 *
 * <p>{@code closes} of {@link LocalTime#MIDNIGHT} means the end of the day (24:00), so {@code
 * 00:00} to {@code 00:00} is the whole day. Otherwise {@code opens} must be before {@code closes};
 * hours past midnight are two intervals, such as Friday 22:00-24:00 and Saturday 00:00-02:00.
 */
public record OpeningInterval(DayOfWeek day, LocalTime opens, LocalTime closes) {

  /** Rejects a missing field and an empty or negative interval. */
  public OpeningInterval {
    Objects.requireNonNull(day, "day");
    TimeWindow.of(opens, closes, "opening interval on " + day);
  }

  /** The interval's local times, validated. */
  TimeWindow window() {
    return new TimeWindow(opens, closes);
  }

  /** Whether this interval and {@code other} are on the same day and share any time. */
  boolean overlaps(OpeningInterval other) {
    return day == other.day && window().overlaps(other.window());
  }

  /** {@code MONDAY 09:00-17:00}. */
  @Override
  public String toString() {
    return day + " " + window();
  }
}
