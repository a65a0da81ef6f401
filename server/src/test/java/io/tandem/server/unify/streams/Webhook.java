package io.tandem.server.unify.streams;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JDK HTTP server standing in for the application's Event Grid and callback webhooks: answers
 * Event Grid's subscription validation with its code, 200 to everything else, and queues bodies.
 */
final class Webhook implements AutoCloseable {

  private static final Pattern VALIDATION_CODE =
      Pattern.compile("\"validationCode\"\\s*:\\s*\"([^\"]+)\"");

  private final HttpServer server;
  private final LinkedBlockingQueue<String> bodies = new LinkedBlockingQueue<>();

  Webhook() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          byte[] reply = new byte[0];
          if ("SubscriptionValidation"
              .equals(exchange.getRequestHeaders().getFirst("aeg-event-type"))) {
            Matcher code = VALIDATION_CODE.matcher(body);
            if (code.find()) {
              reply =
                  ("{\"validationResponse\":\"" + code.group(1) + "\"}")
                      .getBytes(StandardCharsets.UTF_8);
              exchange.getResponseHeaders().set("Content-Type", "application/json");
            }
          } else {
            bodies.add(body);
          }
          exchange.sendResponseHeaders(200, reply.length == 0 ? -1 : reply.length);
          if (reply.length > 0) {
            exchange.getResponseBody().write(reply);
          }
          exchange.close();
        });
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The next body that {@code wanted} accepts (others are dropped), waiting up to {@code wait}. */
  String next(Predicate<String> wanted, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      String body = left > 0 ? bodies.poll(left, TimeUnit.NANOSECONDS) : null;
      if (body == null) {
        throw new AssertionError("no matching webhook request within " + wait);
      }
      if (wanted.test(body)) {
        return body;
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
