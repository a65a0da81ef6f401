package io.tandem.core.simulation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A minimal streaming JSON writer (RFC 8259) with two-space indentation, enough for reports: core
 * takes no JSON library. Numbers are written as given; doubles are rounded to three decimals and
 * non-finite ones become {@code null}.
 */
final class JsonWriter {

  private final StringBuilder out = new StringBuilder();
  private final Deque<boolean[]> containers = new ArrayDeque<>();
  private boolean afterName;

  JsonWriter beginObject() {
    return open('{');
  }

  JsonWriter endObject() {
    return close('}');
  }

  JsonWriter beginArray() {
    return open('[');
  }

  JsonWriter endArray() {
    return close(']');
  }

  JsonWriter name(String name) {
    element();
    string(name);
    out.append(": ");
    afterName = true;
    return this;
  }

  JsonWriter value(String value) {
    beforeValue();
    string(value);
    return this;
  }

  JsonWriter value(long value) {
    beforeValue();
    out.append(value);
    return this;
  }

  JsonWriter value(double value) {
    beforeValue();
    if (Double.isFinite(value)) {
      out.append(
          BigDecimal.valueOf(value)
              .setScale(3, RoundingMode.HALF_UP)
              .stripTrailingZeros()
              .toPlainString());
    } else {
      out.append("null");
    }
    return this;
  }

  JsonWriter nullValue() {
    beforeValue();
    out.append("null");
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private JsonWriter open(char bracket) {
    beforeValue();
    out.append(bracket);
    containers.push(new boolean[] {true});
    return this;
  }

  private JsonWriter close(char bracket) {
    boolean empty = containers.pop()[0];
    if (!empty) {
      newLine();
    }
    out.append(bracket);
    if (containers.isEmpty()) {
      out.append('\n');
    }
    return this;
  }

  private void beforeValue() {
    if (afterName) {
      afterName = false;
    } else if (!containers.isEmpty()) {
      element();
    }
  }

  private void element() {
    boolean[] first = containers.peek();
    if (!first[0]) {
      out.append(',');
    }
    first[0] = false;
    newLine();
  }

  private void newLine() {
    out.append('\n');
    out.append("  ".repeat(containers.size()));
  }

  private void string(String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append("\\u00")
                .append(Character.forDigit(c >> 4, 16))
                .append(Character.forDigit(c & 15, 16));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
