package io.tandem.server.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON client for API tests: real HTTP requests, answers parsed as JSON trees. */
public final class Http {

  /** An answer: its status, content type and body (parsed if it is JSON). */
  public record Answer(int status, String contentType, String body) {
    public JsonNode json() {
      return MAPPER.readTree(body);
    }
  }

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final URI base;
  private final Map<String, String> headers;

  Http(URI base) {
    this(base, Map.of());
  }

  /** A client of the server at {@code base}, e.g. {@code http://127.0.0.1:8080}. */
  public static Http to(URI base) {
    return new Http(base);
  }

  private Http(URI base, Map<String, String> headers) {
    this.base = base;
    this.headers = headers;
  }

  /** The same client, sending {@code Tandem-Principal: principal} with every request. */
  public Http as(String principal) {
    return new Http(base, Map.of("Tandem-Principal", principal));
  }

  public Answer get(String path) {
    return send("GET", path, null, null);
  }

  public Answer delete(String path) {
    return send("DELETE", path, null, null);
  }

  public Answer put(String path, String json) {
    return send("PUT", path, json, "application/json");
  }

  public Answer post(String path, String json) {
    return send("POST", path, json, "application/json");
  }

  /** A {@code GET} with an {@code Accept} header. */
  public Answer sendWithAccept(String path, String accept) {
    return new Http(base, merged("Accept", accept)).get(path);
  }

  private Map<String, String> merged(String name, String value) {
    Map<String, String> all = new java.util.LinkedHashMap<>(headers);
    all.put(name, value);
    return all;
  }

  /** Sends any body with any content type (or none: {@code null}). */
  public Answer send(
      String method, String path, @Nullable String body, @Nullable String contentType) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(20))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " " + path + " interrupted", e);
    }
  }
}
