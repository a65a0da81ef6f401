package io.tandem.emulator.graph.calls;

import static io.tandem.emulator.EmulatorFixture.TENANT;
import static io.tandem.emulator.graph.calls.GraphBot.SUPPORT_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.http.Json;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A bot places calls: the documented 201 shape, then established when the callee answers. */
class OutgoingCallTest {

  private static GraphBot bot;

  @BeforeAll
  static void start() throws Exception {
    bot = new GraphBot();
  }

  @AfterAll
  static void stop() {
    bot.close();
  }

  @Test
  void pstnCallFromTheApplicationInstance_is201Establishing_thenEstablished_thenHungUp()
      throws Exception {
    HttpResponse<String> created =
        bot.graph(
            "POST",
            "/communications/calls",
            """
            { "@odata.type":"#microsoft.graph.call",
              "callbackUri":"%s",
              "source":{"@odata.type":"#microsoft.graph.participantInfo",
                "identity":{"@odata.type":"#microsoft.graph.identitySet",
                  "applicationInstance":{"@odata.type":"#microsoft.graph.identity","id":"%s","displayName":"CC Bot"}}},
              "targets":[{"@odata.type":"#microsoft.graph.invitationParticipantInfo",
                "identity":{"@odata.type":"#microsoft.graph.identitySet","phone":{"@odata.type":"#microsoft.graph.identity","id":"+12345678901"}}}],
              "requestedModalities":["audio"],
              "mediaConfig":{"@odata.type":"#microsoft.graph.serviceHostedMediaConfig"},
              "tenantId":"%s" }"""
                .formatted(bot.callback(), SUPPORT_ACCOUNT, TENANT));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode call = Json.parse(created.body());
    String callId = call.path("id").asString();
    assertThat(created.headers().firstValue("Location").orElseThrow())
        .endsWith("/v1.0/communications/calls/" + callId);
    assertThat(call.path("@odata.context").asString())
        .isEqualTo("https://graph.microsoft.com/v1.0/$metadata#app/calls/$entity");
    assertThat(call.path("state").asString()).isEqualTo("establishing");
    assertThat(call.path("direction").asString()).isEqualTo("outgoing");
    assertThat(call.path("callChainId").asString()).isNotEmpty();
    assertThat(call.path("myParticipantId").asString()).isNotEmpty();
    assertThat(bot.nextCallOrOperation().state()).isEqualTo("establishing");

    bot.advance(Duration.ofSeconds(2));
    assertThat(bot.nextCallOrOperation().state()).isEqualTo("established");
    JsonNode participants =
        Json.parse(
            bot.graph("GET", "/communications/calls/" + callId + "/participants", null).body());
    assertThat(participants.path("value")).hasSize(2);

    assertThat(bot.graph("DELETE", "/communications/calls/" + callId, null).statusCode())
        .isEqualTo(204);
    assertThat(bot.nextCallOrOperation().state()).isEqualTo("terminating");
    GraphBot.Notification terminated = bot.nextCallOrOperation();
    assertThat(terminated.changeType()).isEqualTo("deleted");
    assertThat(terminated.data().at("/resultInfo/subcode").asInt()).isEqualTo(5001);
  }

  @Test
  void callToCarol_whoNeverAnswers_endsAfterTheRingTimeout() throws Exception {
    HttpResponse<String> created =
        bot.graph(
            "POST",
            "/communications/calls",
            GraphCallRejectsTest.createTo(bot.callback(), "11111111-aaaa-4bbb-8ccc-000000000003"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    bot.nextCallOrOperation();

    bot.advance(Duration.ofSeconds(30));

    GraphBot.Notification ended = bot.next(n -> "terminated".equals(n.state()));
    assertThat(ended.data().at("/resultInfo/code").asInt()).isEqualTo(480);
  }
}
