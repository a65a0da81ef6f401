package io.tandem.acs.client;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

/** The checks request records make before anything is sent. */
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
}
