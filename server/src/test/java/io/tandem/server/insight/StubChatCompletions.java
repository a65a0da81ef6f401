package io.tandem.server.insight;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for an OpenAI-compatible service: a JDK HTTP server on loopback answering {@code POST
 * /v1/chat/completions} with what the test's {@code answer} function returns for each request, and
 * recording every request. {@link Reply#hang()} holds the answer until the stub is closed (for
 * timeouts).
 */
final class StubChatCompletions implements AutoCloseable {

  /** A request as received. */
  record Request(String method, String path, String authorization, JsonNode body) {

    /** The system message's content. */
    String systemMessage() {
      return body.get("messages").get(0).get("content").asString();
    }

    /** The user message's content. */
    String userMessage() {
      return body.get("messages").get(1).get("content").asString();
    }
  }

  /** What the stub answers: a status and a raw body, or nothing until closed. */
  record Reply(int status, String body, boolean hangs) {
    static Reply ok(String content) {
      ObjectNode answer = JSON.createObjectNode();
      answer.put("id", "chatcmpl-1").put("object", "chat.completion");
      answer
          .putArray("choices")
          .addObject()
          .put("index", 0)
          .put("finish_reason", "stop")
          .putObject("message")
          .put("role", "assistant")
          .put("content", content);
      return new Reply(200, JSON.writeValueAsString(answer), false);
    }

    static Reply status(int status) {
      return new Reply(status, "{\"error\":{\"message\":\"stub says " + status + "\"}}", false);
    }

    static Reply raw(String body) {
      return new Reply(200, body, false);
    }

    static Reply hang() {
      return new Reply(0, "", true);
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile Function<Request, Reply> answer;

  StubChatCompletions(Function<Request, Reply> answer) throws IOException {
    this.answer = answer;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  /** The base URL, like {@code https://api.openai.com/v1}. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  void answer(Function<Request, Reply> answer) {
    this.answer = answer;
  }

  List<Request> requests() {
    return requests;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
      Request request =
          new Request(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              auth == null ? "" : auth,
              body);
      requests.add(request);
      Reply reply = answer.apply(request);
      if (reply.hangs()) {
        closed.await();
        return;
      }
      byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(reply.status(), bytes.length);
      exchange.getResponseBody().write(bytes);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
  }
}
