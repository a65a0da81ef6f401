package io.tandem.sip.stack;

/**
 * Where a reader of a header value stands, character by character: inside a quoted string (with
 * backslash escapes) or inside angle brackets, where commas and other separators do not count.
 */
final class ValueScanner {

  private boolean quoted;
  private int brackets;

  /**
   * Reads the character of {@code value} at {@code index}; returns the index of the next one to
   * read (an escaped character inside quotes is skipped).
   */
  int read(String value, int index) {
    char c = value.charAt(index);
    if (c == '\\' && quoted) {
      return index + 2;
    }
    if (c == '"') {
      quoted = !quoted;
    } else if (!quoted && c == '<') {
      brackets++;
    } else if (!quoted && c == '>') {
      brackets--;
    }
    return index + 1;
  }

  /** Whether the last character read stands outside quotes and brackets. */
  boolean outside() {
    return !quoted && brackets == 0;
  }

  /** Whether a quoted string is open. */
  boolean quoted() {
    return quoted;
  }

  /** Angle brackets opened and not closed (negative: more closed than opened). */
  int brackets() {
    return brackets;
  }
}
