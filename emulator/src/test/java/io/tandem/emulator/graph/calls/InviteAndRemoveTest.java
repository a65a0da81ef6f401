package io.tandem.emulator.graph.calls;

import static io.tandem.emulator.graph.calls.GraphBot.ALICE;
import static io.tandem.emulator.graph.calls.GraphBot.BOB;
import static io.tandem.emulator.graph.calls.GraphBot.READER_APP;
import static io.tandem.emulator.graph.calls.GraphBot.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.http.Json;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * participants/invite and DELETE of participants over HTTP: the inviteParticipantsOperation, the
 * roster notifications as people join and leave, the call ending when only the bot is left, and the
 * rejects.
 */
class InviteAndRemoveTest extends BotPerTest {

  private static final String INVITE_ALICE =
      """
      {"clientContext":"agent","participants":[{
        "@odata.type":"#microsoft.graph.invitationParticipantInfo",
        "identity":{"@odata.type":"#microsoft.graph.identitySet",
          "user":{"@odata.type":"#microsoft.graph.identity","id":"%s"}}}]}"""
          .formatted(ALICE);

  @Test
  void invite_addsAliceToTheRosterWhenSheAnswers_thenRemovingEveryoneEndsTheCall()
      throws Exception {
    String callId = bot.incomingAnswered(CALLER);
    String calls = "/communications/calls/" + callId;
    String roster = calls + "/participants";
    bot.nextOn(roster);

    HttpResponse<String> invited = bot.graph("POST", roster + "/invite", INVITE_ALICE);

    assertThat(invited.statusCode()).as(invited.body()).isEqualTo(200);
    JsonNode operation = Json.parse(invited.body());
    assertThat(operation.path("@odata.type").asString())
        .isEqualTo("#microsoft.graph.inviteParticipantsOperation");
    assertThat(operation.path("status").asString()).isEqualTo("running");
    assertThat(operation.path("clientContext").asString()).isEqualTo("agent");
    String operationUrl = calls + "/operations/" + operation.path("id").asString();
    assertThat(invited.headers().firstValue("Location").orElseThrow()).endsWith(operationUrl);

    bot.advance(Duration.ofSeconds(3));

    JsonNode joined = bot.nextOn(roster).data();
    assertThat(joined).hasSize(3);
    JsonNode alice = participantWithUser(joined, ALICE);
    assertThat(alice.path("@odata.type").asString()).isEqualTo("#microsoft.graph.participant");
    JsonNode completed = bot.nextOn(operationUrl).data();
    assertThat(completed.path("status").asString()).isEqualTo("completed");
    assertThat(completed.at("/resultInfo/code").asInt()).isEqualTo(200);
    assertThat(Json.parse(bot.graph("GET", roster, null).body()).path("value")).hasSize(3);
    assertThat(bot.fixture.emulator.teamsClients().activeCalls(ALICE)).isEqualTo(1);

    String aliceId = alice.path("id").asString();
    assertThat(bot.graph("GET", roster + "/" + aliceId, null).statusCode()).isEqualTo(200);
    assertThat(bot.graph("DELETE", roster + "/" + aliceId, null).statusCode()).isEqualTo(204);
    assertThat(bot.nextOn(roster).data()).hasSize(2);
    assertThat(bot.fixture.emulator.teamsClients().activeCalls(ALICE)).isZero();

    JsonNode remaining = Json.parse(bot.graph("GET", roster, null).body()).path("value");
    String callerId = participantWithPhone(remaining, "+14255559999").path("id").asString();
    assertThat(bot.graph("DELETE", roster + "/" + callerId, null).statusCode()).isEqualTo(204);
    assertThat(bot.nextOn(roster).data()).hasSize(1);
    GraphBot.Notification ended = bot.nextOn(calls);
    assertThat(ended.state()).isEqualTo("terminated");
    assertThat(ended.data().at("/resultInfo/code").asInt()).isEqualTo(200);
    assertThat(ended.data().at("/resultInfo/subcode").asInt()).isEqualTo(5010);
    assertThat(bot.journal("caller.disconnected", callId)).hasSize(1);
  }

  @Test
  void qualifiedPath_inviteOfSomeoneWhoDeclines_failsTheOperation() throws Exception {
    String calls = "/communications/calls/" + bot.incomingAnswered(CALLER);

    String invited =
        bot.operation(
            calls + "/participants/microsoft.graph.invite", INVITE_ALICE.replace(ALICE, BOB));
    bot.advance(Duration.ofSeconds(2));

    JsonNode failed = bot.nextOn(invited).data();
    assertThat(failed.path("status").asString()).isEqualTo("failed");
    assertThat(failed.at("/resultInfo/code").asInt()).isEqualTo(603);
    assertThat(Json.parse(bot.graph("GET", calls + "/participants", null).body()).path("value"))
        .hasSize(2);
  }

  @Test
  void invitees_areHungUpWhenTheBotEndsTheCall() throws Exception {
    String calls = "/communications/calls/" + bot.incomingAnswered(CALLER);
    bot.graph("POST", calls + "/participants/invite", INVITE_ALICE);
    bot.advance(Duration.ofSeconds(3));
    assertThat(bot.fixture.emulator.teamsClients().activeCalls(ALICE)).isEqualTo(1);

    assertThat(bot.graph("DELETE", calls, null).statusCode()).isEqualTo(204);

    assertThat(bot.fixture.emulator.teamsClients().activeCalls(ALICE)).isZero();
  }

  @Test
  void participants_rejects() throws Exception {
    String callId = bot.dial(CALLER);
    String roster = "/communications/calls/" + callId + "/participants";
    bot.next(n -> n.changeType().equals("created"));
    assertGraphError(bot.graph("POST", roster + "/invite", INVITE_ALICE), 409, "Conflict");
    bot.graph("POST", "/communications/calls/" + callId + "/answer", bot.answerBody());
    String reader = bot.token(READER_APP, "reader-secret", "https://graph.microsoft.com/.default");

    assertGraphError(bot.graph("POST", roster + "/invite", INVITE_ALICE, reader), 403, "Forbidden");
    assertGraphError(bot.graph("POST", roster + "/invite", "{}"), 400, "BadRequest");
    assertGraphError(
        bot.graph("POST", roster + "/invite", "{\"participants\":[]}"), 400, "BadRequest");
    assertGraphError(bot.graph("POST", roster + "/dance", "{}"), 400, "BadRequest");
    assertGraphError(bot.graph("DELETE", roster + "/nobody", null), 404, "NotFound");
    String botId =
        Json.parse(bot.graph("GET", "/communications/calls/" + callId, null).body())
            .path("myParticipantId")
            .asString();
    assertGraphError(bot.graph("DELETE", roster + "/" + botId, null), 404, "NotFound");
    assertGraphError(
        bot.graph("DELETE", "/communications/calls/nope/participants/x", null), 404, "NotFound");
  }

  private static JsonNode participantWithUser(JsonNode participants, String userId) {
    for (JsonNode participant : participants) {
      if (userId.equals(participant.at("/info/identity/user/id").asString(null))) {
        return participant;
      }
    }
    throw new AssertionError("no participant " + userId + " in " + participants);
  }

  private static JsonNode participantWithPhone(JsonNode participants, String number) {
    for (JsonNode participant : participants) {
      if (number.equals(participant.at("/info/identity/phone/id").asString(null))) {
        return participant;
      }
    }
    throw new AssertionError("no participant " + number + " in " + participants);
  }
}
