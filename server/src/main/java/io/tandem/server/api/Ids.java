package io.tandem.server.api;

import java.util.function.Function;

/** Parses ids given in request paths and bodies; a malformed one is a 400 naming the field. */
final class Ids {

  private Ids() {}

  /** {@code factory.apply(value)}, or a 400 naming {@code field} if the id is malformed. */
  static <T> T parse(String field, String value, Function<String, T> factory) {
    try {
      return factory.apply(value);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(field, e.getMessage());
    }
  }
}
