package io.tandem.emulator.graph.calls;

import static io.tandem.emulator.graph.calls.GraphBot.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.http.Json;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What happens to an invitee after participants/invite, in raw JSON: the operation names the
 * invitee's participantId, removing an invitee who still rings cancels the invitation, an invitee
 * who hangs up leaves the roster, a +E.164 number is invited through the resource account's call,
 * and start/stopHoldMusic take a participant out of the mix and back.
 */
class InviteLifecycleTest extends BotPerTest {

  private static final String INVITE_ALICE =
      """
      {"clientContext":"consult","participants":[{
        "@odata.type":"#microsoft.graph.invitationParticipantInfo",
        "identity":{"@odata.type":"#microsoft.graph.identitySet",
          "user":{"@odata.type":"#microsoft.graph.identity","id":"%s"}}}]}"""
          .formatted(ALICE);

  private static final String INVITE_NUMBER =
      """
      {"clientContext":"consult","participants":[{
        "@odata.type":"#microsoft.graph.invitationParticipantInfo",
        "identity":{"@odata.type":"#microsoft.graph.identitySet",
          "phone":{"@odata.type":"#microsoft.graph.identity","id":"+14255557777"}}}]}""";

  @Test
  void removingAnInviteeWhoStillRings_cancelsTheInvitation_andTheOperationFails() throws Exception {
    bot.scriptClient(ALICE, "{\"answerAfter\":\"PT30S\",\"response\":\"ANSWER\"}");
    String calls = "/communications/calls/" + bot.incomingAnswered(CALLER);
    JsonNode operation =
        Json.parse(bot.graph("POST", calls + "/participants/invite", INVITE_ALICE).body());
    String invitee = operation.at("/participants/0/participantId").asString();
    assertThat(invitee).isNotBlank();
    assertThat(operation.at("/participants/0/identity/user/id").asString()).isEqualTo(ALICE);
    bot.advance(Duration.ofSeconds(1));
    assertThat(bot.fixture.emulator.journal().after(0, e -> e.kind().equals("user.ringing"), 10))
        .hasSize(1);

    assertThat(bot.graph("DELETE", calls + "/participants/" + invitee, null).statusCode())
        .isEqualTo(204);

    JsonNode failed = bot.nextOn(calls + "/operations/" + operation.path("id").asString()).data();
    assertThat(failed.path("status").asString()).isEqualTo("failed");
    assertThat(failed.at("/resultInfo/code").asInt()).isEqualTo(487);
    assertThat(
            bot.fixture
                .emulator
                .journal()
                .after(0, e -> e.kind().equals("user.offerCancelled"), 10))
        .hasSize(1);
    bot.advance(Duration.ofSeconds(40));
    assertThat(bot.fixture.emulator.teamsClients().activeCalls(ALICE)).isZero();
    assertThat(Json.parse(bot.graph("GET", calls + "/participants", null).body()).path("value"))
        .hasSize(2);
    assertThat(bot.graph("DELETE", calls + "/participants/" + invitee, null).statusCode())
        .isEqualTo(404);
  }

  @Test
  void anInviteeWhoHangsUp_leavesTheRoster_andTheCallGoesOn() throws Exception {
    bot.scriptClient(
        ALICE, "{\"answerAfter\":\"PT1S\",\"response\":\"ANSWER\",\"hangUpAfter\":\"PT5S\"}");
    String callId = bot.incomingAnswered(CALLER);
    String calls = "/communications/calls/" + callId;
    String roster = calls + "/participants";
    bot.nextOn(roster);
    JsonNode operation = Json.parse(bot.graph("POST", roster + "/invite", INVITE_ALICE).body());
    String invitee = operation.at("/participants/0/participantId").asString();

    bot.advance(Duration.ofSeconds(2));
    JsonNode joined = bot.nextOn(roster).data();
    assertThat(joined).hasSize(3);
    assertThat(ids(joined)).contains(invitee);

    bot.advance(Duration.ofSeconds(6));
    JsonNode left = bot.nextOn(roster).data();
    assertThat(left).hasSize(2);
    assertThat(ids(left)).doesNotContain(invitee);
    assertThat(Json.parse(bot.graph("GET", calls, null).body()).path("state").asString())
        .isEqualTo("established");
  }

