package io.tandem.emulator.graph.presence;

import static io.tandem.emulator.graph.presence.PresenceTestClient.ALICE;
import static io.tandem.emulator.graph.presence.PresenceTestClient.BOB;
import static io.tandem.emulator.graph.presence.PresenceTestClient.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.EmulatorFixture;
import io.tandem.emulator.http.Json;
import io.tandem.emulator.world.EmulatedTenant;
import io.tandem.emulator.world.TeamsUser;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Reading presence: single, bulk, the shapes Graph documents, and the refusals. */
class PresenceReadTest {

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
  void getUserPresence_signedInUser_isAvailableWithGraphsContext() throws Exception {
    HttpResponse<String> response = graph.get("/users/" + ALICE + "/presence");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("request-id")).isPresent();
    JsonNode body = Json.parse(response.body());
    assertThat(body.path("@odata.context").asString())
        .isEqualTo(
            "https://graph.microsoft.com/v1.0/$metadata#users('" + ALICE + "')/presence/$entity");
    assertThat(body.path("id").asString()).isEqualTo(ALICE);
    assertThat(body.path("availability").asString()).isEqualTo("Available");
    assertThat(body.path("activity").asString()).isEqualTo("Available");
    assertThat(body.path("statusMessage").isNull()).isTrue();
    assertThat(body.path("outOfOfficeSettings").path("isOutOfOffice").asBoolean()).isFalse();
    assertThat(body.path("sequenceNumber").asString()).hasSize(16);
  }

  @Test
  void getCommunicationsPresence_hasItsOwnContext() throws Exception {
    graph.scriptClient(BOB, "Away", "Away");

    HttpResponse<String> response = graph.get("/communications/presences/" + BOB);

    JsonNode body = Json.parse(response.body());
    assertThat(body.path("@odata.context").asString())
        .isEqualTo("https://graph.microsoft.com/v1.0/$metadata#communications/presences/$entity");
    assertThat(body.path("availability").asString()).isEqualTo("Away");
  }

  @Test
  void bulkGet_threeUsers_inRequestOrder() throws Exception {
    graph.scriptClient(BOB, "Busy", "InAMeeting");
    graph.scriptClient(CAROL, "DoNotDisturb", "Presenting");

    HttpResponse<String> response =
        graph.post(
            "/communications/getPresencesByUserId",
            "{\"ids\":[\"" + CAROL + "\",\"" + ALICE + "\",\"" + BOB + "\"]}");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = Json.parse(response.body());
    assertThat(body.path("@odata.context").asString())
        .isEqualTo(
            "https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.presence)");
    List<String> rows = new ArrayList<>();
    body.path("value")
        .forEach(
            p ->
                rows.add(
                    p.path("id").asString()
                        + " "
                        + p.path("availability").asString()
                        + "/"
                        + p.path("activity").asString()));
    assertThat(rows)
        .containsExactly(
            CAROL + " DoNotDisturb/Presenting",
            ALICE + " Available/Available",
            BOB + " Busy/InAMeeting");
  }

  @Test
  void bulkGet_documentedExample_isAcceptedAndAnsweredInTheDocumentedShape() throws Exception {
    addUsers("fa8bf3dc-eca7-46b7-bad1-db199b62afc3", "66825e03-7ef5-42da-9069-724602c31f6b");
    graph.scriptClient("fa8bf3dc-eca7-46b7-bad1-db199b62afc3", "Busy", "InAMeeting");
    graph.scriptClient("66825e03-7ef5-42da-9069-724602c31f6b", "Away", "Away");

    HttpResponse<String> response =
        graph.post(
            "/communications/getPresencesByUserId",
            fixture("get-presence-multiple-users-request.json"));

    JsonNode documented = Json.parse(fixture("get-presence-multiple-users-response.json"));
    JsonNode actual = Json.parse(response.body());
    for (int i = 0; i < documented.path("value").size(); i++) {
      JsonNode expected = documented.path("value").get(i);
      for (String field : List.of("id", "availability", "activity")) {
        assertThat(actual.path("value").get(i).path(field)).isEqualTo(expected.path(field));
      }
    }
  }

  @Test
  void bulkGet_unknownGuid_isPresenceUnknown_notAnError() throws Exception {
    String stranger = "99999999-9999-4999-8999-999999999999";

    HttpResponse<String> response =
        graph.post("/communications/getPresencesByUserId", "{\"ids\":[\"" + stranger + "\"]}");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode only = Json.parse(response.body()).path("value").get(0);
    assertThat(only.path("id").asString()).isEqualTo(stranger);
    assertThat(only.path("availability").asString()).isEqualTo("PresenceUnknown");
    assertThat(only.path("activity").asString()).isEqualTo("PresenceUnknown");
  }

  @Test
  void bulkGet_650Ids_isServed_651IsRefused() throws Exception {
    assertThat(graph.post("/communications/getPresencesByUserId", ids(650)).statusCode())
        .isEqualTo(200);

    HttpResponse<String> refused = graph.post("/communications/getPresencesByUserId", ids(651));

    assertGraphError(refused, 400, "BadRequest");
    assertThat(refused.body()).contains("650");
  }

  @Test
  void bulkGet_refusesBodiesItCannotUse() throws Exception {
    assertGraphError(
        graph.post("/communications/getPresencesByUserId", "{\"ids\":"), 400, "BadRequest");
    assertGraphError(
        graph.post("/communications/getPresencesByUserId", "{\"ids\":[]}"), 400, "BadRequest");
    assertGraphError(
        graph.post("/communications/getPresencesByUserId", "{\"ids\":[\"alice@contoso.test\"]}"),
        400,
        "BadRequest");
  }

  @Test
  void namespaceQualifiedBulkAction_isRoutedToo() throws Exception {
    HttpResponse<String> response =
        graph.post(
            "/communications/microsoft.graph.getPresencesByUserId",
            "{\"ids\":[\"" + ALICE + "\"]}");

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void getPresence_unknownUser_is404_nonGuid_is400_me_is400() throws Exception {
    assertGraphError(
        graph.get("/users/99999999-9999-4999-8999-999999999999/presence"),
        404,
        "Request_ResourceNotFound");
    assertGraphError(graph.get("/users/alice@contoso.test/presence"), 400, "BadRequest");
    HttpResponse<String> me = graph.get("/me/presence");
    assertGraphError(me, 400, "BadRequest");
    assertThat(me.body()).contains("delegated");
  }

  static void assertGraphError(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode error = Json.parse(response.body()).path("error");
    assertThat(error.path("code").asString()).isEqualTo(code);
    assertThat(error.path("message").asString()).isNotBlank();
    assertThat(error.path("innerError").path("request-id").asString()).isNotBlank();
    assertThat(error.path("innerError").path("date").asString()).isNotBlank();
  }

  private static String ids(int count) {
    StringJoiner ids = new StringJoiner(",", "{\"ids\":[", "]}");
    for (int i = 0; i < count; i++) {
      ids.add(String.format("\"00000000-0000-4000-8000-%012d\"", i));
    }
    return ids.toString();
  }

  private void addUsers(String... ids) {
    EmulatedTenant tenant = fixture.emulator.world().tenant(EmulatorFixture.TENANT).orElseThrow();
    List<TeamsUser> users = new ArrayList<>(tenant.users());
    for (String id : ids) {
      users.add(new TeamsUser(id, id + "@contoso.test", null, null, null));
    }
    fixture
        .emulator
        .world()
        .putTenant(
            new EmulatedTenant(
                tenant.id(),
                tenant.displayName(),
                tenant.domains(),
                tenant.apps(),
                users,
                tenant.resourceAccounts()));
  }

  static String fixture(String name) throws Exception {
    try (var in = PresenceReadTest.class.getResourceAsStream("/graph-presence/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
