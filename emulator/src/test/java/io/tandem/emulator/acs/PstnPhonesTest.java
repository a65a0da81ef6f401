package io.tandem.emulator.acs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.http.Json;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * External PSTN phones scripted through the control API: busy (486), no answer until the invitation
 * times out (408), declined (603), answering and hanging up later; unscripted numbers still answer
 * after two seconds; malformed scripts are refused.
 */
class PstnPhonesTest {

  private static final String CALLER_ID = "{\"value\":\"+14255550100\"}";

  private static AcsScenario scenario;

  @BeforeAll
  static void start() throws Exception {
    scenario = new AcsScenario();
  }

  @AfterAll
  static void stop() {
    scenario.close();
  }

  private static String phone(String number) {
    return "{\"kind\":\"phoneNumber\",\"phoneNumber\":{\"value\":\"" + number + "\"}}";
  }

  private static HttpResponse<String> script(String number, String behaviour) throws Exception {
    return scenario.client.send(
        "PUT", "/emulator/acs/phones/" + number.replace("+", "%2B"), behaviour);
  }

  private static HttpResponse<String> addPhone(String id, String number, int timeoutSeconds)
      throws Exception {
    return scenario.action(
        id,
        "/participants:add",
        "{\"participantToAdd\":"
            + phone(number)
            + ",\"sourceCallerIdNumber\":"
            + CALLER_ID
            + ",\"invitationTimeoutInSeconds\":"
            + timeoutSeconds
            + ",\"operationContext\":\"customer\"}");
  }

  private static int failureCode(String id) throws InterruptedException {
    JsonNode failed = scenario.callback(id, "AddParticipantFailed");
    assertThat(failed.path("data").path("operationContext").asString()).isEqualTo("customer");
    return failed.path("data").path("resultInformation").path("code").asInt();
  }

  @Test
  void aBusyPhone_isAddParticipantFailed486() throws Exception {
    assertThat(
            script("+15550001001", "{\"answerAfter\":\"PT1S\",\"response\":\"BUSY\"}").statusCode())
        .isEqualTo(200);
    String id = scenario.answeredCall("", "");

    assertThat(addPhone(id, "+15550001001", 30).statusCode()).isEqualTo(202);
    scenario.advance(Duration.ofSeconds(2));

    assertThat(failureCode(id)).isEqualTo(486);
  }

  @Test
  void aPhoneNobodyAnswers_isAddParticipantFailed408_atTheInvitationTimeout() throws Exception {
    script("+15550001002", "{\"response\":\"NO_ANSWER\"}");
    String id = scenario.answeredCall("", "");

    addPhone(id, "+15550001002", 5);
    scenario.advance(Duration.ofSeconds(6));

    assertThat(failureCode(id)).isEqualTo(408);
  }

  @Test
  void aPhoneThatDeclines_isAddParticipantFailed603() throws Exception {
    script("+15550001003", "{\"answerAfter\":\"PT0.5S\",\"response\":\"DECLINE\"}");
    String id = scenario.answeredCall("", "");

    addPhone(id, "+15550001003", 30);
    scenario.advance(Duration.ofSeconds(1));

    assertThat(failureCode(id)).isEqualTo(603);
  }

  @Test
  void aPhoneThatAnswers_joinsTheCall_andLeavesItWhenItHangsUp() throws Exception {
    script(
        "+15550001004",
        "{\"answerAfter\":\"PT1S\",\"response\":\"ANSWER\",\"hangUpAfter\":\"PT3S\"}");
    String id = scenario.answeredCall("", "");
    scenario.callback(id, "ParticipantsUpdated");

    addPhone(id, "+15550001004", 30);
    scenario.advance(Duration.ofSeconds(1));
    JsonNode added = scenario.callback(id, "AddParticipantSucceeded");
    assertThat(added.path("data").path("participant").path("rawId").asString())
        .isEqualTo("4:+15550001004");
    JsonNode joined = scenario.callback(id, "ParticipantsUpdated");
    assertThat(joined.path("data").path("participants").toString()).contains("4:+15550001004");

    scenario.advance(Duration.ofSeconds(3));
    JsonNode left = scenario.callback(id, "ParticipantsUpdated");
    assertThat(left.path("data").path("participants").toString()).doesNotContain("4:+15550001004");
    assertThat(
            scenario
                .fixture
                .emulator
                .journal()
                .after(0, e -> e.kind().equals("external.hungUp"), 10))
        .hasSize(1);
  }

  @Test
  void anUnscriptedPhone_stillAnswersAfterTwoSeconds() throws Exception {
    String id = scenario.answeredCall("", "");

    addPhone(id, "+15550001999", 30);
    scenario.advance(Duration.ofSeconds(2));

    scenario.callback(id, "AddParticipantSucceeded");
  }

  @Test
  void scriptsThatCannotBeRight_areRefused() throws Exception {
    assertThat(script("12345", "{\"response\":\"BUSY\"}").statusCode()).isEqualTo(400);
    assertThat(script("+15550001005", "{\"respond\":\"BUSY\"}").statusCode()).isEqualTo(400);
    assertThat(script("+15550001005", "{\"answerAfter\":\"-PT1S\"}").statusCode()).isEqualTo(400);
    HttpResponse<String> none =
        scenario.client.send("GET", "/emulator/acs/phones/%2B15550001005", "");
    assertThat(Json.parse(none.body()).path("client").isNull()).isTrue();
  }
}
