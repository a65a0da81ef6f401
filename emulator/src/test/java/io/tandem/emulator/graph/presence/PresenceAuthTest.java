package io.tandem.emulator.graph.presence;

import static io.tandem.emulator.EmulatorFixture.BOT_APP;
import static io.tandem.emulator.graph.presence.PresenceReadTest.assertGraphError;
import static io.tandem.emulator.graph.presence.PresenceTestClient.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.EmulatorFixture;
import io.tandem.emulator.http.Json;
import io.tandem.emulator.world.AppRegistration;
import io.tandem.emulator.world.EmulatedTenant;
import io.tandem.emulator.world.TeamsUser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every way a caller is refused: 401 for the token, 403 for the roles, 404 across tenants. */
class PresenceAuthTest {

  private static final String OTHER_TENANT = "7e0a9c3d-1111-4222-8333-444455556666";
  private static final String DAVE = "33333333-cccc-4ddd-8eee-000000000001";
  private static final String SET_PRESENCE_BODY =
      "{\"sessionId\":\"" + BOT_APP + "\",\"availability\":\"Away\",\"activity\":\"Away\"}";

  private EmulatorFixture fixture;
  private PresenceTestClient graph;

  @BeforeEach
  void start() throws Exception {
    fixture = new EmulatorFixture();
    graph = new PresenceTestClient(fixture);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void missingToken_is401WithTheBearerChallenge() throws Exception {
    HttpResponse<String> response =
        graph.sendWith(null, "GET", "/users/" + ALICE + "/presence", null);

    assertGraphError(response, 401, "InvalidAuthenticationToken");
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer "));
  }

  @Test
  void malformedForeignExpiredOrWrongAudienceTokens_are401() throws Exception {
    String path = "/users/" + ALICE + "/presence";
    assertGraphError(
        graph.sendWith("Bearer not.a.jwt", "GET", path, null), 401, "InvalidAuthenticationToken");
    assertGraphError(
        graph.sendWith("Basic abc", "GET", path, null), 401, "InvalidAuthenticationToken");

    HttpResponse<String> acsToken =
        fixture.send(
            "POST",
            "/" + EmulatorFixture.TENANT + "/oauth2/v2.0/token",
            "application/x-www-form-urlencoded",
            "grant_type=client_credentials&client_id="
                + BOT_APP
                + "&client_secret="
                + EmulatorFixture.BOT_SECRET
                + "&scope=https%3A%2F%2Fcommunication.azure.com%2F.default");
    String acs = Json.parse(acsToken.body()).path("access_token").asString();
    HttpResponse<String> wrongAudience = graph.sendWith("Bearer " + acs, "GET", path, null);
    assertGraphError(wrongAudience, 401, "InvalidAuthenticationToken");
    assertThat(wrongAudience.body()).contains("audience");

    String valid = PresenceTestClient.token(fixture, BOT_APP, EmulatorFixture.BOT_SECRET);
    String[] parts = valid.split("\\.");
    String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
    assertGraphError(
        graph.sendWith("Bearer " + tampered, "GET", path, null), 401, "InvalidAuthenticationToken");

    fixture.clock.advance(Duration.ofHours(2));
    HttpResponse<String> expired = graph.sendWith("Bearer " + valid, "GET", path, null);
    assertGraphError(expired, 401, "InvalidAuthenticationToken");
    assertThat(expired.body()).contains("expired");
  }

  @Test
  void readOnlyApp_mayRead_butNotWrite() throws Exception {
    PresenceTestClient reader =
        new PresenceTestClient(
            fixture, PresenceTestClient.READER_APP, PresenceTestClient.READER_SECRET);
    assertThat(reader.get("/users/" + ALICE + "/presence").statusCode()).isEqualTo(200);

    for (String action :
        List.of(
            "setPresence",
            "clearPresence",
            "setUserPreferredPresence",
            "clearUserPreferredPresence",
            "setStatusMessage")) {
      HttpResponse<String> refused =
          reader.post("/users/" + ALICE + "/presence/" + action, SET_PRESENCE_BODY);
      assertGraphError(refused, 403, "Forbidden");
      assertThat(refused.body()).contains("Presence.ReadWrite.All");
    }
  }

  @Test
  void appWithoutPresenceRoles_mayNotRead() throws Exception {
    addApp("c0ffee00-0000-4000-8000-000000000001", "caller-secret", List.of("Calls.Initiate.All"));
    PresenceTestClient caller =
        new PresenceTestClient(fixture, "c0ffee00-0000-4000-8000-000000000001", "caller-secret");

    assertGraphError(caller.get("/users/" + ALICE + "/presence"), 403, "Forbidden");
    assertGraphError(caller.get("/communications/presences/" + ALICE), 403, "Forbidden");
    assertGraphError(
        caller.post("/communications/getPresencesByUserId", "{\"ids\":[\"" + ALICE + "\"]}"),
        403,
        "Forbidden");
    assertGraphError(
        caller.post(
            "/subscriptions",
            "{\"changeType\":\"updated\",\"notificationUrl\":\"http://127.0.0.1:1/n\","
                + "\"resource\":\"/communications/presences/"
                + ALICE
                + "\",\"expirationDateTime\":\"2026-11-21T09:30:00Z\"}"),
        403,
        "Forbidden");
    assertGraphError(caller.get("/subscriptions"), 403, "Forbidden");
  }

  @Test
  void userOfAnotherTenant_isNotFound_andUnknownInBulk() throws Exception {
    fixture
        .emulator
        .world()
        .putTenant(
            new EmulatedTenant(
                OTHER_TENANT,
                "Fabrikam",
                List.of("fabrikam.test"),
                List.of(),
                List.of(new TeamsUser(DAVE, "dave@fabrikam.test", "Dave", null, null)),
                List.of()));

    assertGraphError(graph.get("/users/" + DAVE + "/presence"), 404, "Request_ResourceNotFound");
    assertGraphError(
        graph.post("/users/" + DAVE + "/presence/setPresence", SET_PRESENCE_BODY),
        404,
        "Request_ResourceNotFound");
    String bulk =
        graph.post("/communications/getPresencesByUserId", "{\"ids\":[\"" + DAVE + "\"]}").body();
    assertThat(Json.parse(bulk).path("value").get(0).path("availability").asString())
        .isEqualTo("PresenceUnknown");
  }

  private void addApp(String appId, String secret, List<String> roles) {
    EmulatedTenant tenant = fixture.emulator.world().tenant(EmulatorFixture.TENANT).orElseThrow();
    List<AppRegistration> apps = new ArrayList<>(tenant.apps());
    apps.add(new AppRegistration(appId, secret, "No presence", roles, null));
    fixture
        .emulator
        .world()
        .putTenant(
            new EmulatedTenant(
                tenant.id(),
                tenant.displayName(),
                tenant.domains(),
                apps,
                tenant.users(),
                tenant.resourceAccounts()));
  }
}
