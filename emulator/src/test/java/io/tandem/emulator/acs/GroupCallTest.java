package io.tandem.emulator.acs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.http.Json;
import io.tandem.emulator.journal.JournalEntry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * CreateCall with several targets (a group call), in raw JSON over the HMAC-signed API: every
 * target rings, the call connects at the first answer, later answers join (ParticipantsUpdated),
 * and it fails only when every target failed.
 */
class GroupCallTest {

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
  void everyTargetRings_firstAnswerConnects_laterAnswerJoins_aDeclineIsLeftOut() throws Exception {
    script("+15550002001", "{\"answerAfter\":\"PT1S\",\"response\":\"ANSWER\"}");
    script("+15550002002", "{\"answerAfter\":\"PT3S\",\"response\":\"ANSWER\"}");
    script("+15550002003", "{\"answerAfter\":\"PT2S\",\"response\":\"DECLINE\"}");
    String id = create("+15550002001", "+15550002002", "+15550002003");

    assertThat(journal("call.ringingTarget", id))
        .extracting(e -> e.attributes().get("target"))
        .containsExactly("4:+15550002001", "4:+15550002002", "4:+15550002003");
    assertThat(state(id)).isEqualTo("connecting");

    scenario.advance(Duration.ofSeconds(1));
    JsonNode connected = scenario.callback(id, "CallConnected");
    assertThat(connected.path("data").path("operationContext").asString()).isEqualTo("group");
    assertThat(participants(scenario.callback(id, "ParticipantsUpdated")))
        .containsExactly("4:+15550002001");
    assertThat(state(id)).isEqualTo("connected");

    scenario.advance(Duration.ofSeconds(1));
    awaitJournal("call.targetFailed", id);
    assertThat(journal("call.targetFailed", id).get(0).attributes())
        .containsEntry("target", "4:+15550002003")
        .containsEntry("code", "603");

    scenario.advance(Duration.ofSeconds(1));
    JsonNode joined = scenario.callback(id, "ParticipantsUpdated");
    assertThat(participants(joined)).containsExactly("4:+15550002001", "4:+15550002002");
    assertThat(joined.path("data").path("sequenceNumber").asInt()).isEqualTo(2);

    JsonNode listed =
        Json.parse(scenario.client.get("/calling/callConnections/" + id + "/participants").body());
    List<String> raw = new ArrayList<>();
    listed.path("value").forEach(p -> raw.add(p.path("identifier").path("rawId").asString()));
    assertThat(raw).containsExactly("4:+15550002001", "4:+15550002002");
    assertThat(
            scenario.app.all().stream()
                .filter(r -> r.body().contains("CreateCallFailed") && r.body().contains(id)))
        .isEmpty();
    assertThat(scenario.action(id, ":terminate", "").statusCode()).isEqualTo(204);
  }

  @Test
  void everyTargetFails_oneCreateCallFailed_withTheLastTargetsReason() throws Exception {
    script("+15550002011", "{\"answerAfter\":\"PT1S\",\"response\":\"DECLINE\"}");
    script("+15550002012", "{\"answerAfter\":\"PT2S\",\"response\":\"BUSY\"}");
    String id = create("+15550002011", "+15550002012");

    scenario.advance(Duration.ofSeconds(1));
    awaitJournal("call.targetFailed", id);
    assertThat(state(id)).as("one target still rings").isEqualTo("connecting");

    scenario.advance(Duration.ofSeconds(1));
    JsonNode failed = scenario.callback(id, "CreateCallFailed");
    assertThat(failed.path("data").path("resultInformation").path("code").asInt()).isEqualTo(486);
    assertThat(failed.path("data").path("operationContext").asString()).isEqualTo("group");
    assertThat(scenario.client.get("/calling/callConnections/" + id).statusCode()).isEqualTo(404);
    assertThat(
            scenario.app.all().stream()
                .filter(r -> r.body().contains("CreateCallFailed") && r.body().contains(id))
                .count())
        .isEqualTo(1);
  }

