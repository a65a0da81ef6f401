package io.tandem.emulator.acs;

import static io.tandem.emulator.acs.AcsScenario.WAIT;
import static io.tandem.emulator.acs.AcsScenario.caller;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.RecordingWebhook;
import io.tandem.emulator.http.Json;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Connect ({@code :connect}): a second application connection to a call that was answered, found by
 * the serverCallId the IncomingCall carried; it hears the caller and the roster and ends with the
 * call; unknown locators get ConnectFailed, malformed ones 400.
 */
class ConnectTest {

  private AcsScenario scenario;
  private RecordingWebhook second;

  @BeforeEach
  void start() throws Exception {
    scenario = new AcsScenario();
    second = new RecordingWebhook();
  }

  @AfterEach
  void stop() {
    second.close();
    scenario.close();
  }

  /**
   * Dials, answers on the scenario's app, takes CallConnected and the first roster; returns
   * {callConnectionId, serverCallId}.
   */
  private String[] answered(String script) throws Exception {
    scenario.dial(script);
    JsonNode incoming = scenario.incomingCall().path("data");
    HttpResponse<String> answered =
        scenario.client.post(
            "/calling/callConnections:answer",
            "{\"incomingCallContext\":\""
                + incoming.path("incomingCallContext").asString()
                + "\",\"callbackUri\":\""
                + scenario.app.url("/callbacks")
                + "\"}");
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
    scenario.callback("CallConnected");
    scenario.callback("ParticipantsUpdated");
    return new String[] {
      Json.parse(answered.body()).path("callConnectionId").asString(),
      incoming.path("serverCallId").asString()
    };
  }

  private HttpResponse<String> connect(String locator) throws Exception {
    return scenario.client.post(
        "/calling/callConnections:connect",
        "{\"callLocator\":"
            + locator
            + ",\"callbackUri\":\""
            + second.url("/joined")
            + "\",\"operationContext\":\"rejoin\"}");
  }

  private static String serverCall(String serverCallId) {
    return "{\"kind\":\"serverCallLocator\",\"serverCallId\":\"" + serverCallId + "\"}";
  }

  /** The next event of {@code type} the second application receives (skipping others). */
  private JsonNode secondGets(String type) throws InterruptedException {
    return Json.parse(
            second
                .next(
                    request ->
                        Json.parse(request.body())
                            .get(0)
                            .path("type")
                            .asString()
                            .equals("Microsoft.Communication." + type),
                    WAIT)
                .body())
        .get(0);
  }

  @Test
  void connectByTheIncomingCallsServerCallId_is200Connecting_thenCallConnectedAndTheRoster()
      throws Exception {
    String[] call = answered("");
    String request =
        Files.readString(resource("connect-request.json"))
            .replace("{serverCallId}", call[1])
            .replace("{callbackUri}", second.url("/joined"));

    HttpResponse<String> connected =
        scenario.client.post("/calling/callConnections:connect", request);

    assertThat(connected.statusCode()).as(connected.body()).isEqualTo(200);
    JsonNode properties = Json.parse(connected.body());
    JsonNode example = Json.parse(Files.readString(resource("connect-response-example.json")));
    List<String> shape = new ArrayList<>(names(example));
    shape.remove("answeredFor");
    shape.add("correlationId");
    assertThat(names(properties)).containsExactlyInAnyOrderElementsOf(shape);
    for (String subscription : List.of("mediaStreamingSubscription", "transcriptionSubscription")) {
      assertThat(names(properties.path(subscription)))
          .containsAll(names(example.path(subscription)));
      assertThat(properties.path(subscription).path("state").asString()).isEqualTo("active");
    }
    String joined = properties.path("callConnectionId").asString();
    assertThat(joined).isNotEqualTo(call[0]);
    assertThat(properties.path("serverCallId").asString()).isEqualTo(call[1]);
    assertThat(properties.path("callConnectionState").asString()).isEqualTo("connecting");
    assertThat(properties.path("targets")).isEqualTo(example.path("targets"));
    assertThat(properties.path("callbackUri").asString()).isEqualTo(second.url("/joined"));

    JsonNode callConnected = secondGets("CallConnected");
    assertThat(callConnected.path("data").path("callConnectionId").asString()).isEqualTo(joined);
    assertThat(callConnected.path("data").path("serverCallId").asString()).isEqualTo(call[1]);
    assertThat(callConnected.path("data").path("operationContext").asString()).isEqualTo("rejoin");
    JsonNode roster = secondGets("ParticipantsUpdated");
    assertThat(roster.path("data").path("sequenceNumber").asInt()).isEqualTo(1);
    assertThat(roster.path("data").path("participants").get(0).path("identifier").path("rawId"))
        .hasToString("\"4:" + AcsScenario.CALLER + "\"");

    JsonNode got = Json.parse(scenario.client.get("/calling/callConnections/" + joined).body());
    assertThat(got.path("callConnectionState").asString()).isEqualTo("connected");
    assertThat(got.path("correlationId").asString())
        .isEqualTo(
            Json.parse(scenario.client.get("/calling/callConnections/" + call[0]).body())
                .path("correlationId")
                .asString());
    assertThat(
            Json.parse(
                    scenario
                        .client
                        .get("/calling/callConnections/" + joined + "/participants")
                        .body())
                .path("value"))
        .hasSize(1);
  }

