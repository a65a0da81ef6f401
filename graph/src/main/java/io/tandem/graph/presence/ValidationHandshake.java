package io.tandem.graph.presence;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Graph's webhook validation: before it creates (or re-creates) a subscription, Graph POSTs {@code
 * notificationUrl?validationToken=<token>} and the endpoint must answer 200 with the URL-decoded
 * token as its exact body, {@code Content-Type: text/plain}, within 10 seconds.
 */
public final class ValidationHandshake {

  private static final String PARAMETER = "validationToken=";

  private ValidationHandshake() {}

  /**
   * The token to echo for a request whose raw (still encoded) query is {@code rawQuery}; empty when
   * the request is no validation request (then it is a notification).
   */
  public static Optional<String> answer(@Nullable String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return Optional.empty();
    }
    for (String parameter : rawQuery.split("&")) {
      if (parameter.startsWith(PARAMETER)) {
        try {
          return Optional.of(
              URLDecoder.decode(parameter.substring(PARAMETER.length()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException badEscape) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }
}
