package io.tandem.emulator.graph.presence;

import io.tandem.emulator.EmulatorFixture;
import io.tandem.emulator.http.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * Speaks Graph's presence API to an {@link EmulatorFixture} as an adapter would: client-credentials
 * tokens from the emulator's Entra token endpoint, JSON bodies as text.
 */
final class PresenceTestClient {

  static final String ALICE = "11111111-aaaa-4bbb-8ccc-000000000001";
  static final String BOB = "11111111-aaaa-4bbb-8ccc-000000000002";
  static final String CAROL = "11111111-aaaa-4bbb-8ccc-000000000003";
  static final String READER_APP = "6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d";
  static final String READER_SECRET = "reader-secret";

  final EmulatorFixture fixture;
  private final String appId;
  private final String secret;
  private String token;
  private java.time.Instant issuedAt;

  PresenceTestClient(EmulatorFixture fixture) throws Exception {
    this(fixture, EmulatorFixture.BOT_APP, EmulatorFixture.BOT_SECRET);
  }

  PresenceTestClient(EmulatorFixture fixture, String appId, String secret) throws Exception {
    this.fixture = fixture;
    this.appId = appId;
    this.secret = secret;
    this.token = token(fixture, appId, secret);
    this.issuedAt = fixture.clock.now();
  }

  static String token(EmulatorFixture fixture, String appId, String secret) throws Exception {
    HttpResponse<String> response =
        fixture.send(
            "POST",
            "/" + EmulatorFixture.TENANT + "/oauth2/v2.0/token",
            "application/x-www-form-urlencoded",
            "grant_type=client_credentials&client_id="
                + appId
                + "&client_secret="
                + secret
                + "&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default");
    if (response.statusCode() != 200) {
      throw new AssertionError("token endpoint said " + response.body());
    }
    return Json.parse(response.body()).path("access_token").asString();
  }

  HttpResponse<String> get(String path) throws Exception {
    return send("GET", path, null);
  }

  HttpResponse<String> post(String path, String json) throws Exception {
    return send("POST", path, json);
  }

  HttpResponse<String> send(String method, String path, String json) throws Exception {
    if (fixture.clock.now().isAfter(issuedAt.plus(Duration.ofMinutes(50)))) {
      token = token(fixture, appId, secret); // as an adapter renews before the hour is up
      issuedAt = fixture.clock.now();
    }
    return sendWith("Bearer " + token, method, path, json);
  }

  HttpResponse<String> sendWith(String authorization, String method, String path, String json)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(fixture.emulator.httpBaseUrl() + "/v1.0" + path))
            .timeout(Duration.ofSeconds(20))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    return fixture.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The availability/activity Graph shows for {@code userId} now, e.g. {@code Busy/InACall}. */
  String presenceOf(String userId) throws Exception {
    HttpResponse<String> response = get("/users/" + userId + "/presence");
    if (response.statusCode() != 200) {
      throw new AssertionError("GET presence said " + response.statusCode() + response.body());
    }
    JsonNode body = Json.parse(response.body());
    return body.path("availability").asString() + "/" + body.path("activity").asString();
  }

  void scriptClient(String userId, String availability, String activity) throws Exception {
    HttpResponse<String> response =
        fixture.send(
            "PUT",
            "/emulator/users/" + userId + "/presence",
            "application/json",
            "{\"availability\":\"" + availability + "\",\"activity\":\"" + activity + "\"}");
    if (response.statusCode() != 200) {
      throw new AssertionError("scripting the client said " + response.body());
    }
  }
}
