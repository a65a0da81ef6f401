package io.tandem.emulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A fake application endpoint on a loopback port (a bot's callback, an Event Grid webhook, a
 * presence notification URL): records every request it receives and answers each with what {@code
 * responder} says (202 with no body by default).
 */
public final class RecordingWebhook implements AutoCloseable {

  /** One request the webhook received. Header names are lower-cased. */
  public record Received(
      String method, String pathAndQuery, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** What the webhook answers. */
  public record Reply(int status, String contentType, String body) {
    public static final Reply ACCEPTED = new Reply(202, "text/plain", "");
  }

  private final HttpServer server;
  private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final List<Received> all = new ArrayList<>();
  private volatile Function<Received, Reply> responder = request -> Reply.ACCEPTED;

  public RecordingWebhook() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            Map<String, String> headers = new java.util.TreeMap<>();
            exchange
                .getRequestHeaders()
                .forEach(
                    (name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            String query = exchange.getRequestURI().getRawQuery();
            Received request =
                new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query),
                    Map.copyOf(headers),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            synchronized (all) {
              all.add(request);
            }
            received.add(request);
            Reply reply = responder.apply(request);
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
              exchange.getResponseBody().write(body);
            }
          }
        });
    server.start();
  }

  /** The URL of {@code path} on this webhook, e.g. {@code url("/api/calling")}. */
  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public void respondWith(Function<Received, Reply> responder) {
    this.responder = responder;
  }

  /** The next request received, waiting up to {@code timeout}; fails the test if none comes. */
  public Received next(Duration timeout) throws InterruptedException {
    Received request = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (request == null) {
      throw new AssertionError("no request reached the webhook within " + timeout);
    }
    return request;
  }

  /**
   * The next request that matches {@code wanted}, skipping others, waiting up to {@code timeout}.
   */
  public Received next(Predicate<Received> wanted, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      Received request = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
      if (request == null) {
        throw new AssertionError("no matching request reached the webhook within " + timeout);
      }
      if (wanted.test(request)) {
        return request;
      }
    }
  }

  /** Everything received so far, in order. */
  public List<Received> all() {
    synchronized (all) {
      return List.copyOf(all);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
