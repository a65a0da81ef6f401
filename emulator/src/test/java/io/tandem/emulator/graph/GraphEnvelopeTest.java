package io.tandem.emulator.graph;

import static io.tandem.emulator.EmulatorFixture.BOT_APP;
import static io.tandem.emulator.EmulatorFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.EmulatorFixture;
import io.tandem.emulator.http.HttpCall;
import io.tandem.emulator.http.HttpReply;
import io.tandem.emulator.http.Json;
import io.tandem.emulator.http.RouteHandler;
import io.tandem.emulator.world.AppRegistration;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Graph's error shape, request ids and the app-token check, on handlers called directly. */
class GraphEnvelopeTest {

  private static EmulatorFixture fixture;
  private static GraphAuth auth;
  private static RouteHandler guarded;

  @BeforeAll
  static void start() throws Exception {
    fixture = new EmulatorFixture();
    auth = new GraphAuth(fixture.emulator.accessTokens(), fixture.emulator.world());
    guarded =
        new GraphExchange(fixture.clock)
            .wrap(
                call -> {
                  auth.require(call, "Calls.Initiate.All");
                  return HttpReply.json(200, Json.object().put("ok", true));
                });
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void noToken_is401InvalidAuthenticationTokenWithInnerErrorAndIds() throws Exception {
    HttpReply reply = guarded.handle(call(Map.of("client-request-id", List.of("my-id"))));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.headers()).containsKey("WWW-Authenticate").containsKey("request-id");
    assertThat(reply.headers().get("client-request-id")).isEqualTo("my-id");
    JsonNode error = Json.parse(reply.text()).path("error");
    assertThat(error.path("code").asString()).isEqualTo("InvalidAuthenticationToken");
    assertThat(error.path("message").asString()).isEqualTo("Access token is empty.");
    assertThat(error.at("/innerError/date").asString()).isEqualTo("2026-11-21T09:00:00");
    assertThat(error.at("/innerError/request-id").asString())
        .isEqualTo(reply.headers().get("request-id"));
    assertThat(error.at("/innerError/client-request-id").asString()).isEqualTo("my-id");
  }

  @Test
  void tokenForAnotherAudience_is401() throws Exception {
    String token = token("https://communication.azure.com", "Calls.Initiate.All");
    HttpReply reply = guarded.handle(call(bearer(token)));
    assertThat(reply.status()).isEqualTo(401);
    assertThat(Json.parse(reply.text()).at("/error/message").asString()).contains("audience");
  }

  @Test
  void tokenWithoutTheRole_is403Forbidden() throws Exception {
    HttpReply reply = guarded.handle(call(bearer(token(GraphAuth.AUDIENCE, "Presence.Read.All"))));
    assertThat(reply.status()).isEqualTo(403);
    assertThat(Json.parse(reply.text()).at("/error/code").asString()).isEqualTo("Forbidden");
    assertThat(Json.parse(reply.text()).at("/error/message").asString())
        .isEqualTo(
            "Missing role permissions on the request. API requires one of 'Calls.Initiate.All'."
                + " Roles on the request 'Presence.Read.All'.");
  }

  @Test
  void tokenWithTheRole_passesAndTheReplyCarriesRequestIds() throws Exception {
    HttpReply reply = guarded.handle(call(bearer(token(GraphAuth.AUDIENCE, "Calls.Initiate.All"))));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.headers().get("client-request-id"))
        .isEqualTo(reply.headers().get("request-id"));
  }

  private static String token(String audience, String role) {
    var tenant = fixture.emulator.world().tenant(TENANT).orElseThrow();
    return fixture
        .emulator
        .accessTokens()
        .issue(tenant, new AppRegistration(BOT_APP, "s", "bot", List.of(role), null), audience);
  }

  private static Map<String, List<String>> bearer(String token) {
    return Map.of("authorization", List.of("Bearer " + token));
  }

  private static HttpCall call(Map<String, List<String>> headers) {
    return new HttpCall(
        "GET",
        "/v1.0/communications/calls/x",
        null,
        Map.of(),
        headers,
        new byte[0],
        new InetSocketAddress("127.0.0.1", 1),
        false);
  }
}
