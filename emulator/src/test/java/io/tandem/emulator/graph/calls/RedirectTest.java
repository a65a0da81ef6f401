package io.tandem.emulator.graph.calls;

import static io.tandem.emulator.graph.calls.GraphBot.ALICE;
import static io.tandem.emulator.graph.calls.GraphBot.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * redirect of an incoming call over HTTP: to a Teams user (the caller then talks to them), to an
 * external PSTN number through the resource account the call came in on, to a Teams user's phone
 * number, to someone who does not answer within the redirect's {@code timeout}; and the rejects.
 */
class RedirectTest extends BotPerTest {

  private static final String CAROL = "11111111-aaaa-4bbb-8ccc-000000000003";

  @Test
  void redirectToATeamsUser_redirecting_thenTerminatedWhenSheAnswers_andTheCallerTalksToHer()
      throws Exception {
    String callId = incoming();
    String calls = "/communications/calls/" + callId;

    HttpResponse<String> redirected =
        bot.graph(
            "POST",
            calls + "/redirect",
            """
            {"targets":[{"@odata.type":"#microsoft.graph.invitationParticipantInfo",
              "identity":{"@odata.type":"#microsoft.graph.identitySet",
                "user":{"@odata.type":"#microsoft.graph.identity","id":"%s","displayName":"Alice"}}}],
             "callbackUri":"%s"}"""
                .formatted(ALICE, bot.callback()));

    assertThat(redirecting(redirected, calls).request().pathAndQuery()).isEqualTo("/api/calls");

    bot.advance(Duration.ofSeconds(3));

    GraphBot.Notification terminated = bot.nextOn(calls);
    assertThat(terminated.changeType()).isEqualTo("deleted");
    assertThat(terminated.state()).isEqualTo("terminated");
    assertThat(terminated.data().at("/resultInfo/code").asInt()).isEqualTo(200);
    assertThat(terminated.data().at("/resultInfo/subcode").asInt()).isEqualTo(7000);
    assertThat(bot.graph("GET", calls, null).statusCode()).isEqualTo(404);
    assertThat(bot.journal("caller.connectedToPerson", callId))
        .singleElement()
        .satisfies(e -> assertThat(e.attributes()).containsEntry("person", ALICE));
    assertThat(bot.fixture.emulator.teamsClients().activeCalls(ALICE)).isEqualTo(1);

    bot.advance(Duration.ofSeconds(40));
    assertThat(bot.fixture.emulator.teamsClients().activeCalls(ALICE)).isZero();
  }

  @Test
  void qualifiedPath_redirectToAnExternalNumber_throughTheApplicationInstance() throws Exception {
    String callId = incoming();
    String calls = "/communications/calls/" + callId;
    String external = "{\"targets\":[{\"identity\":{\"phone\":{\"id\":\"+14255557777\"}}}]}";

    assertThat(
            redirecting(bot.graph("POST", calls + "/microsoft.graph.redirect", external), calls)
                .request()
                .pathAndQuery())
        .as("without a callbackUri notifications stay on the calling webhook")
        .isEqualTo("/api/calling");
    bot.advance(Duration.ofSeconds(2));
    assertThat(bot.nextOn(calls).state()).isEqualTo("terminated");
    assertThat(bot.journal("pstn.answered", callId))
        .singleElement()
        .satisfies(e -> assertThat(e.attributes()).containsEntry("number", "+14255557777"));
    assertThat(bot.journal("caller.connectedToPerson", callId)).hasSize(1);
  }

  @Test
  void redirectToATeamsUsersPhoneNumber_ringsThatUser() throws Exception {
    String calls = "/communications/calls/" + incoming();

    bot.graph(
        "POST",
        calls + "/redirect",
        "{\"targets\":[{\"identity\":{\"phone\":{\"id\":\"+14255550101\"}}}]}");
    bot.nextOn(calls);
    bot.advance(Duration.ofSeconds(3));

    assertThat(bot.nextOn(calls).state()).isEqualTo("terminated");
    assertThat(bot.fixture.emulator.teamsClients().activeCalls(ALICE)).isEqualTo(1);
  }

  @Test
  void redirectToSomeoneWhoDoesNotAnswer_endsTheCallAfterTheRedirectsTimeout() throws Exception {
    String calls = "/communications/calls/" + incoming();

    bot.graph(
        "POST",
        calls + "/redirect",
        "{\"timeout\":5,\"targets\":[{\"identity\":{\"user\":{\"id\":\"" + CAROL + "\"}}}]}");
    assertThat(bot.nextOn(calls).state()).isEqualTo("redirecting");
    bot.advance(Duration.ofSeconds(5));

    GraphBot.Notification ended = bot.nextOn(calls);
    assertThat(ended.state()).isEqualTo("terminated");
    assertThat(ended.data().at("/resultInfo/code").asInt()).isEqualTo(480);
    assertThat(ended.data().at("/resultInfo/subcode").asInt()).isEqualTo(10076);
  }

  @Test
  void redirect_rejects() throws Exception {
    String calls = "/communications/calls/" + incoming();
    String alice = "{\"targets\":[{\"identity\":{\"user\":{\"id\":\"" + ALICE + "\"}}}]}";

    assertGraphError(bot.graph("POST", calls + "/redirect", "{}"), 400, "BadRequest");
    assertGraphError(bot.graph("POST", calls + "/redirect", "{\"targets\":[]}"), 400, "BadRequest");
    assertGraphError(
        bot.graph(
            "POST",
            calls + "/redirect",
            "{\"targets\":[{\"identity\":{\"phone\":{\"id\":\"0425\"}}}]}"),
        400,
        "BadRequest");
    assertGraphError(
        bot.graph("POST", calls + "/redirect", alice.replace("}]}", "}],\"timeout\":0}")),
        400,
        "BadRequest");
    assertGraphError(
        bot.graph("POST", "/communications/calls/nope/redirect", alice), 404, "NotFound");
    bot.graph("POST", calls + "/answer", bot.answerBody());
    assertGraphError(bot.graph("POST", calls + "/redirect", alice), 409, "Conflict");
  }

  /** The redirect was accepted and the bot heard {@code redirecting}; returns that notification. */
  private GraphBot.Notification redirecting(HttpResponse<String> redirected, String calls)
      throws Exception {
    assertThat(redirected.statusCode()).as(redirected.body()).isEqualTo(202);
    GraphBot.Notification redirecting = bot.nextOn(calls);
    assertThat(redirecting.changeType()).isEqualTo("updated");
    assertThat(redirecting.state()).isEqualTo("redirecting");
    return redirecting;
  }

  private String incoming() throws Exception {
    String callId = bot.dial(CALLER);
    bot.next(n -> n.changeType().equals("created"));
    return callId;
  }
}