  @Test
  void theJoinedConnection_hearsTheCallersDigits() throws Exception {
    String[] call = answered("\"digits\":[{\"after\":\"PT2S\",\"digits\":\"42\"}]");
    String joined =
        Json.parse(connect(serverCall(call[1])).body()).path("callConnectionId").asString();
    secondGets("CallConnected");

    HttpResponse<String> recognize =
        scenario.action(
            joined,
            ":recognize",
            "{\"recognizeInputType\":\"dtmf\",\"recognizeOptions\":{\"targetParticipant\":"
                + caller()
                + ",\"initialSilenceTimeoutInSeconds\":5,\"dtmfOptions\":{\"maxTonesToCollect\":2}}}");
    assertThat(recognize.statusCode()).as(recognize.body()).isEqualTo(202);
    scenario.advance(Duration.ofSeconds(3));

    JsonNode completed = secondGets("RecognizeCompleted");
    assertThat(completed.path("data").path("callConnectionId").asString()).isEqualTo(joined);
    List<String> tones = new ArrayList<>();
    completed.path("data").path("dtmfResult").path("tones").forEach(t -> tones.add(t.asString()));
    assertThat(tones).containsExactly("four", "two");
  }

  @Test
  void rosterChanges_reachEveryConnection_eachWithItsOwnSequence() throws Exception {
    String[] call = answered("");
    String joined =
        Json.parse(connect(serverCall(call[1])).body()).path("callConnectionId").asString();
    secondGets("ParticipantsUpdated");

    HttpResponse<String> added =
        scenario.action(
            joined,
            "/participants:add",
            "{\"participantToAdd\":{\"kind\":\"phoneNumber\",\"phoneNumber\":{\"value\":\"+14255559999\"}},"
                + "\"sourceCallerIdNumber\":{\"value\":\""
                + AcsScenario.SALES_NUMBER
                + "\"}}");
    assertThat(added.statusCode()).as(added.body()).isEqualTo(202);
    scenario.advance(Ringer.EXTERNAL_ANSWER_AFTER);

    assertThat(
            secondGets("AddParticipantSucceeded").path("data").path("callConnectionId").asString())
        .isEqualTo(joined);
    JsonNode toJoined = secondGets("ParticipantsUpdated");
    assertThat(toJoined.path("data").path("sequenceNumber").asInt()).isEqualTo(2);
    assertThat(toJoined.path("data").path("participants")).hasSize(2);
    JsonNode toRoot = scenario.callback(call[0], "ParticipantsUpdated");
    assertThat(toRoot.path("data").path("sequenceNumber").asInt()).isEqualTo(2);
    assertThat(toRoot.path("data").path("participants")).hasSize(2);
  }

  @Test
  void hangingUpTheJoinedConnection_leavesTheCallRunning() throws Exception {
    String[] call = answered("");
    String joined =
        Json.parse(connect(serverCall(call[1])).body()).path("callConnectionId").asString();
    secondGets("CallConnected");

    assertThat(scenario.client.delete("/calling/callConnections/" + joined).statusCode())
        .isEqualTo(204);

    assertThat(secondGets("CallDisconnected").path("data").path("callConnectionId").asString())
        .isEqualTo(joined);
    assertThat(scenario.client.get("/calling/callConnections/" + joined).statusCode())
        .isEqualTo(404);
    JsonNode root = Json.parse(scenario.client.get("/calling/callConnections/" + call[0]).body());
    assertThat(root.path("callConnectionState").asString()).isEqualTo("connected");
  }

  @Test
  void terminateOnTheJoinedConnection_endsTheCallForBoth() throws Exception {
    String[] call = answered("");
    String joined =
        Json.parse(connect(serverCall(call[1])).body()).path("callConnectionId").asString();
    secondGets("CallConnected");

    assertThat(scenario.action(joined, ":terminate", "").statusCode()).isEqualTo(204);

    secondGets("CallDisconnected");
    assertThat(scenario.callback(call[0], "CallDisconnected")).isNotNull();
    assertThat(scenario.client.get("/calling/callConnections/" + call[0]).statusCode())
        .isEqualTo(404);
  }

