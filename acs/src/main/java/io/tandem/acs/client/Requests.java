package io.tandem.acs.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/** What requests share before anything is sent: field checks and path-segment encoding. */
final class Requests {

  private Requests() {}

  static void requireAbsolute(URI uri, String name) {
    if (!uri.isAbsolute() || uri.getHost() == null) {
      throw new IllegalArgumentException(name + " must be an absolute URL");
    }
  }

  static void requireWebSocket(URI uri, String name) {
    requireAbsolute(uri, name);
    if (!"wss".equals(uri.getScheme()) && !"ws".equals(uri.getScheme())) {
      throw new IllegalArgumentException(name + " must be a ws:// or wss:// URL");
    }
  }

  static void requireSeconds(Duration duration, int min, int max, String name) {
    if (duration.isNegative()
        || duration.getNano() != 0
        || duration.getSeconds() < min
        || duration.getSeconds() > max) {
      throw new IllegalArgumentException(
          name + " must be whole seconds from " + min + " to " + max + ", not " + duration);
    }
  }

  static void requireOneOf(String value, Set<String> allowed, String name) {
    if (!allowed.contains(value)) {
      throw new IllegalArgumentException(name + " must be one of " + allowed + ", not " + value);
    }
  }

  /** {@code value} percent-encoded as one path segment (ids may hold '/', '+', '='). */
  static String segment(String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException("an id in the path is blank");
    }
    StringBuilder encoded = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return encoded.toString();
  }
}
