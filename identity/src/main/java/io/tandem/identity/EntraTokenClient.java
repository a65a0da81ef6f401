package io.tandem.identity;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * App-only access tokens for one {@link ClientCredentials}: fetched from Entra's token endpoint,
 * cached, and refreshed early — once less than a fifth of the lifetime (at most {@code
 * refreshMargin}) is left — so a request never leaves with a token about to expire. Concurrent
 * callers wait for one fetch. 5xx and unreachable endpoints are retried with backoff; 4xx refusals
 * are not.
 */
public final class EntraTokenClient {

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final int ATTEMPTS = 3;

  private final ClientCredentials credentials;
  private final HttpClient http;
  private final Clock clock;
  private final Duration refreshMargin;
  private final Duration retryBackoff;
  private final ReentrantLock fetching = new ReentrantLock();
  private volatile @Nullable CachedToken cached;

  public EntraTokenClient(
      ClientCredentials credentials,
      HttpClient http,
      Clock clock,
      Duration refreshMargin,
      Duration retryBackoff) {
    this.credentials = credentials;
    this.http = http;
    this.clock = clock;
    this.refreshMargin = refreshMargin;
    this.retryBackoff = retryBackoff;
  }

  /** A client with a five-minute refresh margin and 200 ms initial retry backoff. */
  public static EntraTokenClient of(ClientCredentials credentials, HttpClient http, Clock clock) {
    return new EntraTokenClient(
        credentials, http, clock, Duration.ofMinutes(5), Duration.ofMillis(200));
  }

  /** A valid access token, from the cache when it is fresh enough. */
  public String accessToken() throws TokenRefusedException {
    CachedToken token = cached;
    if (token != null && token.freshAt(clock.instant())) {
      return token.value();
    }
    fetching.lock();
    try {
      token = cached;
      if (token != null && token.freshAt(clock.instant())) {
        return token.value();
      }
      CachedToken fetched = fetch();
      cached = fetched;
      return fetched.value();
    } finally {
      fetching.unlock();
    }
  }

  /** Forgets the cached token, e.g. after the resource answered 401 to it. */
  public void invalidate() {
    cached = null;
  }

  private CachedToken fetch() throws TokenRefusedException {
    Duration backoff = retryBackoff;
    TokenRefusedException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        return request();
      } catch (TokenRefusedException refused) {
        if (refused.status() != 0 && refused.status() < 500) {
          throw refused;
        }
        last = refused;
      }
      if (attempt < ATTEMPTS) {
        pause(backoff);
        backoff = backoff.multipliedBy(2);
      }
    }
    throw java.util.Objects.requireNonNull(last);
  }

  private CachedToken request() throws TokenRefusedException {
    String form =
        "grant_type=client_credentials"
            + "&client_id="
            + encode(credentials.clientId())
            + "&client_secret="
            + encode(credentials.clientSecret())
            + "&scope="
            + encode(credentials.scope());
    HttpRequest request =
        HttpRequest.newBuilder(credentials.tokenEndpoint())
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    Instant sent = clock.instant();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException unreachable) {
      throw new TokenRefusedException(
          "Entra token endpoint unreachable: " + unreachable.getMessage(), 0, List.of());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new TokenRefusedException("interrupted while fetching a token", 0, List.of());
    }
    JsonNode body = parse(response.body());
    if (response.statusCode() != 200) {
      List<Integer> codes = new ArrayList<>();
      body.path("error_codes").forEach(code -> codes.add(code.asInt()));
      throw new TokenRefusedException(
          "Entra refused a token for "
              + credentials
              + ": HTTP "
              + response.statusCode()
              + " "
              + body.path("error").asString("")
              + " "
              + body.path("error_description").asString(""),
          response.statusCode(),
          codes);
    }
    String value = body.path("access_token").asString("");
    long expiresIn = body.path("expires_in").asLong(0);
    if (value.isEmpty() || expiresIn <= 0) {
      throw new TokenRefusedException(
          "Entra's token reply has no access_token/expires_in", response.statusCode(), List.of());
    }
    Duration lifetime = Duration.ofSeconds(expiresIn);
    Duration margin =
        lifetime.dividedBy(5).compareTo(refreshMargin) < 0 ? lifetime.dividedBy(5) : refreshMargin;
    return new CachedToken(value, sent.plus(lifetime).minus(margin));
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body.isEmpty() ? "{}" : body);
    } catch (JacksonException notJson) {
      return JSON.createObjectNode().put("error", "not JSON").put("error_description", body);
    }
  }

  private void pause(Duration backoff) {
    try {
      Thread.sleep(backoff);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private record CachedToken(String value, Instant refreshAt) {
    boolean freshAt(Instant now) {
      return now.isBefore(refreshAt);
    }
  }
}
