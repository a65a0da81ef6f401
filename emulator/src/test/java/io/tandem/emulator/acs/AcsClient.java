package io.tandem.emulator.acs;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A test's Call Automation client: signs each request as the ACS SDKs do (HMAC-SHA256 over method,
 * path and query, x-ms-date, host without port and content hash) with a resource's access key.
 */
final class AcsClient {

  static final String VERSION = "api-version=2025-05-15";

  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;
  private final String accessKey;
  private final Supplier<Instant> clock;

  AcsClient(String baseUrl, String accessKey, Supplier<Instant> clock) {
    this.baseUrl = baseUrl;
    this.accessKey = accessKey;
    this.clock = clock;
  }

  /** POST {@code body} to {@code path} with the API version appended. */
  HttpResponse<String> post(String path, String body, String... headers) throws Exception {
    return send("POST", path + (path.contains("?") ? "&" : "?") + VERSION, body, headers);
  }

  HttpResponse<String> get(String path) throws Exception {
    return send("GET", path + "?" + VERSION, "");
  }

  HttpResponse<String> delete(String path) throws Exception {
    return send("DELETE", path + "?" + VERSION, "");
  }

  /** Sends a signed request; {@code headers} are extra name/value pairs. */
  HttpResponse<String> send(String method, String pathAndQuery, String body, String... headers)
      throws Exception {
    URI uri = URI.create(baseUrl + pathAndQuery);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String date = HmacSignature.date(clock.get());
    String hash = HmacSignature.contentHash(bytes);
    String signature =
        HmacSignature.sign(
            accessKey, HmacSignature.stringToSign(method, pathAndQuery, date, uri.getHost(), hash));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .header("x-ms-date", date)
            .header("x-ms-content-sha256", hash)
            .header("Authorization", HmacSignature.authorization(signature))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A signed {@code GET} of {@code pathAndQuery} whose answer is binary (a recording file). */
  HttpResponse<byte[]> download(String pathAndQuery) throws Exception {
    URI uri = URI.create(baseUrl + pathAndQuery);
    String date = HmacSignature.date(clock.get());
    String hash = HmacSignature.contentHash(new byte[0]);
    String signature =
        HmacSignature.sign(
            accessKey, HmacSignature.stringToSign("GET", pathAndQuery, date, uri.getHost(), hash));
    return http.send(
        HttpRequest.newBuilder(uri)
            .header("x-ms-date", date)
            .header("x-ms-content-sha256", hash)
            .header("Authorization", HmacSignature.authorization(signature))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Sends exactly the given headers, no signing: for the rejects. */
  HttpResponse<String> raw(String method, String pathAndQuery, String body, String... headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
            .method(method, HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
