package io.tandem.emulator.http;

import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One HTTP request as a route handler sees it: method, raw path and query, the path variables the
 * route pattern captured, headers (names lower-cased), the body, and the peer's address.
 */
public record HttpCall(
    String method,
    String path,
    @Nullable String rawQuery,
    Map<String, String> pathVariables,
    Map<String, List<String>> headers,
    byte[] body,
    InetSocketAddress remote,
    boolean secure) {

  /** The first value of a header, by case-insensitive name. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** A path variable captured by the route pattern, URL-decoded. */
  public String variable(String name) {
    String value = pathVariables.get(name);
    if (value == null) {
      throw new IllegalStateException("route has no variable " + name);
    }
    return value;
  }

  /** Query parameters, URL-decoded, in order; repeated names keep their first value. */
  public Map<String, String> query() {
    return parseForm(rawQuery == null ? "" : rawQuery);
  }

  /** The body as UTF-8 text. */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body as a form ({@code application/x-www-form-urlencoded}). */
  public Map<String, String> form() {
    return parseForm(text());
  }

  /**
   * The body as JSON, or an {@link HttpProblem} carrying {@code onMalformed}'s reply when it is
   * missing or not JSON.
   */
  public JsonNode json(java.util.function.Function<String, HttpReply> onMalformed) {
    if (body.length == 0) {
      throw new HttpProblem(onMalformed.apply("the request body is empty"));
    }
    try {
      return Json.MAPPER.readTree(body);
    } catch (JacksonException malformed) {
      throw new HttpProblem(
          onMalformed.apply(
              "the request body is not valid JSON: " + malformed.getOriginalMessage()));
    }
  }

  /** The path and query exactly as requested. */
  public String pathAndQuery() {
    return rawQuery == null ? path : path + "?" + rawQuery;
  }

  private static Map<String, String> parseForm(String encoded) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      values.putIfAbsent(name, value);
    }
    return values;
  }

  static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }
}
