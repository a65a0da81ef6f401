package io.tandem.emulator.graph.calls;

import java.util.Locale;

/**
 * DTMF digits and Graph's {@code tone} enum ({@code tone0}…{@code tone9}, star, pound, a–d, flash).
 */
final class Tones {

  static final java.util.Set<String> WIRE =
      java.util.Set.of(
          "tone0", "tone1", "tone2", "tone3", "tone4", "tone5", "tone6", "tone7", "tone8", "tone9",
          "star", "pound", "a", "b", "c", "d", "flash");

  private Tones() {}

  static String toWire(char digit) {
    return switch (digit) {
      case '*' -> "star";
      case '#' -> "pound";
      default ->
          Character.isDigit(digit)
              ? "tone" + digit
              : String.valueOf(digit).toLowerCase(Locale.ROOT);
    };
  }
}
