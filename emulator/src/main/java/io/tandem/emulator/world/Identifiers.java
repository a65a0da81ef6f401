package io.tandem.emulator.world;

import java.util.regex.Pattern;

/** Checks for the identifiers the world is made of. */
final class Identifiers {

  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

  private Identifiers() {}

  static void requireNonBlank(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is required");
    }
  }

  static void requireE164(String number, String what) {
    if (!isE164(number)) {
      throw new IllegalArgumentException(what + " must be +E164, was: " + number);
    }
  }

  static boolean isE164(String number) {
    return E164.matcher(number).matches();
  }
}
