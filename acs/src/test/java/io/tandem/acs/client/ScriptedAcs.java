package io.tandem.acs.client;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for ACS on a loopback JDK HTTP server that answers with scripted replies in order (the
 * last one repeats) and records every request it received, headers and body.
 */
final class ScriptedAcs implements AutoCloseable {

  /** A scripted reply. */
  record Reply(int status, String body, Map<String, String> headers) {}

  /** A received request. */
  record Received(
      String method, String pathAndQuery, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private final HttpServer server;
  private final Deque<Reply> replies = new ArrayDeque<>();
  final List<Received> received = new CopyOnWriteArrayList<>();

  ScriptedAcs(Reply... script) throws IOException {
    replies.addAll(List.of(script));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          received.add(
              new Received(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().getRawPath()
                      + (exchange.getRequestURI().getRawQuery() == null
                          ? ""
                          : "?" + exchange.getRequestURI().getRawQuery()),
                  Map.copyOf(exchange.getRequestHeaders()),
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
          Reply reply;
          synchronized (replies) {
            reply = replies.size() > 1 ? replies.poll() : replies.peek();
          }
          byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
          reply.headers().forEach(exchange.getResponseHeaders()::set);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.getResponseHeaders().set("MS-CV", "cv-" + received.size());
          exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
          if (body.length > 0) {
            exchange.getResponseBody().write(body);
          }
          exchange.close();
        });
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  static Reply reply(int status, String body, String... headers) {
    Map<String, String> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i + 1 < headers.length; i += 2) {
      map.put(headers[i], headers[i + 1]);
    }
    return new Reply(status, body, map);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
