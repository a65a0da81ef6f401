package io.tandem.graph.presence;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Tandem's presence notification endpoint as the server will run it, on a JDK {@link HttpServer}:
 * answers Graph's validation handshake, parses notifications with {@link PresenceNotifications}
 * (400 if malformed), answers 202 and hands them on. Tests can make it refuse change notifications
 * (503) to play an endpoint that Graph cannot deliver to.
 */
final class NotificationEndpoint implements AutoCloseable {

  static final String NOTIFY = "/graph/presence/notify";
  static final String LIFECYCLE = "/graph/presence/lifecycle";

  private final HttpServer server;
  private final AtomicReference<ClientStateCheck> clientStates =
      new AtomicReference<>((id, state) -> false);
  private final AtomicReference<Consumer<ReceivedNotifications>> target =
      new AtomicReference<>(received -> {});
  private volatile boolean refusing;

  /** Everything parsed, in arrival order. */
  final LinkedBlockingQueue<ReceivedNotifications> received = new LinkedBlockingQueue<>();

  NotificationEndpoint() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(NOTIFY, this::handle);
    server.createContext(LIFECYCLE, this::handle);
    server.start();
  }

  /** Checks clientStates with {@code check} and hands what passed to {@code consumer}. */
  NotificationEndpoint deliverTo(ClientStateCheck check, Consumer<ReceivedNotifications> consumer) {
    clientStates.set(check);
    target.set(consumer);
    return this;
  }

  /**
   * Whether change notifications are refused with 503; validation requests and lifecycle events are
   * still answered.
   */
  void refuseNotifications(boolean refuse) {
    refusing = refuse;
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  SubscriptionSettings settings() {
    return SubscriptionSettings.defaults(url(NOTIFY), url(LIFECYCLE));
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Optional<String> token = ValidationHandshake.answer(exchange.getRequestURI().getRawQuery());
      if (token.isPresent()) {
        byte[] echo = token.get().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(200, echo.length);
        exchange.getResponseBody().write(echo);
        return;
      }
      if (refusing && exchange.getRequestURI().getPath().equals(NOTIFY)) {
        exchange.sendResponseHeaders(503, -1);
        return;
      }
      ReceivedNotifications parsed;
      try {
        parsed = PresenceNotifications.parse(body, clientStates.get());
      } catch (MalformedNotificationException malformed) {
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      exchange.sendResponseHeaders(202, -1);
      received.add(parsed);
      target.get().accept(parsed);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
