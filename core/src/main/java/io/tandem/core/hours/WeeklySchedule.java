package io.tandem.core.hours;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The opening intervals of a regular week, in local time; a day with no interval is closed.
 *
 * <p>Intervals on the same day must not overlap; they may touch (09:00-12:00 and 12:00-17:00). The
 * list is kept sorted by day, then opening time.
 */
public record WeeklySchedule(List<OpeningInterval> intervals) {

  private static final Comparator<OpeningInterval> BY_DAY_THEN_OPENING =
      Comparator.comparing(OpeningInterval::day).thenComparing(OpeningInterval::opens);

  /** Rejects overlapping intervals on one day, naming both; keeps a sorted immutable copy. */
  public WeeklySchedule {
    List<OpeningInterval> sorted = new ArrayList<>(Objects.requireNonNull(intervals, "intervals"));
    sorted.forEach(interval -> Objects.requireNonNull(interval, "interval"));
    sorted.sort(BY_DAY_THEN_OPENING);
    for (int i = 0; i < sorted.size(); i++) {
      for (int j = i + 1; j < sorted.size() && sorted.get(j).day() == sorted.get(i).day(); j++) {
        if (sorted.get(i).overlaps(sorted.get(j))) {
          throw new IllegalArgumentException(
              "opening intervals " + sorted.get(i) + " and " + sorted.get(j) + " overlap");
        }
      }
    }
    intervals = List.copyOf(sorted);
  }

  /** Open around the clock, every day. */
  public static WeeklySchedule alwaysOpen() {
    List<OpeningInterval> intervals = new ArrayList<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      intervals.add(new OpeningInterval(day, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT));
    }
    return new WeeklySchedule(intervals);
  }

  /** Open Monday to Friday from {@code opens} to {@code closes}, closed at weekends. */
  public static WeeklySchedule weekdays(LocalTime opens, LocalTime closes) {
    List<OpeningInterval> intervals = new ArrayList<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
        intervals.add(new OpeningInterval(day, opens, closes));
      }
    }
    return new WeeklySchedule(intervals);
  }

  /** The local times open on {@code day}, in order. */
  List<TimeWindow> windowsOn(DayOfWeek day) {
    List<TimeWindow> windows = new ArrayList<>();
    for (OpeningInterval interval : intervals) {
      if (interval.day() == day) {
        windows.add(interval.window());
      }
    }
    return windows;
  }
}
