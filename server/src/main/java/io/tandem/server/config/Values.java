package io.tandem.server.config;

import io.tandem.simulator.DurationText;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Reads and writes the scalar values of configuration documents: durations, times, enums. */
final class Values {

  private Values() {}

  /**
   * {@code text} as a duration ({@code 30s}, {@code 1h30m}, {@code PT30S}); null with a problem.
   */
  static @Nullable Duration duration(String text, String field, Problems problems) {
    Duration duration = DurationText.parse(text);
    if (duration == null) {
      problems.add(field, "must be " + DurationText.EXPECTED + ", got '" + text + "'");
    }
    return duration;
  }

  /** {@code duration} as documents write it: {@code 30s}, {@code 1h30m}; ISO when finer than ms. */
  static String text(Duration duration) {
    return duration.getNano() % 1_000_000 == 0
        ? DurationText.format(duration)
        : duration.toString();
  }

  /** {@code text} as a local time {@code HH:mm}; {@code 24:00} is midnight (the end of the day). */
  static @Nullable LocalTime time(String text, String field, Problems problems) {
    if (text.equals("24:00")) {
      return LocalTime.MIDNIGHT;
    }
    try {
      return LocalTime.parse(text);
    } catch (java.time.DateTimeException e) {
      problems.add(field, "must be a local time such as 09:00 or 24:00, got '" + text + "'");
      return null;
    }
  }

  /** The constant of {@code type} called {@code text} (case-insensitive); null with a problem. */
  static <E extends Enum<E>> @Nullable E constant(
      Class<E> type, String text, String field, Problems problems) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(text.toUpperCase(Locale.ROOT))) {
        return constant;
      }
    }
    problems.add(
        field,
        "must be one of "
            + Arrays.toString(type.getEnumConstants()).substring(1).replace("]", "")
            + ", got '"
            + text
            + "'");
    return null;
  }
}
