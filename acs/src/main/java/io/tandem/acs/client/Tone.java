package io.tandem.acs.client;

import java.util.Locale;

/** A DTMF tone as Call Automation names it on the wire ({@code zero} … {@code asterisk}). */
public enum Tone {
  ZERO('0'),
  ONE('1'),
  TWO('2'),
  THREE('3'),
  FOUR('4'),
  FIVE('5'),
  SIX('6'),
  SEVEN('7'),
  EIGHT('8'),
  NINE('9'),
  A('A'),
  B('B'),
  C('C'),
  D('D'),
  POUND('#'),
  ASTERISK('*');

  private final char key;

  Tone(char key) {
    this.key = key;
  }

  /** The wire name: {@code zero}, {@code pound}, {@code a} … */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The key on a phone's keypad: {@code '0'}…{@code '9'}, {@code 'A'}…{@code 'D'}, '#', '*'. */
  public char key() {
    return key;
  }

  /** The tone with wire name {@code wire} (case-insensitive). */
  public static Tone fromWire(String wire) {
    for (Tone tone : values()) {
      if (tone.wire().equalsIgnoreCase(wire)) {
        return tone;
      }
    }
    throw new IllegalArgumentException("not a DTMF tone: " + wire);
  }

  /** The tone of keypad key {@code key} ({@code a}…{@code d} are accepted in lower case). */
  public static Tone fromKey(char key) {
    char upper = Character.toUpperCase(key);
    for (Tone tone : values()) {
      if (tone.key == upper) {
        return tone;
      }
    }
    throw new IllegalArgumentException("not a DTMF key: " + key);
  }
}
