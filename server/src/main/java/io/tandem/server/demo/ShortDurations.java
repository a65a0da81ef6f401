package io.tandem.server.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Durations as the demo file writes them, the same way as scenario files: {@code 500ms}, {@code
 * 30s}, {@code 5m}, {@code 1h}, combined ({@code 1h30m}) or with decimals ({@code 1.5m}); or
 * ISO-8601 ({@code PT30S}). Never negative.
 */
final class ShortDurations {

  /** What a duration looks like, for messages. */
  static final String EXPECTED = "a duration such as 500ms, 30s, 5m, 1h30m or PT30S";

  private static final Pattern SHORT = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ms|s|m|h))+");
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

  private ShortDurations() {}

  /** The duration {@code text} describes, or {@code null} if it is none. */
  static @Nullable Duration parse(String text) {
    String trimmed = text.trim();
    if (trimmed.startsWith("P") || trimmed.startsWith("p")) {
      try {
        Duration iso = Duration.parse(trimmed);
        return iso.isNegative() ? null : iso;
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    if (!SHORT.matcher(trimmed).matches()) {
      return null;
    }
    BigDecimal nanos = BigDecimal.ZERO;
    Matcher part = PART.matcher(trimmed);
    while (part.find()) {
      long unit =
          switch (part.group(2)) {
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 3_600_000_000_000L;
          };
      nanos = nanos.add(new BigDecimal(part.group(1)).multiply(BigDecimal.valueOf(unit)));
    }
    return nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0
        ? null
        : Duration.ofNanos(nanos.longValue());
  }
}
