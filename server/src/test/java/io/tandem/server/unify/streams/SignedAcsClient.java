package io.tandem.server.unify.streams;

import io.tandem.emulator.acs.HmacSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Supplier;

/** A test's Call Automation client: HMAC-SHA256-signed requests with the resource's access key. */
final class SignedAcsClient {

  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;
  private final String accessKey;
  private final Supplier<Instant> clock;

  SignedAcsClient(String baseUrl, String accessKey, Supplier<Instant> clock) {
    this.baseUrl = baseUrl;
    this.accessKey = accessKey;
    this.clock = clock;
  }

  HttpResponse<String> send(String method, String path, String body) throws Exception {
    String pathAndQuery = path + (path.contains("?") ? "&" : "?") + "api-version=2025-05-15";
    URI uri = URI.create(baseUrl + pathAndQuery);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String date = HmacSignature.date(clock.get());
    String hash = HmacSignature.contentHash(bytes);
    String signature =
        HmacSignature.sign(
            accessKey, HmacSignature.stringToSign(method, pathAndQuery, date, uri.getHost(), hash));
    return http.send(
        HttpRequest.newBuilder(uri)
            .header("x-ms-date", date)
            .header("x-ms-content-sha256", hash)
            .header("Authorization", HmacSignature.authorization(signature))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