  @Test
  void whenTheCallEnds_theJoinedConnectionIsDisconnectedToo() throws Exception {
    String[] call = answered("");
    String joined =
        Json.parse(connect(serverCall(call[1])).body()).path("callConnectionId").asString();
    secondGets("CallConnected");

    assertThat(scenario.client.delete("/calling/callConnections/" + call[0]).statusCode())
        .isEqualTo(204);

    assertThat(secondGets("CallDisconnected").path("data").path("callConnectionId").asString())
        .isEqualTo(joined);
    assertThat(scenario.client.get("/calling/callConnections/" + joined).statusCode())
        .isEqualTo(404);
  }

  @Test
  void unknownServerCallId_isConnectFailed404_afterThe200_andTheConnectionIsForgotten()
      throws Exception {
    HttpResponse<String> reply = connect(serverCall("bm8tc3VjaC1jYWxs"));

    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
    String id = Json.parse(reply.body()).path("callConnectionId").asString();
    JsonNode failed = secondGets("ConnectFailed");
    assertThat(failed.path("data").path("callConnectionId").asString()).isEqualTo(id);
    assertThat(failed.path("data").path("serverCallId").asString()).isEqualTo("bm8tc3VjaC1jYWxs");
    assertThat(failed.path("data").path("operationContext").asString()).isEqualTo("rejoin");
    assertThat(failed.path("data").path("resultInformation").path("code").asInt()).isEqualTo(404);
    assertThat(failed.path("data").path("resultInformation").path("subCode").asInt())
        .isEqualTo(8522);
    assertThat(scenario.client.get("/calling/callConnections/" + id).statusCode()).isEqualTo(404);
  }

  @Test
  void aCallStillRinging_andGroupOrRoomLocators_areConnectFailed() throws Exception {
    scenario.dial("");
    String ringing = scenario.incomingCall().path("data").path("serverCallId").asString();

    assertThat(connect(serverCall(ringing)).statusCode()).isEqualTo(200);
    assertThat(secondGets("ConnectFailed").path("data").path("serverCallId").asString())
        .isEqualTo(ringing);
    assertThat(
            connect(
                    "{\"kind\":\"groupCallLocator\",\"groupCallId\":\""
                        + java.util.UUID.randomUUID()
                        + "\"}")
                .statusCode())
        .isEqualTo(200);
    secondGets("ConnectFailed");
    assertThat(
            connect("{\"kind\":\"roomCallLocator\",\"roomId\":\"99434917639286209\"}").statusCode())
        .isEqualTo(200);
    secondGets("ConnectFailed");
  }

  @Test
  void malformedRequests_areRefusedWith400NamingTheField() throws Exception {
    assertBadRequest(
        scenario.client.post(
            "/calling/callConnections:connect",
            "{\"callbackUri\":\"" + second.url("/joined") + "\"}"),
        "callLocator");
    assertBadRequest(connect("{\"serverCallId\":\"abc\"}"), "callLocator.kind");
    assertBadRequest(
        connect("{\"kind\":\"meetingLocator\",\"serverCallId\":\"abc\"}"), "callLocator.kind");
    assertBadRequest(
        connect("{\"kind\":\"serverCallLocator\",\"groupCallId\":\"abc\"}"),
        "callLocator.serverCallId");
    assertBadRequest(connect("{\"kind\":\"roomCallLocator\"}"), "callLocator.roomId");
    assertBadRequest(
        scenario.client.post(
            "/calling/callConnections:connect", "{\"callLocator\":" + serverCall("abc") + "}"),
        "callbackUri");
    assertBadRequest(
        scenario.client.post("/calling/callConnections:connect", "{\"callLocator\":"), null);
    HttpResponse<String> unsigned =
        scenario.client.raw(
            "POST",
            "/calling/callConnections:connect?" + AcsClient.VERSION,
            "{}",
            "Content-Type",
            "application/json");
    assertThat(unsigned.statusCode()).isEqualTo(401);
    assertThat(Json.parse(unsigned.body()).path("error").path("code").asString()).isEqualTo("7509");
  }

  private static void assertBadRequest(HttpResponse<String> reply, String target) {
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(400);
    JsonNode error = Json.parse(reply.body()).path("error");
    assertThat(error.path("code").asString()).isEqualTo("BadRequest");
    if (target != null) {
      assertThat(error.path("target").asString()).isEqualTo(target);
    }
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.propertyNames().forEach(names::add);
    return names;
  }

  private static Path resource(String name) throws Exception {
    return Path.of(ConnectTest.class.getResource("/acs/" + name).toURI());
  }
}
