package io.tandem.emulator.acs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.http.Json;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The control API's recording fault: the next {@code POST /calling/recordings} fails with the
 * StartRecordingFailed callback (data as the Call Automation SDKs document it), once.
 */
class RecordingStartFailedTest {

  private static final String FAULT = "/emulator/acs/recordings/startFailure";
  private static AcsScenario scenario;

  @BeforeAll
  static void start() throws Exception {
    scenario = new AcsScenario();
  }

  @AfterAll
  static void stop() {
    scenario.close();
  }

  @AfterEach
  void disarm() throws Exception {
    scenario.fixture.send("DELETE", FAULT, "application/json", "");
  }

  @Test
  void armedFault_nextStartAnswersInactive_andStartRecordingFailedArrives_thenTheNextStartWorks()
      throws Exception {
    String id = scenario.answeredCall("", "");
    HttpResponse<String> armed =
        scenario.fixture.send(
            "PUT", FAULT, "application/json", "{\"subCode\":8583,\"message\":\"Storage down.\"}");
    assertThat(armed.statusCode()).as(armed.body()).isEqualTo(200);
    assertThat(
            Json.parse(armed.body()).path("armed").path("resultInformation").path("code").asInt())
        .isEqualTo(500);

    HttpResponse<String> started = startRecording(id);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    JsonNode reply = Json.parse(started.body());
    String recordingId = reply.path("recordingId").asString();
    assertThat(reply.path("recordingState").asString()).isEqualTo("inactive");

    JsonNode failed = scenario.callback(id, "StartRecordingFailed");
    JsonNode data = failed.path("data");
    assertThat(failed.path("type").asString())
        .isEqualTo("Microsoft.Communication.StartRecordingFailed");
    assertThat(data.path("recordingId").asString()).isEqualTo(recordingId);
    assertThat(data.path("callConnectionId").asString()).isEqualTo(id);
    assertThat(data.path("serverCallId").asString()).isNotBlank();
    assertThat(data.path("correlationId").asString()).isNotBlank();
    assertThat(data.path("resultInformation").path("code").asInt()).isEqualTo(500);
    assertThat(data.path("resultInformation").path("subCode").asInt()).isEqualTo(8583);
    assertThat(data.path("resultInformation").path("message").asString())
        .isEqualTo("Storage down.");
    assertThat(recording(recordingId).statusCode()).as("no recording exists").isEqualTo(404);
    assertThat(
            Json.parse(scenario.fixture.send("GET", FAULT, "application/json", "").body())
                .path("armed")
                .isNull())
        .as("the fault is used up")
        .isTrue();

    HttpResponse<String> again = startRecording(id);
    assertThat(again.statusCode()).isEqualTo(200);
    JsonNode active = scenario.callback(id, "RecordingStateChanged");
    assertThat(active.path("data").path("state").asString()).isEqualTo("active");
  }

  @Test
  void faultForAnotherCall_leavesThisCallsStartAlone_untilDisarmed() throws Exception {
    String id = scenario.answeredCall("", "");
    HttpResponse<String> armed =
        scenario.fixture.send(
            "PUT",
            FAULT,
            "application/json",
            "{\"callConnectionId\":\"some-other-call\",\"code\":503,\"subCode\":1}");
    assertThat(armed.statusCode()).as(armed.body()).isEqualTo(200);

    assertThat(startRecording(id).statusCode()).isEqualTo(200);
    assertThat(scenario.callback(id, "RecordingStateChanged").path("data").path("state").asString())
        .isEqualTo("active");
    JsonNode shown =
        Json.parse(scenario.fixture.send("GET", FAULT, "application/json", "").body())
            .path("armed");
    assertThat(shown.path("callConnectionId").asString()).isEqualTo("some-other-call");
    assertThat(shown.path("resultInformation").path("code").asInt()).isEqualTo(503);

    assertThat(scenario.fixture.send("DELETE", FAULT, "application/json", "").statusCode())
        .isEqualTo(204);
    assertThat(
            Json.parse(scenario.fixture.send("GET", FAULT, "application/json", "").body())
                .path("armed")
                .isNull())
        .isTrue();
    assertThat(
            scenario
                .fixture
                .emulator
                .journal()
                .after(
                    0, e -> e.kind().equals("recording.startFailed") && id.equals(e.callId()), 5))
        .isEmpty();
  }

  @Test
  void malformedFaults_are400_andArmNothing() throws Exception {
    for (String body :
        new String[] {
          "{\"cod\":500}",
          "{\"code\":\"500\"}",
          "{\"code\":200}",
          "{\"subCode\":-1}",
          "{\"message\":\"\"}",
          "{\"callConnectionId\":7}",
          "[1]",
          "not json"
        }) {
      HttpResponse<String> refused = scenario.fixture.send("PUT", FAULT, "application/json", body);
      assertThat(refused.statusCode()).as(body).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
    assertThat(
            Json.parse(scenario.fixture.send("GET", FAULT, "application/json", "").body())
                .path("armed")
                .isNull())
        .isTrue();
  }

  private static HttpResponse<String> startRecording(String id) throws Exception {
    return scenario.client.post(
        "/calling/recordings",
        "{\"callConnectionId\":\""
            + id
            + "\",\"recordingContentType\":\"audio\",\"recordingChannelType\":\"mixed\","
            + "\"recordingFormatType\":\"wav\"}");
  }

  private static HttpResponse<String> recording(String recordingId) throws Exception {
    return scenario.client.get(
        "/calling/recordings/"
            + java.net.URLEncoder.encode(recordingId, java.nio.charset.StandardCharsets.UTF_8));
  }
}
