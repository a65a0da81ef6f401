package io.tandem.sip.stack;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The value of a From, To, Contact, Refer-To or Referred-By header: an optional display name, a
 * URI, and header parameters such as {@code tag}.
 *
 * @param display the display name without quotes; empty without one
 * @param uri the URI text as written (angle brackets removed)
 * @param parameters header parameters in order (names lowercased)
 */
public record NameAddress(String display, String uri, Map<String, String> parameters) {

  public NameAddress {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /**
   * Parses a name-addr ({@code "Name" <sip:x@y>;tag=1}) or an addr-spec ({@code sip:x@y;tag=1}).
   */
  public static NameAddress parse(String value) {
    String text = value.trim();
    int open = text.indexOf('<');
    if (open >= 0) {
      int close = text.indexOf('>', open);
      if (close < 0) {
        throw new IllegalArgumentException("unclosed < in " + value);
      }
      String display = text.substring(0, open).trim();
      if (display.startsWith("\"") && display.endsWith("\"") && display.length() >= 2) {
        display = display.substring(1, display.length() - 1);
      }
      String after = text.substring(close + 1).trim();
      Map<String, String> parameters =
          after.startsWith(";") ? SipUri.parameters(after.substring(1)) : Map.of();
      return new NameAddress(display, text.substring(open + 1, close).trim(), parameters);
    }
    int semicolon = text.indexOf(';');
    if (semicolon < 0) {
      return new NameAddress("", text, Map.of());
    }
    return new NameAddress(
        "", text.substring(0, semicolon), SipUri.parameters(text.substring(semicolon + 1)));
  }

  /** The URI parsed; throws {@link IllegalArgumentException} when it is not a SIP URI. */
  public SipUri sipUri() {
    return SipUri.parse(uri);
  }

  /** The tag parameter; empty without one. */
  public String tag() {
    return parameters.getOrDefault("tag", "");
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    if (!display.isEmpty()) {
      text.append('"').append(display).append("\" ");
    }
    text.append('<').append(uri).append('>');
    parameters.forEach(
        (name, value) -> {
          text.append(';').append(name);
          if (!value.isEmpty()) {
            text.append('=').append(value);
          }
        });
    return text.toString();
  }
}
