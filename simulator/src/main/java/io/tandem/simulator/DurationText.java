package io.tandem.simulator;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Durations as scenario files write them: short forms {@code 500ms}, {@code 30s}, {@code 5m},
 * {@code 1h}, {@code 1d}, combined ({@code 1h30m}) or with decimals ({@code 1.5h}), optionally
 * negative; or ISO-8601 ({@code PT30S}, {@code P1DT2H}).
 */
public final class DurationText {

  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");
  private static final Pattern SHORT = Pattern.compile("-?(?:\\d+(?:\\.\\d+)?(?:ms|s|m|h|d))+");

  /** What a duration looks like, for messages. */
  public static final String EXPECTED = "a duration such as 30s, 5m, 1h30m, 1d or PT30S";

  private DurationText() {}

  /**
   * Reads the duration at {@code key} of {@code fields}; records a problem and returns null if bad.
   */
  static @Nullable Duration parse(String key, YamlNode value, Fields fields) {
    if (value instanceof YamlNode.Scalar scalar) {
      if (scalar.token() == tools.jackson.core.JsonToken.VALUE_NUMBER_INT
          || scalar.token() == tools.jackson.core.JsonToken.VALUE_NUMBER_FLOAT) {
        fields.problem(
            key,
            "needs a unit: write "
                + scalar.text()
                + "s, "
                + scalar.text()
                + "m or "
                + scalar.text()
                + "h");
        return null;
      }
      Duration duration = parse(scalar.text());
      if (duration != null) {
        return duration;
      }
    }
    fields.problem(key, "must be " + EXPECTED + ", got " + YamlNode.describe(value));
    return null;
  }

  /** The duration {@code text} describes, or {@code null} if it is not one. */
  public static @Nullable Duration parse(String text) {
    String trimmed = text.trim();
    if (trimmed.isEmpty()) {
      return null;
    }
    char first = trimmed.charAt(0);
    if (first == 'P' || first == 'p' || trimmed.startsWith("-P") || trimmed.startsWith("-p")) {
      try {
        return Duration.parse(trimmed);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    if (!SHORT.matcher(trimmed).matches()) {
      return null;
    }
    boolean negative = trimmed.startsWith("-");
    Matcher part = PART.matcher(trimmed);
    BigDecimal nanos = BigDecimal.ZERO;
    while (part.find()) {
      BigDecimal amount = new BigDecimal(part.group(1));
      long unit =
          switch (part.group(2)) {
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> 86_400_000_000_000L;
          };
      nanos = nanos.add(amount.multiply(BigDecimal.valueOf(unit)));
    }
    if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      return null;
    }
    Duration duration = Duration.ofNanos(nanos.longValue());
    return negative ? duration.negated() : duration;
  }

  /** Short text for messages: {@code 30s}, {@code 1h30m}, {@code 1.5s}, {@code -5s}. */
  public static String format(Duration duration) {
    if (duration.isNegative()) {
      return "-" + format(duration.negated());
    }
    if (duration.isZero()) {
      return "0s";
    }
    StringBuilder text = new StringBuilder();
    long days = duration.toDays();
    if (days > 0) {
      text.append(days).append('d');
    }
    if (duration.toHoursPart() > 0) {
      text.append(duration.toHoursPart()).append('h');
    }
    if (duration.toMinutesPart() > 0) {
      text.append(duration.toMinutesPart()).append('m');
    }
    int seconds = duration.toSecondsPart();
    int millis = duration.toMillisPart();
    if (millis > 0) {
      String fraction = Integer.toString(1000 + millis).substring(1).replaceAll("0+$", "");
      text.append(seconds).append('.').append(fraction).append('s');
    } else if (seconds > 0) {
      text.append(seconds).append('s');
    }
    return text.isEmpty() ? duration.toNanos() + "ns" : text.toString();
  }
}