  @Test
  void aNumber_isInvitedThroughTheResourceAccountsCall_andAnswers() throws Exception {
    String callId = bot.incomingAnswered(CALLER);
    String calls = "/communications/calls/" + callId;
    String operation = bot.operation(calls + "/participants/invite", INVITE_NUMBER);

    bot.advance(Duration.ofSeconds(3));

    JsonNode done = bot.nextOn(operation).data();
    assertThat(done.path("status").asString()).isEqualTo("completed");
    assertThat(done.at("/participants/0/identity/phone/id").asString()).isEqualTo("+14255557777");
    assertThat(bot.journal("pstn.answered", callId)).hasSize(1);
  }

  @Test
  void holdMusic_takesTheCallerOutOfTheMix_andStopHoldMusicBringsThemBack() throws Exception {
    String callId = bot.incomingAnswered(CALLER);
    String calls = "/communications/calls/" + callId;
    JsonNode roster = Json.parse(bot.graph("GET", calls + "/participants", null).body());
    String caller = null;
    for (JsonNode participant : roster.path("value")) {
      if ("+14255559999".equals(participant.at("/info/identity/phone/id").asString(null))) {
        caller = participant.path("id").asString();
      }
    }
    assertThat(caller).isNotNull();

    JsonNode started =
        Json.parse(
            bot.graph(
                    "POST",
                    calls + "/participants/" + caller + "/startHoldMusic",
                    "{\"clientContext\":\"hold\"}")
                .body());
    assertThat(started.path("@odata.type").asString())
        .isEqualTo("#microsoft.graph.startHoldMusicOperation");
    bot.graph("POST", calls + "/participants/" + caller + "/startHoldMusic", "{}");
    assertThat(bot.journal("participant.holdMusicStarted", callId)).hasSize(1);

    JsonNode stopped =
        Json.parse(
            bot.graph("POST", calls + "/participants/" + caller + "/stopHoldMusic", "{}").body());
    assertThat(stopped.path("@odata.type").asString())
        .isEqualTo("#microsoft.graph.stopHoldMusicOperation");
    assertThat(bot.journal("participant.holdMusicStopped", callId)).hasSize(1);
    assertThat(bot.graph("POST", calls + "/participants/nobody/startHoldMusic", "{}").statusCode())
        .isEqualTo(404);
  }

  @Test
  void hangingUpAnOutgoingCallThatStillRings_stopsTheTeamsClientRinging() throws Exception {
    bot.scriptClient(ALICE, "{\"answerAfter\":\"PT30S\",\"response\":\"ANSWER\"}");
    String created =
        bot.create(
            """
            { "@odata.type":"#microsoft.graph.call", "callbackUri":"%s",
              "targets":[{"@odata.type":"#microsoft.graph.invitationParticipantInfo",
                "identity":{"@odata.type":"#microsoft.graph.identitySet",
                  "user":{"@odata.type":"#microsoft.graph.identity","id":"%s"}}}],
              "requestedModalities":["audio"],
              "mediaConfig":{"@odata.type":"#microsoft.graph.serviceHostedMediaConfig"},
              "tenantId":"%s" }"""
                .formatted(bot.callback(), ALICE, io.tandem.emulator.EmulatorFixture.TENANT));
    bot.advance(Duration.ofSeconds(1));

    assertThat(bot.graph("DELETE", "/communications/calls/" + created, null).statusCode())
        .isEqualTo(204);

    assertThat(bot.journal("user.offerCancelled", created)).hasSize(1);
    bot.advance(Duration.ofSeconds(40));
    assertThat(bot.journal("user.answered", created)).isEmpty();
  }

  private static java.util.List<String> ids(JsonNode participants) {
    java.util.List<String> ids = new java.util.ArrayList<>();
    participants.forEach(p -> ids.add(p.path("id").asString()));
    return ids;
  }
}
