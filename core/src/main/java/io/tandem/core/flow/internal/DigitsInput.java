package io.tandem.core.flow.internal;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Acceptance of the digits a caller keyed in for a {@code CollectDigits} node. */
public final class DigitsInput {

  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  private DigitsInput() {}

  /**
   * The digits of {@code input} if they are acceptable, else {@code null}.
   *
   * <p>A trailing {@code terminator} is dropped first (media engines differ in whether they report
   * it); what remains must be {@code minLength} to {@code maxLength} digits {@code 0}-{@code 9} and
   * match {@code pattern} as a whole.
   */
  public static @Nullable String accepted(
      String input,
      int minLength,
      int maxLength,
      @Nullable String terminator,
      @Nullable Pattern pattern) {
    String digits =
        terminator != null && input.endsWith(terminator)
            ? input.substring(0, input.length() - terminator.length())
            : input;
    boolean acceptable =
        DIGITS.matcher(digits).matches()
            && digits.length() >= minLength
            && digits.length() <= maxLength
            && (pattern == null || pattern.matcher(digits).matches());
    return acceptable ? digits : null;
  }
}
