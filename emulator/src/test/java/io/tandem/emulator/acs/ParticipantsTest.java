package io.tandem.emulator.acs;

import static io.tandem.emulator.EmulatorFixture.TENANT;
import static io.tandem.emulator.acs.AcsScenario.ALICE;
import static io.tandem.emulator.acs.AcsScenario.BOB;
import static io.tandem.emulator.acs.AcsScenario.CAROL;
import static io.tandem.emulator.acs.AcsScenario.RESOURCE_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.http.Json;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Teams Phone extensibility agents as participants (add, decline, timeout, cancel, remove), the
 * access assignments they need, and transfer.
 */
class ParticipantsTest {

  private static AcsScenario scenario;

  @BeforeAll
  static void start() throws Exception {
    scenario = new AcsScenario();
    for (String agent : new String[] {ALICE, BOB, CAROL}) {
      HttpResponse<String> assigned = assign(agent);
      assertThat(assigned.statusCode()).as(assigned.body()).isIn(200, 201);
    }
  }

  @AfterAll
  static void stop() {
    scenario.close();
  }

  private static HttpResponse<String> assign(String agent) throws Exception {
    return scenario.client.send(
        "PUT",
        "/access/teamsExtension/tenants/"
            + TENANT
            + "/assignments/"
            + agent
            + "?api-version=2025-06-30",
        "{\"principalType\":\"user\",\"clientIds\":[\"" + UUID.randomUUID() + "\"]}");
  }

  static String agent(String objectId) {
    return "{\"kind\":\"teamsExtensionUser\",\"teamsExtensionUser\":{\"userId\":\""
        + objectId
        + "\",\"tenantId\":\""
        + TENANT
        + "\",\"resourceId\":\""
        + RESOURCE_ID
        + "\"}}";
  }

  private static String add(String objectId, String extra) {
    return "{\"participantToAdd\":"
        + agent(objectId)
        + ",\"operationContext\":\"agent\""
        + extra
        + "}";
  }

