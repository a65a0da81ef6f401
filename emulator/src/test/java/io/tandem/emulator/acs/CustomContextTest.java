package io.tandem.emulator.acs;

import static io.tandem.emulator.acs.AcsScenario.CALLER;
import static io.tandem.emulator.acs.AcsScenario.SALES_ACCOUNT;
import static io.tandem.emulator.acs.AcsScenario.SALES_NUMBER;
import static io.tandem.emulator.acs.AcsScenario.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.RecordingWebhook;
import io.tandem.emulator.http.Json;
import io.tandem.emulator.journal.JournalEntry;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Custom calling context: scripted SIP headers and UUI on the next IncomingCall to a number, and
 * {@code customCallingContext} of transfer and add participant carried to the IncomingCall of a
 * target application (a resource account linked to ACS), with the documented limits as rejects.
 */
class CustomContextTest {

  private static final String CONTEXT_PATH = "/emulator/acs/numbers/%2B14255550200/customContext";
  private static final String CUSTOM =
      "\"customCallingContext\":{\"sipHeaders\":{\"User-To-User\":\"abc;encoding=hex\","
          + "\"X-MS-Custom-Queue\":\"billing\"},\"voipHeaders\":{\"ticket\":\"42\"}}";

  private AcsScenario scenario;
  private RecordingWebhook target;

  @BeforeEach
  void start() throws Exception {
    scenario = new AcsScenario();
    target = new RecordingWebhook();
  }

  @AfterEach
  void stop() {
    target.close();
    scenario.close();
  }

  @Test
  void scriptedSipHeaders_rideOnTheNextIncomingCall_inTheDocumentedShape_once() throws Exception {
    JsonNode example =
        Json.parse(Files.readString(resource("incoming-call-example.json")))
            .get(0)
            .path("data")
            .path("customContext");
    HttpResponse<String> set =
        scenario.fixture.send(
            "PUT",
            CONTEXT_PATH,
            "application/json",
            "{\"sipHeaders\":{\"User-To-User\":\"616d617a6f6e5f6368696;encoding=hex\","
                + "\"X-MS-Custom-myheader1\":\"35567842\"},"
                + "\"voipHeaders\":{\"customHeader\":\"customValue\"}}");
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    assertThat(Json.parse(scenario.fixture.get(CONTEXT_PATH).body()).path("customContext"))
        .isEqualTo(example);

    scenario.dial("");
    assertThat(scenario.incomingCall().path("data").path("customContext")).isEqualTo(example);

    scenario.dial("");
    JsonNode next = scenario.incomingCall().path("data").path("customContext");
    assertThat(next.path("sipHeaders").isEmpty()).isTrue();
    assertThat(next.path("voipHeaders").isEmpty()).isTrue();
    assertThat(Json.parse(scenario.fixture.get(CONTEXT_PATH).body()).path("customContext").isNull())
        .isTrue();
  }

  @Test
  void scriptedContextsThatBreakTheLimits_areRefusedAsProblems() throws Exception {
    assertProblem(
        scenario.fixture.send(
            "PUT", CONTEXT_PATH, "application/json", "{\"sipHeaders\":{\"X-Queue\":\"a\"}}"),
        "X-MS-Custom-");
    StringBuilder six = new StringBuilder("{\"sipHeaders\":{");
    for (int i = 0; i < 6; i++) {
      six.append(i == 0 ? "" : ",").append("\"X-MS-Custom-h").append(i).append("\":\"v\"");
    }
    assertProblem(
        scenario.fixture.send("PUT", CONTEXT_PATH, "application/json", six + "}}"), "At most 5");
    assertProblem(
        scenario.fixture.send(
            "PUT",
            CONTEXT_PATH,
            "application/json",
            "{\"sipHeaders\":{\"X-MS-Custom-long\":\"" + "v".repeat(257) + "\"}}"),
        "at most 256");
    assertProblem(
        scenario.fixture.send(
            "PUT",
            CONTEXT_PATH,
            "application/json",
            "{\"voipHeaders\":{\"" + "k".repeat(65) + "\":\"v\"}}"),
        "at most 64");
    assertProblem(
        scenario.fixture.send(
            "PUT", "/emulator/acs/numbers/555/customContext", "application/json", "{}"),
        "+E164");
    assertProblem(
        scenario.fixture.send("PUT", CONTEXT_PATH, "application/json", "[1]"), "JSON object");
    assertThat(scenario.fixture.send("DELETE", CONTEXT_PATH, "application/json", "").statusCode())
        .isEqualTo(204);
  }

