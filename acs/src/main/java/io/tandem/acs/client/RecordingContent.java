package io.tandem.acs.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/**
 * Downloads of finished recordings from where {@code RecordingFileStatusUpdated} says they are
 * ({@code contentLocation}, ACS's storage host), as the Call Automation SDK does it: a {@code GET}
 * of that URL authorized as a request to the resource itself, the signature computed over the
 * resource endpoint's host and the content's path (with Entra: the bearer token and {@code
 * x-ms-host}). Only {@code https} locations, or locations on the endpoint's own origin (the
 * emulator), are fetched. One attempt, retried once on a 5xx or a dropped connection.
 */
final class RecordingContent {

  private final URI endpoint;
  private final AcsCredential credential;
  private final HttpClient http;
  private final Clock clock;

  RecordingContent(URI endpoint, AcsCredential credential, HttpClient http, Clock clock) {
    this.endpoint = endpoint;
    this.credential = credential;
    this.http = http;
    this.clock = clock;
  }

  byte[] download(URI location) throws AcsException {
    if (!location.isAbsolute()
        || !("https".equalsIgnoreCase(location.getScheme()) || sameOrigin(location))) {
      throw new AcsException(
          0, "ForeignUrl", "refusing to fetch a recording from " + location, null, null, null);
    }
    AcsException last = null;
    for (int attempt = 1; attempt <= 2; attempt++) {
      String clientRequestId = UUID.randomUUID().toString();
      try {
        HttpResponse<byte[]> response =
            http.send(request(location, clientRequestId), HttpResponse.BodyHandlers.ofByteArray());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
          return response.body();
        }
        last =
            new AcsException(
                status,
                "RecordingDownloadFailed",
                new String(response.body(), StandardCharsets.UTF_8),
                null,
                clientRequestId,
                response.headers().firstValue("MS-CV").orElse(null));
        if (status < 500) {
          throw last;
        }
      } catch (IOException dropped) {
        last =
            new AcsException(
                0,
                "Unreachable",
                String.valueOf(dropped.getMessage()),
                null,
                clientRequestId,
                null);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new AcsException(
            0, "Interrupted", "interrupted while downloading", null, clientRequestId, null);
      }
    }
    throw java.util.Objects.requireNonNull(last);
  }

  private HttpRequest request(URI location, String clientRequestId) throws AcsException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(location)
            .timeout(Duration.ofSeconds(60))
            .header("x-ms-client-request-id", clientRequestId)
            .GET();
    switch (credential) {
      case AcsCredential.Hmac hmac -> {
        URI signed =
            URI.create(
                endpoint.getScheme().toLowerCase(Locale.ROOT)
                    + "://"
                    + endpoint.getRawAuthority()
                    + location.getRawPath()
                    + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery()));
        new HmacSigner(hmac.accessKey())
            .headers("GET", signed, new byte[0], clock.instant())
            .forEach(request::header);
      }
      case AcsCredential.Entra entra -> {
        String token;
        try {
          token = entra.bearerToken().get();
        } catch (RuntimeException refused) {
          throw new AcsException(
              0, "TokenUnavailable", "no Entra token", null, clientRequestId, null);
        }
        request.header("Authorization", "Bearer " + token).header("x-ms-host", entra.acsHost());
      }
    }
    return request.build();
  }

  private boolean sameOrigin(URI uri) {
    return endpoint.getScheme().equalsIgnoreCase(uri.getScheme())
        && endpoint.getHost().equalsIgnoreCase(uri.getHost())
        && endpoint.getPort() == uri.getPort();
  }
}
