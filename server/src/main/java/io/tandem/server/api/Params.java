package io.tandem.server.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/** Parses query parameters; a malformed one is a 400 naming it. */
final class Params {

  private Params() {}

  /** An ISO-8601 instant such as {@code 2026-11-21T09:00:00Z}. */
  static Instant instant(String name, String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(
          name, "'" + name + "' must be an ISO-8601 instant such as 2026-11-21T09:00:00Z");
    }
  }

  /** A constant of {@code type}, by name, ignoring case. */
  static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(
          name,
          "'"
              + name
              + "' must be one of "
              + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
    }
  }
}
