package io.tandem.core.hours;

import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * A validated span of local time within one day, from {@code opens} inclusive to {@code closes}
 * exclusive, where a {@code closes} of {@link LocalTime#MIDNIGHT} means the end of the day (24:00).
 */
record TimeWindow(LocalTime opens, LocalTime closes) {

  private static final long END_OF_DAY = LocalTime.MAX.toNanoOfDay() + 1;

  /**
   * The window, or an {@link IllegalArgumentException} naming {@code owner} when it is empty or
   * closes before it opens.
   */
  static TimeWindow of(LocalTime opens, LocalTime closes, String owner) {
    Objects.requireNonNull(opens, "opens");
    Objects.requireNonNull(closes, "closes");
    TimeWindow window = new TimeWindow(opens, closes);
    if (window.closesNanoOfDay() == opens.toNanoOfDay()) {
      throw new IllegalArgumentException(owner + " " + window + " is empty: it opens as it closes");
    }
    if (window.closesNanoOfDay() < opens.toNanoOfDay()) {
      throw new IllegalArgumentException(
          owner
              + " "
              + window
              + " closes before it opens; write hours past midnight as two intervals, e.g."
              + " FRIDAY 22:00-24:00 and SATURDAY 00:00-02:00");
    }
    return window;
  }

  /** Whether {@code time} falls in this window. */
  boolean contains(LocalTime time) {
    long nanos = time.toNanoOfDay();
    return nanos >= opens.toNanoOfDay() && nanos < closesNanoOfDay();
  }

  /** Whether this window and {@code other} share any time. */
  boolean overlaps(TimeWindow other) {
    return opens.toNanoOfDay() < other.closesNanoOfDay()
        && other.opens.toNanoOfDay() < closesNanoOfDay();
  }

  /** Whether {@code time} falls in any of {@code windows}. */
  static boolean anyContains(List<TimeWindow> windows, LocalTime time) {
    for (TimeWindow window : windows) {
      if (window.contains(time)) {
        return true;
      }
    }
    return false;
  }

  private long closesNanoOfDay() {
    return closes.equals(LocalTime.MIDNIGHT) ? END_OF_DAY : closes.toNanoOfDay();
  }

  /** {@code 09:00-24:00}. */
  @Override
  public String toString() {
    return opens + "-" + (closes.equals(LocalTime.MIDNIGHT) ? "24:00" : closes.toString());
  }
}
