package io.tandem.server.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook receiver on loopback (the JDK's HTTP server on 127.0.0.1, a free port): records every
 * request and the status it answered, answering each with the next scripted status, or with the
 * standing status once the script is used up.
 */
public final class RecordingReceiver implements AutoCloseable {

  /** One request it got, and what it answered. */
  public record Received(Map<String, String> headers, byte[] body, int answered) {

    public String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    public JsonNode json() {
      return JSON.readTree(body);
    }

    public long seq() {
      return json().get("seq").asLong();
    }

    public boolean accepted() {
      return answered >= 200 && answered < 300;
    }

    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Queue<Integer> script = new ConcurrentLinkedQueue<>();
  private volatile int standing = 204;

  private RecordingReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          Integer scripted = script.poll();
          int status = scripted != null ? scripted : standing;
          Map<String, String> headers = new java.util.HashMap<>();
          exchange
              .getRequestHeaders()
              .forEach(
                  (name, values) ->
                      headers.put(name.toLowerCase(java.util.Locale.ROOT), values.getFirst()));
          received.add(new Received(Map.copyOf(headers), body, status));
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  /** A receiver answering 204 until told otherwise. */
  public static RecordingReceiver start() {
    return new RecordingReceiver();
  }

  /** Its URL: {@code http://127.0.0.1:<port>/hook}. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
  }

  /** The next requests get these statuses, in order; then the standing one. */
  public void answerNext(int... statuses) {
    for (int status : statuses) {
      script.add(status);
    }
  }

  /** Every request from now on (after the script) gets this status. */
  public void answerAlways(int status) {
    standing = status;
  }

  /** Every request so far, in arrival order. */
  public List<Received> received() {
    return List.copyOf(received);
  }

  /** The seq of every request it accepted (answered 2xx), in arrival order. */
  public List<Long> acceptedSeqs() {
    return received.stream().filter(Received::accepted).map(Received::seq).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
