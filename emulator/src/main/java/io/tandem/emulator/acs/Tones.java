package io.tandem.emulator.acs;

import java.util.List;
import java.util.Locale;

/** DTMF tones as Call Automation names them: zero … nine, a … d, pound, asterisk. */
final class Tones {

  static final List<String> NAMES =
      List.of(
          "zero",
          "one",
          "two",
          "three",
          "four",
          "five",
          "six",
          "seven",
          "eight",
          "nine",
          "a",
          "b",
          "c",
          "d",
          "pound",
          "asterisk");

  private Tones() {}

  /** The tone name of a dial-pad character ({@code 0-9 * # A-D}). */
  static String name(char digit) {
    char upper = Character.toUpperCase(digit);
    if (upper >= '0' && upper <= '9') {
      return NAMES.get(upper - '0');
    }
    return switch (upper) {
      case 'A' -> "a";
      case 'B' -> "b";
      case 'C' -> "c";
      case 'D' -> "d";
      case '#' -> "pound";
      case '*' -> "asterisk";
      default -> throw new IllegalArgumentException("not a DTMF digit: " + digit);
    };
  }

  /** The dial-pad character of a tone name, as media-streaming {@code DtmfData} carries it. */
  static String digit(String name) {
    int index = NAMES.indexOf(name.toLowerCase(Locale.ROOT));
    if (index < 0) {
      throw new IllegalArgumentException("not a tone name: " + name);
    }
    if (index < 10) {
      return Integer.toString(index);
    }
    return switch (index) {
      case 14 -> "#";
      case 15 -> "*";
      default -> NAMES.get(index).toUpperCase(Locale.ROOT);
    };
  }

  static boolean isName(String name) {
    return NAMES.contains(name.toLowerCase(Locale.ROOT));
  }
}
