package io.tandem.emulator.acs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.http.Json;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Recording start/pause/resume/stop with RecordingStateChanged; repeatable requests. */
class RecordingAndRepeatabilityTest {

  private static AcsScenario scenario;

  @BeforeAll
  static void start() throws Exception {
    scenario = new AcsScenario();
  }

  @AfterAll
  static void stop() {
    scenario.close();
  }

  @Test
  void recordingByCallConnectionId_reportsEveryStateChange_toTheStateCallback() throws Exception {
    String id = scenario.answeredCall("", "");
    String stateCallback = scenario.app.url("/recording-state");

    HttpResponse<String> started =
        scenario.client.post(
            "/calling/recordings",
            "{\"callConnectionId\":\""
                + id
                + "\",\"recordingStateCallbackUri\":\""
                + stateCallback
                + "\",\"recordingContentType\":\"audio\",\"recordingChannelType\":\"unmixed\",\"recordingFormatType\":\"wav\"}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String recordingId = Json.parse(started.body()).path("recordingId").asString();
    assertThat(Json.parse(started.body()).path("recordingKind").asString())
        .isEqualTo("AzureCommunicationServices");
    assertThat(state(id)).isEqualTo("active");
    String path =
        "/calling/recordings/"
            + java.net.URLEncoder.encode(recordingId, java.nio.charset.StandardCharsets.UTF_8);

    assertThat(scenario.client.post(path + ":pause", "").statusCode()).isEqualTo(202);
    assertThat(state(id)).isEqualTo("inactive");
    assertThat(Json.parse(scenario.client.get(path).body()).path("recordingState").asString())
        .isEqualTo("inactive");
    assertThat(scenario.client.post(path + ":resume", "").statusCode()).isEqualTo(202);
    assertThat(state(id)).isEqualTo("active");
    assertThat(scenario.client.delete(path).statusCode()).isEqualTo(204);
    assertThat(state(id)).isEqualTo("inactive");
    assertThat(scenario.client.get(path).statusCode()).isEqualTo(404);
  }

  @Test
  void recordingWithoutCall_is400_andForAnUnknownCall404() throws Exception {
    HttpResponse<String> noCall =
        scenario.client.post("/calling/recordings", "{\"recordingContentType\":\"audio\"}");
    HttpResponse<String> unknown =
        scenario.client.post("/calling/recordings", "{\"callConnectionId\":\"nope\"}");
    assertThat(noCall.statusCode()).isEqualTo(400);
    assertThat(unknown.statusCode()).isEqualTo(404);
  }

  @Test
  void repeatedRequestId_withTheSameBody_returnsTheFirstResultWithoutASecondSideEffect()
      throws Exception {
    String id = scenario.answeredCall("", "");
    String requestId = UUID.randomUUID().toString();
    String firstSent = HmacSignature.date(scenario.fixture.clock.now());
    String body = "{\"participantToAdd\":" + ParticipantsTest.agent(AcsScenario.CAROL) + "}";
    scenario.client.send(
        "PUT",
        "/access/teamsExtension/tenants/"
            + io.tandem.emulator.EmulatorFixture.TENANT
            + "/assignments/"
            + AcsScenario.CAROL
            + "?api-version=2025-06-30",
        "{\"principalType\":\"user\",\"clientIds\":[\"x\"]}");

    HttpResponse<String> first =
        scenario.client.post(
            "/calling/callConnections/" + id + "/participants:add",
            body,
            "Repeatability-Request-ID",
            requestId,
            "Repeatability-First-Sent",
            firstSent);
    HttpResponse<String> again =
        scenario.client.post(
            "/calling/callConnections/" + id + "/participants:add",
            body,
            "Repeatability-Request-ID",
            requestId,
            "Repeatability-First-Sent",
            firstSent);
    HttpResponse<String> otherBody =
        scenario.client.post(
            "/calling/callConnections/" + id + "/participants:add",
            "{\"participantToAdd\":" + ParticipantsTest.agent(AcsScenario.ALICE) + "}",
            "Repeatability-Request-ID",
            requestId,
            "Repeatability-First-Sent",
            firstSent);
    HttpResponse<String> badId =
        scenario.client.post(
            "/calling/callConnections/" + id + "/participants:add",
            body,
            "Repeatability-Request-ID",
            "not-a-uuid",
            "Repeatability-First-Sent",
            firstSent);

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(first.headers().firstValue("Repeatability-Result")).contains("accepted");
    assertThat(again.statusCode()).isEqualTo(202);
    assertThat(again.body()).isEqualTo(first.body());
    long invitations =
        scenario
            .fixture
            .emulator
            .journal()
            .after(0, e -> e.kind().equals("participant.inviting") && id.equals(e.callId()), 10)
            .size();
    assertThat(invitations).isEqualTo(1);
    assertThat(otherBody.statusCode()).isEqualTo(409);
    assertThat(badId.statusCode()).isEqualTo(400);
  }

  private static String state(String id) throws InterruptedException {
    JsonNode event = scenario.callback(id, "RecordingStateChanged");
    assertThat(event.path("data").path("recordingId").asString()).isNotBlank();
    return event.path("data").path("state").asString();
  }
}
