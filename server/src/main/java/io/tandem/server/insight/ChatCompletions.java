package io.tandem.server.insight;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A client of one OpenAI-compatible chat-completions endpoint: {@code POST
 * {base-url}/chat/completions} with {@code model}, a system and a user message and {@code
 * temperature 0}; the answer is {@code choices[0].message.content}. Anything else — no answer
 * within the timeout, a status other than 200, a body that is not such JSON, an empty content — is
 * a {@link Failure} with a short reason ({@code timeout}, {@code HTTP 500}, {@code malformed
 * answer} …) that never contains the API key.
 *
 * <p>Threading: thread-safe; {@link #complete} blocks up to the timeout (call it on a virtual
 * thread).
 */
final class ChatCompletions implements AutoCloseable {

  /** Why the service gave no answer, in a few words. */
  static final class Failure extends Exception {
    Failure(String reason) {
      super(reason);
    }
  }

  private final URI uri;
  private final String model;
  private final String apiKey;
  private final Duration timeout;
  private final HttpClient client;
  private final JsonMapper json = JsonMapper.builder().build();

  ChatCompletions(OpenAiEndpoint endpoint, String keyPrefix) {
    this.uri = endpoint.chatCompletions(keyPrefix);
    this.model = endpoint.model().strip();
    this.apiKey = endpoint.apiKey().strip();
    this.timeout = endpoint.timeout();
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** The model name, e.g. {@code gpt-4o-mini}. */
  String model() {
    return model;
  }

  /** The model's answer to {@code user} under the instructions {@code system}. */
  String complete(String system, String user) throws Failure, InterruptedException {
    ObjectNode body = json.createObjectNode();
    body.put("model", model);
    ArrayNode messages = body.putArray("messages");
    messages.addObject().put("role", "system").put("content", system);
    messages.addObject().put("role", "user").put("content", user);
    body.put("temperature", 0);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    json.writeValueAsString(body), StandardCharsets.UTF_8));
    if (!apiKey.isEmpty()) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    HttpResponse<String> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new Failure("timeout");
    } catch (ConnectException e) {
      throw new Failure("cannot connect to " + uri.getHost() + ":" + uri.getPort());
    } catch (IOException e) {
      throw new Failure(e.getClass().getSimpleName());
    }
    if (response.statusCode() != 200) {
      throw new Failure(
          "HTTP "
              + response.statusCode()
              + (response.statusCode() == 401 || response.statusCode() == 403
                  ? " (check the api-key)"
                  : ""));
    }
    return contentOf(response.body());
  }

  private String contentOf(String body) throws Failure {
    JsonNode answer;
    try {
      answer = json.readTree(body);
    } catch (JacksonException e) {
      throw new Failure("malformed answer");
    }
    JsonNode content = answer.path("choices").path(0).path("message").path("content");
    if (!content.isString() || content.asString().isBlank()) {
      throw new Failure("malformed answer: no choices[0].message.content");
    }
    return content.asString();
  }

  @Override
  public void close() {
    client.close();
  }
}
