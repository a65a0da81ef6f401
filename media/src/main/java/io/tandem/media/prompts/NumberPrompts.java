package io.tandem.media.prompts;

import java.util.ArrayList;
import java.util.List;

/**
 * A number as default prompt names: 0-20 as themselves, 21-69 as tens and units ({@code 30}, {@code
 * 4} for 34; 20 is a prompt too), 70 and above digit by digit ({@code 1}, {@code 0}, {@code 5} for
 * 105), because the set has no words for 70, 80, 90 and hundreds.
 */
final class NumberPrompts {

  /** The largest number spoken as words; above it digits are read one by one. */
  static final int LARGEST_IN_WORDS = 69;

  private NumberPrompts() {}

  /** {@code number} (not negative) as prompt names. */
  static List<String> of(int number) {
    if (number < 0) {
      throw new IllegalArgumentException("negative number: " + number);
    }
    if (number <= 20) {
      return List.of(Integer.toString(number));
    }
    if (number <= LARGEST_IN_WORDS) {
      int tens = number / 10 * 10;
      int units = number % 10;
      return units == 0
          ? List.of(Integer.toString(tens))
          : List.of(Integer.toString(tens), Integer.toString(units));
    }
    List<String> digits = new ArrayList<>();
    for (char digit : Integer.toString(number).toCharArray()) {
      digits.add(String.valueOf(digit));
    }
    return List.copyOf(digits);
  }
}
