package io.tandem.acs.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application's side of ACS for tests, on a JDK HTTP server over loopback: {@code /eventgrid}
 * answers the subscription-validation handshake and records IncomingCall events, {@code /callbacks}
 * records CloudEvents, and {@code /audio/hello.wav} serves one second of silence as a play source.
 */
final class CallbackReceiver implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;
  private final List<JsonNode> events = new ArrayList<>();

  CallbackReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/eventgrid", this::eventGrid);
    server.createContext("/callbacks", this::callback);
    server.createContext("/audio/hello.wav", this::wav);
    server.start();
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private void eventGrid(HttpExchange exchange) throws IOException {
    JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
    JsonNode first = body.path(0);
    if ("Microsoft.EventGrid.SubscriptionValidationEvent"
        .equals(first.path("eventType").asString())) {
      String code = first.path("data").path("validationCode").asString();
      reply(exchange, 200, "{\"validationResponse\":\"" + code + "\"}");
      return;
    }
    record(body);
    reply(exchange, 200, "");
  }

  private void callback(HttpExchange exchange) throws IOException {
    record(JSON.readTree(exchange.getRequestBody().readAllBytes()));
    reply(exchange, 200, "");
  }

  private void record(JsonNode array) {
    synchronized (events) {
      array.forEach(events::add);
      events.notifyAll();
    }
  }

  /** The first recorded event matching {@code wanted}, removed; fails after {@code timeout}. */
  JsonNode next(Predicate<JsonNode> wanted, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (events) {
      while (true) {
        for (int i = 0; i < events.size(); i++) {
          if (wanted.test(events.get(i))) {
            return events.remove(i);
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no matching event within " + timeout + "; have " + events);
        }
        events.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  /** The next Event Grid IncomingCall. */
  JsonNode incomingCall() throws InterruptedException {
    return next(
        e -> "Microsoft.Communication.IncomingCall".equals(e.path("eventType").asString()),
        Duration.ofSeconds(5));
  }

  /** The next callback {@code Microsoft.Communication.<type>} for call connection {@code id}. */
  JsonNode callback(String id, String type) throws InterruptedException {
    return next(
        e ->
            ("Microsoft.Communication." + type).equals(e.path("type").asString())
                && id.equals(e.path("data").path("callConnectionId").asString()),
        Duration.ofSeconds(5));
  }

  private void wav(HttpExchange exchange) throws IOException {
    int samples = 8000;
    ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
    wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2);
    wav.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1);
    wav.putShort((short) 1).putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16);
    wav.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
    exchange.getResponseHeaders().set("Content-Type", "audio/wav");
    exchange.sendResponseHeaders(200, wav.capacity());
    exchange.getResponseBody().write(wav.array());
    exchange.close();
  }

  private static void reply(HttpExchange exchange, int status, String body) {
    try (exchange) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        exchange.getResponseBody().write(bytes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
