package io.tandem.emulator.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a route handler answers: status, headers and body bytes. */
public record HttpReply(int status, Map<String, String> headers, byte[] body) {

  public HttpReply {
    headers = Map.copyOf(headers);
  }

  /** A JSON reply; {@code value} is a Jackson tree or anything Jackson can write. */
  public static HttpReply json(int status, Object value) {
    return new HttpReply(
        status, Map.of("Content-Type", "application/json; charset=utf-8"), Json.bytes(value));
  }

  /** A plain-text reply. */
  public static HttpReply text(int status, String text) {
    return new HttpReply(
        status,
        Map.of("Content-Type", "text/plain; charset=utf-8"),
        text.getBytes(StandardCharsets.UTF_8));
  }

  /** A reply without a body (202, 204). */
  public static HttpReply empty(int status) {
    return new HttpReply(status, Map.of(), new byte[0]);
  }

  /** This reply with one more header. */
  public HttpReply withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new HttpReply(status, more, body);
  }

  /** The body as UTF-8 text. */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