  @Test
  void transferToAnAcsResourceAccount_carriesTheContextToItsIncomingCall_andIsAcceptedOnAnswer()
      throws Exception {
    String id = scenario.answeredCall("", "");

    HttpResponse<String> transfer =
        scenario.action(
            id,
            ":transferToParticipant",
            "{\"targetParticipant\":{\"kind\":\"phoneNumber\",\"phoneNumber\":{\"value\":\""
                + SALES_NUMBER
                + "\"}},\"operationContext\":\"to-billing\","
                + CUSTOM
                + "}");
    assertThat(transfer.statusCode()).as(transfer.body()).isEqualTo(202);

    JsonNode offered = scenario.incomingCall().path("data");
    assertThat(offered.path("customContext"))
        .isEqualTo(
            Json.parse(
                "{\"sipHeaders\":{\"userToUser\":\"abc;encoding=hex\",\"X-MS-Custom-Queue\":\"billing\"},"
                    + "\"voipHeaders\":{\"ticket\":\"42\"}}"));
    assertThat(offered.path("from").path("rawId").asString()).isEqualTo("4:" + CALLER);
    assertThat(offered.path("to").path("rawId").asString()).isEqualTo("28:orgid:" + SALES_ACCOUNT);
    JournalEntry transferring = journal(id, "call.transferring");
    assertThat(transferring.attributes().get("customContext")).contains("X-MS-Custom-Queue");

    answerOn(target, offered);
    JsonNode accepted = scenario.callback(id, "CallTransferAccepted");
    assertThat(accepted.path("data").path("operationContext").asString()).isEqualTo("to-billing");
    assertThat(accepted.path("data").path("transferTarget").path("rawId").asString())
        .isEqualTo("4:" + SALES_NUMBER);
    scenario.callback(id, "CallDisconnected");
    JsonNode roster = nextOn(target, "ParticipantsUpdated");
    assertThat(roster.path("data").path("participants").get(0).path("identifier").path("rawId"))
        .hasToString("\"4:" + CALLER + "\"");
  }

  @Test
  void aTargetApplicationThatRejectsBusy_orNeverAnswers_failsTheTransfer() throws Exception {
    String busy = scenario.answeredCall("", "");
    scenario.action(busy, ":transferToParticipant", transferToSales());
    String context = scenario.incomingCall().path("data").path("incomingCallContext").asString();
    assertThat(
            scenario
                .client
                .post(
                    "/calling/callConnections:reject",
                    "{\"incomingCallContext\":\"" + context + "\",\"callRejectReason\":\"busy\"}")
                .statusCode())
        .isEqualTo(204);
    JsonNode failed = scenario.callback(busy, "CallTransferFailed");
    assertThat(failed.path("data").path("resultInformation").path("code").asInt()).isEqualTo(486);

    String silent = scenario.answeredCall("", "");
    scenario.action(silent, ":transferToParticipant", transferToSales());
    scenario.incomingCall();
    scenario.advance(AcsPstnTerminator.RING_TIMEOUT);
    JsonNode timedOut = scenario.callback(silent, "CallTransferFailed");
    assertThat(timedOut.path("data").path("resultInformation").path("code").asInt()).isEqualTo(408);
    assertThat(
            Json.parse(scenario.client.get("/calling/callConnections/" + silent).body())
                .path("callConnectionState")
                .asString())
        .isEqualTo("connected");
  }

