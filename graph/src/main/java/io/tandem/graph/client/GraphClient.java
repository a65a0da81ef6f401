package io.tandem.graph.client;

import io.tandem.identity.EntraTokenClient;
import io.tandem.identity.TokenRefusedException;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends requests to one tenant's Graph as one app: {@code Authorization: Bearer} from {@link
 * EntraTokenClient}, a fresh {@code client-request-id}, JSON bodies; retries as {@link RetryPolicy}
 * says, refreshes the token once on 401, and turns refusals into {@link GraphException}.
 */
public final class GraphClient {

  private static final Logger LOG = System.getLogger(GraphClient.class.getName());
  static final ObjectMapper JSON = JsonMapper.builder().build();

  private final URI baseUrl;
  private final EntraTokenClient tokens;
  private final HttpClient http;
  private final RetryPolicy retry;
  private final Pause pause;

  /** Waits between attempts; tests substitute a recorder. */
  @FunctionalInterface
  public interface Pause {
    void sleep(Duration duration) throws InterruptedException;
  }

  public GraphClient(
      URI baseUrl, EntraTokenClient tokens, HttpClient http, RetryPolicy retry, Pause pause) {
    String base = baseUrl.toString();
    this.baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    this.tokens = tokens;
    this.http = http;
    this.retry = retry;
    this.pause = pause;
  }

  /** A client that really sleeps between attempts. */
  public static GraphClient of(URI baseUrl, EntraTokenClient tokens, HttpClient http) {
    return new GraphClient(baseUrl, tokens, http, RetryPolicy.DEFAULT, Thread::sleep);
  }

  public GraphResponse get(String path) throws GraphException {
    return send("GET", path, null);
  }

  public GraphResponse post(String path, @Nullable JsonNode body) throws GraphException {
    return send("POST", path, body == null ? JSON.createObjectNode() : body);
  }

  public GraphResponse patch(String path, JsonNode body) throws GraphException {
    return send("PATCH", path, body);
  }

  public GraphResponse delete(String path) throws GraphException {
    return send("DELETE", path, null);
  }

  /**
   * Fetches a file Graph hands out with its own access token (a recording's {@code
   * recordingLocation}): one {@code GET} of the absolute {@code location} with {@code
   * Authorization: Bearer <accessToken>}, the app's token never sent there. Not retried: the caller
   * decides.
   */
  public byte[] download(URI location, String accessToken) throws GraphException {
    HttpRequest request =
        HttpRequest.newBuilder(location)
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + accessToken)
            .header("client-request-id", UUID.randomUUID().toString())
            .GET()
            .build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException unreachable) {
      throw new GraphException(0, "Unreachable", String.valueOf(unreachable.getMessage()), null);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new GraphException(0, "Interrupted", "interrupted while downloading", null);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return response.body();
    }
    throw refusal(
        status,
        new String(response.body(), StandardCharsets.UTF_8),
        response.headers().firstValue("request-id").orElse(null));
  }

  /** Sends {@code method path} (relative to the base URL, starting with {@code /}). */
  public GraphResponse send(String method, String path, @Nullable JsonNode body)
      throws GraphException {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("Graph paths start with /: " + path);
    }
    boolean refreshedToken = false;
    Duration backoff = retry.backoff();
    GraphException last = null;
    for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
      HttpResponse<String> response;
      try {
        response = exchange(method, path, body);
      } catch (IOException unreachable) {
        last = new GraphException(0, "Unreachable", String.valueOf(unreachable.getMessage()), null);
        wait(backoff, attempt);
        backoff = backoff.multipliedBy(2);
        continue;
      }
      int status = response.statusCode();
      String requestId = response.headers().firstValue("request-id").orElse(null);
      if (status >= 200 && status < 300) {
        return new GraphResponse(status, parse(response.body()), requestId);
      }
      GraphException refused = refusal(status, response.body(), requestId);
      LOG.log(Level.DEBUG, () -> method + " " + path + " -> " + refused.getMessage());
      if (status == 401 && !refreshedToken) {
        tokens.invalidate();
        refreshedToken = true;
        attempt--;
        continue;
      }
      if (status == 429) {
        Duration wait = retryAfter(response).orElse(backoff);
        if (wait.compareTo(retry.maxRetryAfter()) > 0) {
          throw refused;
        }
        last = refused;
        wait(wait, attempt);
        backoff = backoff.multipliedBy(2);
        continue;
      }
      if (status >= 500) {
        last = refused;
        wait(backoff, attempt);
        backoff = backoff.multipliedBy(2);
        continue;
      }
      throw refused;
    }
    throw java.util.Objects.requireNonNull(last);
  }

  private HttpResponse<String> exchange(String method, String path, @Nullable JsonNode body)
      throws IOException, GraphException {
    String token;
    try {
      token = tokens.accessToken();
    } catch (TokenRefusedException refused) {
      throw new GraphException(refused.status(), "TokenRefused", refused.getMessage(), null);
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(15))
            .header("Authorization", "Bearer " + token)
            .header("client-request-id", UUID.randomUUID().toString())
            .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new GraphException(0, "Interrupted", "interrupted while calling Graph", null);
    }
  }

  private void wait(Duration duration, int attempt) throws GraphException {
    if (attempt >= retry.attempts()) {
      return;
    }
    try {
      pause.sleep(duration);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new GraphException(0, "Interrupted", "interrupted while waiting to retry", null);
    }
  }

  private static Optional<Duration> retryAfter(HttpResponse<String> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .flatMap(
            value -> {
              try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
              } catch (NumberFormatException notSeconds) {
                return Optional.empty();
              }
            });
  }

  private static GraphException refusal(int status, String body, @Nullable String requestId) {
    JsonNode error = parse(body).path("error");
    return new GraphException(
        status,
        error.path("code").asString("HTTP" + status),
        error.path("message").asString(body.isEmpty() ? "(no body)" : body),
        requestId);
  }

  static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(body);
    } catch (JacksonException notJson) {
      return JSON.createObjectNode().put("raw", body);
    }
  }
}
