package io.tandem.media.dtmf;

/**
 * The sixteen DTMF digits: their symbol, RFC 4733 event code (0-15) and the two frequencies of
 * ITU-T Q.23 that carry them in band (one from the low "row" group, one from the high "column"
 * group).
 */
public enum DtmfDigit {
  ZERO('0', 0, 941, 1336),
  ONE('1', 1, 697, 1209),
  TWO('2', 2, 697, 1336),
  THREE('3', 3, 697, 1477),
  FOUR('4', 4, 770, 1209),
  FIVE('5', 5, 770, 1336),
  SIX('6', 6, 770, 1477),
  SEVEN('7', 7, 852, 1209),
  EIGHT('8', 8, 852, 1336),
  NINE('9', 9, 852, 1477),
  STAR('*', 10, 941, 1209),
  POUND('#', 11, 941, 1477),
  A('A', 12, 697, 1633),
  B('B', 13, 770, 1633),
  C('C', 14, 852, 1633),
  D('D', 15, 941, 1633);

  /** The four low-group (row) frequencies in Hz. */
  public static final int[] ROW_FREQUENCIES = {697, 770, 852, 941};

  /** The four high-group (column) frequencies in Hz. */
  public static final int[] COLUMN_FREQUENCIES = {1209, 1336, 1477, 1633};

  private final char symbol;
  private final int event;
  private final int rowFrequency;
  private final int columnFrequency;

  DtmfDigit(char symbol, int event, int rowFrequency, int columnFrequency) {
    this.symbol = symbol;
    this.event = event;
    this.rowFrequency = rowFrequency;
    this.columnFrequency = columnFrequency;
  }

  /** The key's symbol: 0-9, *, #, A-D. */
  public char symbol() {
    return symbol;
  }

  /** The RFC 4733 event code, 0-15. */
  public int event() {
    return event;
  }

  /** The low-group frequency in Hz. */
  public int rowFrequency() {
    return rowFrequency;
  }

  /** The high-group frequency in Hz. */
  public int columnFrequency() {
    return columnFrequency;
  }

  /** The digit of symbol {@code symbol} (letters in either case). */
  public static DtmfDigit ofSymbol(char symbol) {
    char upper = Character.toUpperCase(symbol);
    for (DtmfDigit digit : values()) {
      if (digit.symbol == upper) {
        return digit;
      }
    }
    throw new IllegalArgumentException("not a DTMF symbol: '" + symbol + "'");
  }

  /** Whether RFC 4733 event code {@code event} is a DTMF digit (0-15). */
  public static boolean isDigitEvent(int event) {
    return event >= 0 && event < 16;
  }

  /** The digit of RFC 4733 event code {@code event}, 0-15. */
  public static DtmfDigit ofEvent(int event) {
    if (!isDigitEvent(event)) {
      throw new IllegalArgumentException("not a DTMF event code: " + event);
    }
    return values()[event];
  }

  /** The digit of row {@code row} and column {@code column} of the keypad, each 0-3. */
  static DtmfDigit atKeypad(int row, int column) {
    int frequency = ROW_FREQUENCIES[row];
    int other = COLUMN_FREQUENCIES[column];
    for (DtmfDigit digit : values()) {
      if (digit.rowFrequency == frequency && digit.columnFrequency == other) {
        return digit;
      }
    }
    throw new IllegalStateException("keypad has every cell");
  }

  @Override
  public String toString() {
    return String.valueOf(symbol);
  }
}
