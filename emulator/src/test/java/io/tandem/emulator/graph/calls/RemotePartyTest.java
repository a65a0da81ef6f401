package io.tandem.emulator.graph.calls;

import static io.tandem.emulator.graph.calls.GraphBot.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.http.Json;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What the other side of a bot's call does on its own: a PSTN caller whose {@code patience} runs
 * out while the bot only plays prompts hangs up (terminated, 200/540000), and a Teams user on an
 * outgoing call presses digits that reach the bot as tone notifications once it subscribed.
 */
class RemotePartyTest extends BotPerTest {

  @Test
  void callerPatienceRunsOut_whileTheBotPlaysPrompts_theCallEndsTerminated540000()
      throws Exception {
    String callId =
        bot.incomingAnswered(
            "{\"from\":\"+14255559999\",\"to\":\"+14255550100\",\"patience\":\"PT20S\"}");
    String calls = "/communications/calls/" + callId;
    String music =
        "{\"prompts\":[{\"mediaInfo\":{\"uri\":\"" + bot.prompt("queue-music.txt") + "\"}}]}";
    String first = operationId(bot.graph("POST", calls + "/playPrompt", music));
    bot.advance(Duration.ofSeconds(3));
    assertThat(bot.nextOn(calls + "/operations/" + first).data().path("status").asString())
        .isEqualTo("completed");
    for (int i = 0; i < 6; i++) {
      operationId(bot.graph("POST", calls + "/playPrompt", music));
    }

    bot.advance(Duration.ofSeconds(16));
    assertThat(bot.graph("GET", calls, null).statusCode()).isEqualTo(200);
    bot.advance(Duration.ofSeconds(1));

    GraphBot.Notification ended = bot.nextOn(calls);
    assertThat(ended.request().pathAndQuery()).isEqualTo("/api/calls");
    assertThat(ended.changeType()).isEqualTo("deleted");
    assertThat(ended.state()).isEqualTo("terminated");
    assertThat(ended.data().path("resultInfo").toString())
        .isEqualTo(
            "{\"@odata.type\":\"#microsoft.graph.resultInfo\",\"code\":200,\"subcode\":540000,"
                + "\"message\":\"Call ended by the PSTN User.\"}");
    assertThat(bot.journal("caller.hungUp", callId))
        .singleElement()
        .satisfies(e -> assertThat(e.attributes()).containsEntry("after", "patience"));
    assertThat(bot.graph("GET", calls, null).statusCode()).isEqualTo(404);
  }

  @Test
  void teamsUsersDigits_onAnOutgoingCall_reachTheBotAsTones_onceSubscribed() throws Exception {
    bot.scriptClient(ALICE, "{\"answerAfter\":\"PT2S\",\"response\":\"ANSWER\",\"dtmf\":\"4#\"}");
    String callId = bot.create(GraphCallRejectsTest.createTo(bot.callback(), ALICE));
    String calls = "/communications/calls/" + callId;
    assertThat(bot.nextOn(calls).state()).isEqualTo("establishing");
    bot.advance(Duration.ofSeconds(2));
    assertThat(bot.nextOn(calls).state()).isEqualTo("established");

    HttpResponse<String> subscribed =
        bot.graph("POST", calls + "/microsoft.graph.subscribeToTone", null);
    assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(200);
    bot.advance(Duration.ofSeconds(1));

    GraphBot.Notification four = bot.nextOn(calls);
    assertThat(four.changeType()).isEqualTo("updated");
    assertThat(four.data().at("/toneInfo/tone").asString()).isEqualTo("tone4");
    assertThat(four.data().at("/toneInfo/sequenceId").asLong()).isEqualTo(1);
    GraphBot.Notification pound = bot.nextOn(calls);
    assertThat(pound.data().at("/toneInfo/tone").asString()).isEqualTo("pound");
    assertThat(pound.data().at("/toneInfo/sequenceId").asLong()).isEqualTo(2);
    assertThat(Json.parse(bot.graph("GET", calls, null).body()).at("/toneInfo/tone").asString())
        .isEqualTo("pound");
  }

  @Test
  void teamsUsersDigits_beforeTheBotSubscribed_areJournaledAndLost() throws Exception {
    bot.scriptClient(ALICE, "{\"answerAfter\":\"PT1S\",\"response\":\"ANSWER\",\"dtmf\":\"7\"}");
    String callId = bot.create(GraphCallRejectsTest.createTo(bot.callback(), ALICE));
    bot.advance(Duration.ofSeconds(2));

    assertThat(bot.journal("tone.notSubscribed", callId))
        .singleElement()
        .satisfies(e -> assertThat(e.attributes()).containsEntry("digit", "7"));
  }

  private static String operationId(HttpResponse<String> reply) {
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
    return Json.parse(reply.body()).path("id").asString();
  }
}
