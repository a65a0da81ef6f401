package io.tandem.acs.client;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * One ACS endpoint's HTTP exchange: authorizes every attempt (HMAC signature or bearer token),
 * sends {@code x-ms-client-request-id}, and on repeatable operations {@code
 * Repeatability-Request-ID} and {@code Repeatability-First-Sent}, the same on every retry; retries
 * as {@link RetryPolicy} says; turns refusals into {@link AcsException}.
 */
final class AcsTransport {

  private static final Logger LOG = System.getLogger(AcsTransport.class.getName());
  static final ObjectMapper JSON = JsonMapper.builder().build();

  private final String base;
  private final URI endpoint;
  private final AcsCredential credential;
  private final @Nullable HmacSigner signer;
  private final HttpClient http;
  private final RetryPolicy retry;
  private final Clock clock;

  AcsTransport(
      URI endpoint, AcsCredential credential, HttpClient http, RetryPolicy retry, Clock clock) {
    Requests.requireAbsolute(endpoint, "endpoint");
    String text = endpoint.toString();
    this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    this.endpoint = endpoint;
    this.credential = credential;
    this.signer =
        credential instanceof AcsCredential.Hmac hmac ? new HmacSigner(hmac.accessKey()) : null;
    this.http = http;
    this.retry = retry;
    this.clock = clock;
  }

  /**
   * Sends {@code method pathAndQuery} (relative to the endpoint) with {@code body}; returns the
   * reply's JSON (an empty object when it had none).
   */
  JsonNode send(String method, String pathAndQuery, @Nullable JsonNode body, boolean repeatable)
      throws AcsException {
    return send(method, URI.create(base + pathAndQuery), body, repeatable);
  }

  /** {@code link} (absolute, or relative to the endpoint) as a URL. */
  URI resolve(String link) {
    URI uri = URI.create(link);
    return uri.isAbsolute() ? uri : URI.create(base + (link.startsWith("/") ? "" : "/") + link);
  }