  @Test
  void addingAResourceAccountByItsAppId_ringsItsApplication_andItsHangUpLeavesTheRoster()
      throws Exception {
    String id = scenario.answeredCall("", "");
    scenario.callback(id, "ParticipantsUpdated");

    HttpResponse<String> added =
        scenario.action(
            id,
            "/participants:add",
            "{\"participantToAdd\":{\"kind\":\"microsoftTeamsApp\",\"microsoftTeamsApp\":{\"appId\":\""
                + SALES_ACCOUNT
                + "\"}},"
                + CUSTOM
                + "}");
    assertThat(added.statusCode()).as(added.body()).isEqualTo(202);
    JsonNode offered = scenario.incomingCall().path("data");
    assertThat(offered.path("customContext").path("voipHeaders").path("ticket").asString())
        .isEqualTo("42");
    assertThat(offered.path("from").path("rawId").asString()).isEqualTo("4:" + CALLER);
    assertThat(journal(id, "participant.inviting").attributes().get("customContext"))
        .contains("userToUser");

    String second = answerOn(target, offered);
    JsonNode succeeded = scenario.callback(id, "AddParticipantSucceeded");
    assertThat(succeeded.path("data").path("participant").path("rawId").asString())
        .isEqualTo("28:orgid:" + SALES_ACCOUNT);
    assertThat(scenario.callback(id, "ParticipantsUpdated").path("data").path("participants"))
        .hasSize(2);

    assertThat(scenario.client.delete("/calling/callConnections/" + second).statusCode())
        .isEqualTo(204);
    assertThat(scenario.callback(id, "ParticipantsUpdated").path("data").path("participants"))
        .hasSize(1);
  }

  @Test
  void customCallingContextThatBreaksTheLimits_isRefusedWith400NamingTheHeader() throws Exception {
    String id = scenario.answeredCall("", "");

    HttpResponse<String> noPrefix =
        scenario.action(
            id,
            ":transferToParticipant",
            "{\"targetParticipant\":{\"kind\":\"phoneNumber\",\"phoneNumber\":{\"value\":\""
                + SALES_NUMBER
                + "\"}},\"customCallingContext\":{\"sipHeaders\":{\"Queue\":\"x\"}}}");
    assertThat(noPrefix.statusCode()).isEqualTo(400);
    assertThat(Json.parse(noPrefix.body()).path("error").path("target").asString())
        .isEqualTo("customCallingContext.sipHeaders.Queue");

    HttpResponse<String> notText =
        scenario.action(
            id,
            "/participants:add",
            "{\"participantToAdd\":{\"kind\":\"communicationUser\",\"communicationUser\":{\"id\":\"8:acs:x\"}},"
                + "\"customCallingContext\":{\"voipHeaders\":{\"n\":1}}}");
    assertThat(notText.statusCode()).isEqualTo(400);
    assertThat(Json.parse(notText.body()).path("error").path("target").asString())
        .isEqualTo("customCallingContext.voipHeaders.n");
    assertThat(
            Json.parse(scenario.client.get("/calling/callConnections/" + id).body())
                .path("callConnectionState")
                .asString())
        .isEqualTo("connected");
  }

  private static String transferToSales() {
    return "{\"targetParticipant\":{\"kind\":\"phoneNumber\",\"phoneNumber\":{\"value\":\""
        + SALES_NUMBER
        + "\"}}}";
  }

  /** Answers the offered IncomingCall with {@code app} as callback; returns the connection id. */
  private String answerOn(RecordingWebhook app, JsonNode offered) throws Exception {
    HttpResponse<String> answered =
        scenario.client.post(
            "/calling/callConnections:answer",
            "{\"incomingCallContext\":\""
                + offered.path("incomingCallContext").asString()
                + "\",\"callbackUri\":\""
                + app.url("/target")
                + "\"}");
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
    return Json.parse(answered.body()).path("callConnectionId").asString();
  }

  private static JsonNode nextOn(RecordingWebhook app, String type) throws InterruptedException {
    return Json.parse(
            app.next(
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

  private JournalEntry journal(String callId, String kind) {
    List<JournalEntry> found =
        scenario
            .fixture
            .emulator
            .journal()
            .after(0, e -> callId.equals(e.callId()) && e.kind().equals(kind), 1);
    assertThat(found).as("journal " + kind).isNotEmpty();
    return found.get(0);
  }

  private static void assertProblem(HttpResponse<String> reply, String detail) {
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(400);
    assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(Json.parse(reply.body()).path("detail").asString()).contains(detail);
  }

  private static Path resource(String name) throws Exception {
    return Path.of(CustomContextTest.class.getResource("/acs/" + name).toURI());
  }
}