  @Test
  void theOnlyAnswererHangsUp_callEnds_andTheTargetStillRingingStops() throws Exception {
    script(
        "+15550002021",
        "{\"answerAfter\":\"PT1S\",\"response\":\"ANSWER\",\"hangUpAfter\":\"PT2S\"}");
    script("+15550002022", "{\"response\":\"NO_ANSWER\"}");
    String id = create("+15550002021", "+15550002022");
    scenario.advance(Duration.ofSeconds(1));
    scenario.callback(id, "CallConnected");
    scenario.advance(Duration.ofSeconds(2));
    scenario.callback(id, "CallDisconnected");
    scenario.advance(Duration.ofSeconds(60));
    assertThat(journal("call.targetFailed", id)).as("the ringing target was cancelled").isEmpty();
  }

  @Test
  void aGroupWithoutCallerIdForPhones_orWithAMalformedTarget_is400() throws Exception {
    HttpResponse<String> missingCallerId =
        scenario.client.post(
            "/calling/callConnections",
            "{\"targets\":["
                + phone("+15550002031")
                + ","
                + phone("+15550002032")
                + "],\"callbackUri\":\""
                + scenario.app.url("/cb")
                + "\"}");
    assertThat(missingCallerId.statusCode()).isEqualTo(400);
    HttpResponse<String> badTarget =
        scenario.client.post(
            "/calling/callConnections",
            "{\"targets\":["
                + phone("+15550002031")
                + ",{\"kind\":\"phoneNumber\"}],\"callbackUri\":\""
                + scenario.app.url("/cb")
                + "\",\"sourceCallerIdNumber\":{\"value\":\"+14255550100\"}}");
    assertThat(badTarget.statusCode()).isEqualTo(400);
  }

  private static String create(String... numbers) throws Exception {
    List<String> targets = new ArrayList<>();
    for (String number : numbers) {
      targets.add(phone(number));
    }
    HttpResponse<String> created =
        scenario.client.post(
            "/calling/callConnections",
            "{\"targets\":["
                + String.join(",", targets)
                + "],\"callbackUri\":\""
                + scenario.app.url("/callbacks")
                + "\",\"sourceCallerIdNumber\":{\"value\":\"+14255550100\"},"
                + "\"operationContext\":\"group\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode properties = Json.parse(created.body());
    assertThat(properties.path("targets").size()).isEqualTo(numbers.length);
    return properties.path("callConnectionId").asString();
  }

  private static void script(String number, String behaviour) throws Exception {
    assertThat(
            scenario
                .client
                .send("PUT", "/emulator/acs/phones/" + number.replace("+", "%2B"), behaviour)
                .statusCode())
        .isEqualTo(200);
  }

  private static String phone(String number) {
    return "{\"kind\":\"phoneNumber\",\"phoneNumber\":{\"value\":\"" + number + "\"}}";
  }

  private static String state(String id) throws Exception {
    return Json.parse(scenario.client.get("/calling/callConnections/" + id).body())
        .path("callConnectionState")
        .asString();
  }

  private static List<String> participants(JsonNode event) {
    List<String> raw = new ArrayList<>();
    event
        .path("data")
        .path("participants")
        .forEach(p -> raw.add(p.path("identifier").path("rawId").asString()));
    return raw;
  }

  private static List<JournalEntry> journal(String kind, String callId) {
    return scenario
        .fixture
        .emulator
        .journal()
        .after(0, e -> e.kind().equals(kind) && callId.equals(e.callId()), 100);
  }

  private static void awaitJournal(String kind, String callId) throws InterruptedException {
    for (int i = 0; i < 250 && journal(kind, callId).isEmpty(); i++) {
      Thread.sleep(20);
    }
    assertThat(journal(kind, callId)).as(kind).isNotEmpty();
  }
}