  /** Like {@link #send(String, String, JsonNode, boolean)} for a URL on the endpoint's host. */
  JsonNode send(String method, URI uri, @Nullable JsonNode body, boolean repeatable)
      throws AcsException {
    if (!sameOrigin(uri)) {
      throw new AcsException(
          0, "ForeignUrl", "refusing to send credentials to " + uri.getHost(), null, null, null);
    }
    byte[] bytes = body == null ? new byte[0] : JSON.writeValueAsBytes(body);
    String clientRequestId = UUID.randomUUID().toString();
    String repeatabilityId = repeatable ? UUID.randomUUID().toString() : null;
    String firstSent = repeatable ? HmacSigner.date(clock.instant()) : null;
    Duration backoff = retry.backoff();
    AcsException last = null;
    for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
      HttpResponse<String> response;
      try {
        HttpRequest request =
            request(method, uri, bytes, clientRequestId, repeatabilityId, firstSent);
        response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException unreachable) {
        last =
            new AcsException(
                0,
                "Unreachable",
                unreachable.getClass().getSimpleName() + " " + unreachable.getMessage(),
                null,
                clientRequestId,
                null);
        log(method, uri, 0, clientRequestId, null, attempt);
        pause(backoff, attempt, last);
        backoff = backoff.multipliedBy(2);
        continue;
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new AcsException(
            0, "Interrupted", "interrupted while calling ACS", null, clientRequestId, null);
      }
      int status = response.statusCode();
      String msCv = response.headers().firstValue("MS-CV").orElse(null);
      log(method, uri, status, clientRequestId, msCv, attempt);
      if (status >= 200 && status < 300) {
        return parse(response.body());
      }
      AcsException refused = refusal(status, response.body(), clientRequestId, msCv);
      if (status != 408 && status != 429 && status < 500) {
        throw refused;
      }
      Duration wait = retryAfter(response).orElse(backoff);
      if (wait.compareTo(retry.maxRetryAfter()) > 0) {
        throw refused;
      }
      last = refused;
      pause(wait, attempt, refused);
      backoff = backoff.multipliedBy(2);
    }
    throw java.util.Objects.requireNonNull(last);
  }

  private HttpRequest request(
      String method,
      URI uri,
      byte[] body,
      String clientRequestId,
      @Nullable String repeatabilityId,
      @Nullable String firstSent)
      throws AcsException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json")
            .header("x-ms-client-request-id", clientRequestId)
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    if (body.length > 0) {
      request.header("Content-Type", "application/json");
    }
    if (repeatabilityId != null && firstSent != null) {
      request.header("Repeatability-Request-ID", repeatabilityId);
      request.header("Repeatability-First-Sent", firstSent);
    }
    switch (credential) {
      case AcsCredential.Hmac ignored ->
          java.util.Objects.requireNonNull(signer)
              .headers(method, uri, body, clock.instant())
              .forEach(request::header);
      case AcsCredential.Entra entra -> {
        String token;
        try {
          token = entra.bearerToken().get();
        } catch (RuntimeException refused) {
          throw new AcsException(
              0,
              "TokenUnavailable",
              "no Entra token: " + refused.getClass().getSimpleName(),
              null,
              clientRequestId,
              null);
        }
        request.header("Authorization", "Bearer " + token).header("x-ms-host", entra.acsHost());
      }
    }
    return request.build();
  }

  private void pause(Duration wait, int attempt, AcsException cause) throws AcsException {
    if (attempt >= retry.attempts()) {
      return;
    }
    try {
      retry.sleeper().sleep(wait);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw cause;
    }
  }

  private boolean sameOrigin(URI uri) {
    return uri.isAbsolute()
        && endpoint.getScheme().equalsIgnoreCase(uri.getScheme())
        && endpoint.getHost().equalsIgnoreCase(uri.getHost())
        && endpoint.getPort() == uri.getPort();
  }

  /** {@code retry-after-ms}, {@code x-ms-retry-after-ms}, then {@code Retry-After} (s or date). */
  private Optional<Duration> retryAfter(HttpResponse<String> response) {
    for (String name : new String[] {"retry-after-ms", "x-ms-retry-after-ms"}) {
      Optional<String> millis = response.headers().firstValue(name);
      if (millis.isPresent()) {
        try {
          return Optional.of(Duration.ofMillis(Math.max(0, Long.parseLong(millis.get().trim()))));
        } catch (NumberFormatException ignored) {
          // fall through to the next header
        }
      }
    }
    return response.headers().firstValue("Retry-After").flatMap(this::retryAfterValue);
  }

  private Optional<Duration> retryAfterValue(String value) {
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at =
            ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(clock.instant(), at);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notDate) {
        return Optional.empty();
      }
    }
  }

  private static void log(
      String method,
      URI uri,
      int status,
      String clientRequestId,
      @Nullable String msCv,
      int attempt) {
    LOG.log(
        Level.DEBUG,
        () ->
            method
                + " "
                + uri.getRawPath()
                + " -> "
                + (status == 0 ? "no reply" : status)
                + " (attempt "
                + attempt
                + ", x-ms-client-request-id "
                + clientRequestId
                + (msCv == null ? "" : ", MS-CV " + msCv)
                + ")");
  }

  private static AcsException refusal(
      int status, String body, String clientRequestId, @Nullable String msCv) {
    JsonNode error = parse(body).path("error");
    String target = error.path("target").isString() ? error.path("target").asString() : null;
    return new AcsException(
        status,
        error.path("code").isString() ? error.path("code").asString() : "HTTP" + status,
        error.path("message").isString()
            ? error.path("message").asString()
            : body.isBlank() ? "(no body)" : abbreviate(body),
        target,
        clientRequestId,
        msCv);
  }

  private static String abbreviate(String body) {
    return body.length() <= 200 ? body : body.substring(0, 200) + "…";
  }

  static JsonNode parse(@Nullable String body) {
    if (body == null || body.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(body);
    } catch (JacksonException notJson) {
      return JSON.createObjectNode();
    }
  }
}
