package io.tandem.sip.sdp;

import org.jspecify.annotations.Nullable;

/**
 * One {@code a=} line: a property ({@code a=sendonly}, value null) or a value attribute ({@code
 * a=rtpmap:0 PCMU/8000}: name {@code rtpmap}, value {@code 0 PCMU/8000}).
 */
public record Attribute(String name, @Nullable String value) {

  /** A property attribute, e.g. {@code recvonly}. */
  public static Attribute property(String name) {
    return new Attribute(name, null);
  }

  /** A value attribute, e.g. {@code ptime}, {@code 20}. */
  public static Attribute of(String name, String value) {
    return new Attribute(name, value);
  }

  /** The line's text after {@code a=}. */
  public String text() {
    return value == null ? name : name + ":" + value;
  }

  static Attribute parse(String text) {
    int colon = text.indexOf(':');
    return colon < 0
        ? property(text)
        : new Attribute(text.substring(0, colon), text.substring(colon + 1));
  }
}
