package io.tandem.graph.presence;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Graph in front of the emulator's (real HTTP on loopback) that answers the first {@code
 * refusals} requests whose path ends with {@code action} with 429 and {@code Retry-After}, and
 * forwards everything else to the emulator unchanged (the emulator does not throttle {@code
 * setPresence}).
 */
final class ThrottlingGraph implements AutoCloseable {

  private final HttpServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private final String emulatorGraph;
  private final String action;
  private final AtomicInteger refusalsLeft;
  private final int retryAfterSeconds;
  final AtomicInteger refused = new AtomicInteger();

  ThrottlingGraph(String emulatorGraph, String action, int refusals, int retryAfterSeconds)
      throws IOException {
    this.emulatorGraph = emulatorGraph;
    this.action = action;
    this.refusalsLeft = new AtomicInteger(refusals);
    this.retryAfterSeconds = retryAfterSeconds;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String path = exchange.getRequestURI().getRawPath();
    if (path.endsWith("/" + action) && refusalsLeft.getAndDecrement() > 0) {
      refused.incrementAndGet();
      byte[] error =
          "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"throttled\"}}"
              .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Retry-After", Integer.toString(retryAfterSeconds));
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(429, error.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(error);
      }
      return;
    }
    HttpRequest.Builder forward =
        HttpRequest.newBuilder(URI.create(emulatorGraph + path))
            .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
    for (String header : new String[] {"Authorization", "Content-Type", "Accept"}) {
      String value = exchange.getRequestHeaders().getFirst(header);
      if (value != null) {
        forward.header(header, value);
      }
    }
    HttpResponse<byte[]> answer;
    try {
      answer = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    answer
        .headers()
        .firstValue("Content-Type")
        .ifPresent(type -> exchange.getResponseHeaders().add("Content-Type", type));
    byte[] reply = answer.body();
    exchange.sendResponseHeaders(answer.statusCode(), reply.length == 0 ? -1 : reply.length);
    if (reply.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(reply);
      }
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
