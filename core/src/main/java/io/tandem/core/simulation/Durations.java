package io.tandem.core.simulation;

import java.time.Duration;

/**
 * Short, readable duration text for reports and messages: {@code 90s}, {@code 5m}, {@code 1h30m}.
 */
final class Durations {

  private Durations() {}

  /** {@code 1h30m}, {@code 45s}, {@code 2.5s}, {@code 0s}; days as {@code 2d3h}. */
  static String format(Duration duration) {
    if (duration.isZero()) {
      return "0s";
    }
    if (duration.isNegative()) {
      return "-" + format(duration.negated());
    }
    StringBuilder text = new StringBuilder();
    long days = duration.toDays();
    int hours = duration.toHoursPart();
    int minutes = duration.toMinutesPart();
    int seconds = duration.toSecondsPart();
    int millis = duration.toMillisPart();
    append(text, days, "d");
    append(text, hours, "h");
    append(text, minutes, "m");
    if (millis != 0) {
      String fraction = Integer.toString(1000 + millis).substring(1).replaceAll("0+$", "");
      text.append(seconds).append('.').append(fraction).append('s');
    } else {
      append(text, seconds, "s");
    }
    return text.isEmpty() ? duration.toNanos() + "ns" : text.toString();
  }

  private static void append(StringBuilder text, long value, String unit) {
    if (value != 0) {
      text.append(value).append(unit);
    }
  }
}
