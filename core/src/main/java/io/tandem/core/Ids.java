package io.tandem.core;

import java.util.regex.Pattern;

/**
 * The rule every identifier in the domain follows: 1–128 chars of letters, digits, {@code ._:@+-}.
 */
public final class Ids {

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@+-]{0,127}");

  private Ids() {}

  /** Returns {@code value} if it is a valid identifier, else throws naming {@code what}. */
  public static String requireValid(String what, String value) {
    if (value == null || !VALID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          what
              + " must be 1-128 characters of letters, digits and ._:@+- starting with a letter or"
              + " digit, got "
              + (value == null ? "null" : "'" + value + "'"));
    }
    return value;
  }
}