  @Test
  void addAlice_ringsHerTeamsClient_thenAddParticipantSucceededAndTheRoster() throws Exception {
    String id = scenario.answeredCall("", "");
    scenario.callback(id, "ParticipantsUpdated");

    HttpResponse<String> added = scenario.action(id, "/participants:add", add(ALICE, ""));

    assertThat(added.statusCode()).isEqualTo(202);
    JsonNode reply = Json.parse(added.body());
    assertThat(reply.path("invitationId").asString()).isNotBlank();
    assertThat(reply.path("operationContext").asString()).isEqualTo("agent");
    String rawId = "8:acs:" + RESOURCE_ID + "_" + TENANT + "_" + ALICE;
    assertThat(reply.path("participant").path("identifier").path("rawId").asString())
        .isEqualTo(rawId);
    scenario.advance(Duration.ofSeconds(3));
    JsonNode succeeded = scenario.callback(id, "AddParticipantSucceeded");
    assertThat(
            succeeded
                .path("data")
                .path("participant")
                .path("teamsExtensionUser")
                .path("userId")
                .asString())
        .isEqualTo(ALICE);
    JsonNode roster = scenario.callback(id, "ParticipantsUpdated");
    assertThat(roster.path("data").path("participants")).hasSize(2);
    assertThat(roster.path("data").path("sequenceNumber").asInt()).isEqualTo(2);

    JsonNode list =
        Json.parse(scenario.client.get("/calling/callConnections/" + id + "/participants").body());
    assertThat(list.path("value")).hasSize(2);
    HttpResponse<String> one =
        scenario.client.get(
            "/calling/callConnections/"
                + id
                + "/participants/"
                + java.net.URLEncoder.encode(rawId, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(scenario.fixture.emulator.teamsClients().activeCalls(ALICE)).isEqualTo(1);

    HttpResponse<String> removed =
        scenario.action(
            id, "/participants:remove", "{\"participantToRemove\":" + agent(ALICE) + "}");
    assertThat(removed.statusCode()).isEqualTo(202);
    scenario.callback(id, "RemoveParticipantSucceeded");
    assertThat(scenario.fixture.emulator.teamsClients().activeCalls(ALICE)).isZero();
  }

  @Test
  void bobDeclines_isAddParticipantFailedWith603() throws Exception {
    String id = scenario.answeredCall("", "");
    scenario.action(id, "/participants:add", add(BOB, ""));
    scenario.advance(Duration.ofSeconds(2));

    JsonNode failed = scenario.callback(id, "AddParticipantFailed");
    assertThat(failed.path("data").path("resultInformation").path("code").asInt()).isEqualTo(603);
    assertThat(
            failed
                .path("data")
                .path("participant")
                .path("teamsExtensionUser")
                .path("userId")
                .asString())
        .isEqualTo(BOB);
  }

  @Test
  void carolNeverAnswers_isAddParticipantFailedWhenTheInvitationTimesOut() throws Exception {
    String id = scenario.answeredCall("", "");
    scenario.action(id, "/participants:add", add(CAROL, ",\"invitationTimeoutInSeconds\":10"));
    scenario.advance(Duration.ofSeconds(9));
    assertThat(
            scenario
                .fixture
                .emulator
                .journal()
                .after(
                    0,
                    e -> e.kind().equals("callback AddParticipantFailed") && id.equals(e.callId()),
                    1))
        .isEmpty();
    scenario.advance(Duration.ofSeconds(1));

    JsonNode failed = scenario.callback(id, "AddParticipantFailed");
    assertThat(failed.path("data").path("resultInformation").path("code").asInt()).isEqualTo(408);
  }

  @Test
  void cancelAddParticipant_stopsTheRinging() throws Exception {
    String id = scenario.answeredCall("", "");
    String invitation =
        Json.parse(scenario.action(id, "/participants:add", add(CAROL, "")).body())
            .path("invitationId")
            .asString();

    HttpResponse<String> cancel =
        scenario.action(
            id, "/participants:cancelAddParticipant", "{\"invitationId\":\"" + invitation + "\"}");
    assertThat(cancel.statusCode()).isEqualTo(202);
    JsonNode succeeded = scenario.callback(id, "CancelAddParticipantSucceeded");
    assertThat(succeeded.path("data").path("invitationId").asString()).isEqualTo(invitation);

    scenario.action(
        id, "/participants:cancelAddParticipant", "{\"invitationId\":\"" + invitation + "\"}");
    scenario.callback(id, "CancelAddParticipantFailed");
  }

  @Test
  void invitationTimeoutOutOfRange_andAgentsWithoutAssignment_areRefused() throws Exception {
    String id = scenario.answeredCall("", "");
    HttpResponse<String> tooLong =
        scenario.action(id, "/participants:add", add(ALICE, ",\"invitationTimeoutInSeconds\":181"));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(AcsAuthenticationTest.error(tooLong).path("target").asString())
        .isEqualTo("invitationTimeoutInSeconds");

    scenario.client.send(
        "DELETE",
        "/access/teamsExtension/tenants/"
            + TENANT
            + "/assignments/"
            + BOB
            + "?api-version=2025-06-30",
        "");
    HttpResponse<String> unassigned = scenario.action(id, "/participants:add", add(BOB, ""));
    assertThat(unassigned.statusCode()).isEqualTo(403);
    assertThat(
            scenario
                .client
                .send(
                    "GET",
                    "/access/teamsExtension/tenants/"
                        + TENANT
                        + "/assignments/"
                        + BOB
                        + "?api-version=2025-06-30",
                    "")
                .statusCode())
        .isEqualTo(404);
    assertThat(assign(BOB).statusCode()).isEqualTo(201);
  }

  @Test
  void transferToAlice_isAcceptedOnceSheAnswers_andTheApplicationsLegEnds() throws Exception {
    String id = scenario.answeredCall("", "");
    HttpResponse<String> transfer =
        scenario.action(
            id,
            ":transferToParticipant",
            "{\"targetParticipant\":" + agent(ALICE) + ",\"operationContext\":\"to-alice\"}");
    assertThat(transfer.statusCode()).isEqualTo(202);
    assertThat(Json.parse(transfer.body()).path("operationContext").asString())
        .isEqualTo("to-alice");
    assertThat(
            Json.parse(scenario.client.get("/calling/callConnections/" + id).body())
                .path("callConnectionState")
                .asString())
        .isEqualTo("transferring");
    scenario.advance(Duration.ofSeconds(3));

    JsonNode accepted = scenario.callback(id, "CallTransferAccepted");
    assertThat(
            accepted
                .path("data")
                .path("transferTarget")
                .path("teamsExtensionUser")
                .path("userId")
                .asString())
        .isEqualTo(ALICE);
    assertThat(accepted.path("data").path("transferee").path("rawId").asString())
        .isEqualTo("4:" + AcsScenario.CALLER);
    scenario.callback(id, "CallDisconnected");
    assertThat(scenario.client.get("/calling/callConnections/" + id).statusCode()).isEqualTo(404);
  }

  @Test
  void transferToBob_whoDeclines_isCallTransferFailed_andTheCallStaysConnected() throws Exception {
    String id = scenario.answeredCall("", "");
    scenario.action(id, ":transferToParticipant", "{\"targetParticipant\":" + agent(BOB) + "}");
    scenario.advance(Duration.ofSeconds(2));

    scenario.callback(id, "CallTransferFailed");
    assertThat(
            Json.parse(scenario.client.get("/calling/callConnections/" + id).body())
                .path("callConnectionState")
                .asString())
        .isEqualTo("connected");
  }

  @Test
  void createCall_asTheResourceAccount_toAPhoneNumberNeedsACallerId() throws Exception {
    String target = "{\"kind\":\"phoneNumber\",\"phoneNumber\":{\"value\":\"+14255559999\"}}";
    String source =
        "{\"kind\":\"microsoftTeamsApp\",\"microsoftTeamsApp\":{\"appId\":\""
            + AcsScenario.SALES_ACCOUNT
            + "\"}}";
    HttpResponse<String> noCallerId =
        scenario.client.post(
            "/calling/callConnections",
            "{\"targets\":["
                + target
                + "],\"callbackUri\":\""
                + scenario.app.url("/cb")
                + "\",\"teamsAppSource\":"
                + source
                + "}");
    assertThat(noCallerId.statusCode()).isEqualTo(400);
    assertThat(AcsAuthenticationTest.error(noCallerId).path("target").asString())
        .isEqualTo("sourceCallerIdNumber");

    HttpResponse<String> created =
        scenario.client.post(
            "/calling/callConnections",
            "{\"targets\":["
                + target
                + "],\"callbackUri\":\""
                + scenario.app.url("/cb")
                + "\",\"teamsAppSource\":"
                + source
                + ",\"sourceCallerIdNumber\":{\"value\":\""
                + AcsScenario.SALES_NUMBER
                + "\"}}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode properties = Json.parse(created.body());
    assertThat(properties.path("source").path("rawId").asString())
        .isEqualTo("28:orgid:" + AcsScenario.SALES_ACCOUNT);
    String id = properties.path("callConnectionId").asString();
    scenario.advance(Duration.ofSeconds(2));
    scenario.callback(id, "CallConnected");
  }
}
