package io.tandem.emulator.graph.calls;

import static io.tandem.emulator.EmulatorFixture.BOT_APP;
import static io.tandem.emulator.EmulatorFixture.TENANT;
import static io.tandem.emulator.graph.calls.GraphBot.ALICE;
import static io.tandem.emulator.graph.calls.GraphBot.BOB;
import static io.tandem.emulator.graph.calls.GraphBot.SUPPORT_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.entra.Jwt;
import io.tandem.emulator.http.Json;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A PSTN call to the bot's resource account, end to end over real HTTP: the incoming-call
 * notification in Microsoft's documented shape with a Bearer JWT the bot verifies against the
 * published keys, answer, establishing/established, tones from the caller's script, a prompt, and
 * transfers to Teams users who answer or decline.
 */
class IncomingCallTest extends BotPerTest {

  private static final String CALLER =
      """
      {"from":"+14255559999","to":"+14255550100","displayName":"Pat Caller",
       "digits":[{"after":"PT4S","digits":"1"}],"patience":"PT600S","talkFor":"PT30S"}""";

  @Test
  void incomingCall_notifiesTheBotInTheDocumentedShape_signedForTheBot() throws Exception {
    String callId = bot.dial(CALLER);

    GraphBot.Notification incoming = bot.next();

    assertThat(incoming.request().pathAndQuery()).isEqualTo("/api/calling");
    assertSameShape(fixture("incoming-call-pstn.json"), incoming.body(), "");
    JsonNode call = incoming.data();
    assertThat(incoming.resourceUrl()).isEqualTo("/communications/calls/" + callId);
    assertThat(call.path("state").asString()).isEqualTo("incoming");
    assertThat(call.at("/source/identity/phone/id").asString()).isEqualTo("+14255559999");
    assertThat(call.at("/targets/0/identity/applicationInstance/id").asString())
        .isEqualTo(SUPPORT_ACCOUNT);
    assertThat(call.path("tenantId").asString()).isEqualTo(TENANT);

    String authorization = incoming.request().header("Authorization");
    assertThat(authorization).startsWith("Bearer ");
    Jwt.Parsed jwt = Jwt.parse(authorization.substring(7));
    JsonNode keys = Json.parse(bot.fixture.get("/aps/v1/keys").body()).path("keys");
    JsonNode key = keys.get(0);
    assertThat(jwt.header().path("kid").asString()).isEqualTo(key.path("kid").asString());
    assertThat(jwt.signedBy(publicKey(key))).isTrue();
    assertThat(jwt.claims().path("iss").asString()).isEqualTo("https://graph.microsoft.com");
    assertThat(jwt.claims().path("aud").asString()).isEqualTo(BOT_APP);
    assertThat(jwt.claims().path("tid").asString()).isEqualTo(TENANT);
  }

  @Test
  void answer_establishes_thenTonesPromptsAndATransferToAliceEndTheBotsCall() throws Exception {
    String callId = bot.dial(CALLER);
    bot.next(n -> n.changeType().equals("created"));
    String calls = "/communications/calls/" + callId;

    HttpResponse<String> answered = bot.graph("POST", calls + "/answer", bot.answerBody());
    assertThat(answered.statusCode()).isEqualTo(202);
    GraphBot.Notification establishing = bot.nextCallOrOperation();
    GraphBot.Notification established = bot.nextCallOrOperation();
    assertThat(establishing.request().pathAndQuery()).isEqualTo("/api/calls");
    assertThat(establishing.changeType()).isEqualTo("updated");
    assertThat(establishing.state()).isEqualTo("establishing");
    assertThat(established.state()).isEqualTo("established");

    HttpResponse<String> subscribed =
        bot.graph(
            "POST", calls + "/microsoft.graph.subscribeToTone", "{\"clientContext\":\"tones\"}");
    assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(200);
    assertThat(Json.parse(subscribed.body()).path("status").asString()).isEqualTo("completed");

    bot.advance(Duration.ofSeconds(4));
    GraphBot.Notification tone = bot.next(n -> n.data().has("toneInfo"));
    assertThat(tone.changeType()).isEqualTo("updated");
    assertThat(tone.data().at("/toneInfo/tone").asString()).isEqualTo("tone1");
    assertThat(tone.data().at("/toneInfo/sequenceId").asLong()).isEqualTo(1);

    HttpResponse<String> playing =
        bot.graph(
            "POST",
            calls + "/playPrompt",
            """
            {"clientContext":"welcome","prompts":[{"@odata.type":"#microsoft.graph.mediaPrompt",
              "mediaInfo":{"@odata.type":"#microsoft.graph.mediaInfo","uri":"%s","resourceId":"w"}}]}"""
                .formatted(bot.webhook.url("/prompts/welcome.wav")));
    assertThat(playing.statusCode()).as(playing.body()).isEqualTo(200);
    JsonNode operation = Json.parse(playing.body());
    assertThat(operation.path("status").asString()).isEqualTo("running");
    assertThat(operation.path("@odata.type").asString())
        .isEqualTo("#microsoft.graph.playPromptOperation");
    String opId = operation.path("id").asString();
    assertThat(bot.webhook.next(r -> r.method().equals("GET"), GraphBot.WAIT).pathAndQuery())
        .isEqualTo("/prompts/welcome.wav");

    bot.advance(Duration.ofSeconds(3));
    GraphBot.Notification done = bot.next(n -> n.resourceUrl().contains("/operations/"));
    assertThat(done.changeType()).isEqualTo("deleted");
    assertThat(done.resourceUrl()).isEqualTo(calls + "/operations/" + opId);
    assertThat(done.data().path("status").asString()).isEqualTo("completed");
    assertThat(done.data().path("clientContext").asString()).isEqualTo("welcome");
    assertThat(done.data().at("/resultInfo/code").asInt()).isEqualTo(200);
    HttpResponse<String> fetched = bot.graph("GET", calls + "/operations/" + opId, null);
    assertThat(Json.parse(fetched.body()).path("status").asString()).isEqualTo("completed");

    HttpResponse<String> transfer =
        bot.graph(
            "POST",
            calls + "/transfer",
            "{\"transferTarget\":{\"@odata.type\":\"#microsoft.graph.invitationParticipantInfo\","
                + "\"endpointType\":\"default\",\"identity\":{\"user\":{\"id\":\""
                + ALICE
                + "\",\"displayName\":\"Alice Agent\"}}}}");
    assertThat(transfer.statusCode()).as(transfer.body()).isEqualTo(202);
    assertThat(bot.nextCallOrOperation().state()).isEqualTo("transferring");
    bot.advance(Duration.ofSeconds(3));
    assertThat(bot.nextCallOrOperation().state()).isEqualTo("transferAccepted");
    GraphBot.Notification terminated = bot.nextCallOrOperation();
    assertThat(terminated.changeType()).isEqualTo("deleted");
    assertThat(terminated.state()).isEqualTo("terminated");
    assertThat(terminated.data().path("resultInfo").toString())
        .contains("\"code\":0", "\"subcode\":7015", "GracefulTransferCompleted");
    assertThat(bot.fixture.emulator.teamsClients().activeCalls(ALICE)).isEqualTo(1);
    assertThat(bot.graph("GET", calls, null).statusCode()).isEqualTo(404);

    bot.advance(Duration.ofSeconds(30));
    assertThat(bot.fixture.emulator.teamsClients().activeCalls(ALICE)).isZero();
  }

  @Test
  void transferToBob_whoDeclines_returnsToEstablishedWith7000() throws Exception {
    String callId = bot.incomingAnswered(CALLER);

    HttpResponse<String> transfer =
        bot.graph(
            "POST",
            "/communications/calls/" + callId + "/microsoft.graph.transfer",
            "{\"transferTarget\":{\"identity\":{\"user\":{\"id\":\"" + BOB + "\"}}}}");
    assertThat(transfer.statusCode()).as(transfer.body()).isEqualTo(202);
    assertThat(bot.nextCallOrOperation().state()).isEqualTo("transferring");

    bot.advance(Duration.ofSeconds(2));
    GraphBot.Notification failed = bot.nextCallOrOperation();
    assertThat(failed.state()).isEqualTo("established");
    assertThat(failed.data().at("/resultInfo/code").asInt()).isEqualTo(500);
    assertThat(failed.data().at("/resultInfo/subcode").asInt()).isEqualTo(7000);
    assertThat(
            Json.parse(bot.graph("GET", "/communications/calls/" + callId, null).body())
                .path("state")
                .asString())
        .isEqualTo("established");
  }

  @Test
  void establishedBeforeEstablishing_whenTheQuirkIsSwitchedOn() throws Exception {
    HttpResponse<String> changed =
        bot.fixture.send(
            "PUT",
            "/emulator/graph/settings",
            "application/json",
            "{\"establishedBeforeEstablishing\":true}");
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    String callId = bot.dial(CALLER);
    bot.next(n -> n.changeType().equals("created"));

    bot.graph("POST", "/communications/calls/" + callId + "/answer", bot.answerBody());

    assertThat(bot.nextCallOrOperation().state()).isEqualTo("established");
    assertThat(bot.nextCallOrOperation().state()).isEqualTo("establishing");
  }

  @Test
  void unansweredFor15Seconds_terminatesWith408AndIsJournaled() throws Exception {
    String callId = bot.dial(CALLER);
    bot.next(n -> n.changeType().equals("created"));

    bot.advance(Duration.ofSeconds(14));
    assertThat(bot.graph("GET", "/communications/calls/" + callId, null).statusCode())
        .isEqualTo(200);
    bot.advance(Duration.ofSeconds(1));

    GraphBot.Notification ended = bot.nextCallOrOperation();
    assertThat(ended.request().pathAndQuery()).isEqualTo("/api/calling");
    assertThat(ended.changeType()).isEqualTo("deleted");
    assertThat(ended.state()).isEqualTo("terminated");
    assertThat(ended.data().at("/resultInfo/code").asInt()).isEqualTo(408);
    assertThat(ended.data().at("/resultInfo/subcode").asInt()).isEqualTo(1106);
    assertThat(
            bot.fixture
                .emulator
                .journal()
                .after(0, e -> e.kind().equals("call.answerDeadlinePassed"), 10))
        .hasSize(1);
    HttpResponse<String> late =
        bot.graph("POST", "/communications/calls/" + callId + "/answer", bot.answerBody());
    assertThat(late.statusCode()).isEqualTo(404);
  }

  @Test
  void keepAlive_keepsTheCall_andWithoutItTheCallEndsAfter45Minutes() throws Exception {
    String callId = bot.incomingAnswered(CALLER.replace("PT600S", "PT3H").replace("PT4S", "PT3H"));
    String calls = "/communications/calls/" + callId;

    bot.advance(Duration.ofMinutes(44));
    assertThat(bot.graph("POST", calls + "/keepAlive", null).statusCode()).isEqualTo(200);
    bot.advance(Duration.ofMinutes(44));
    bot.refreshToken();
    assertThat(bot.graph("POST", calls + "/microsoft.graph.keepAlive", null).statusCode())
        .isEqualTo(200);
    bot.advance(Duration.ofMinutes(45));

    GraphBot.Notification expired = bot.next(n -> "terminated".equals(n.state()));
    bot.refreshToken();
    assertThat(expired.data().at("/resultInfo/code").asInt()).isEqualTo(408);
    assertThat(expired.data().at("/resultInfo/subcode").asInt()).isEqualTo(8537);
    HttpResponse<String> tooLate = bot.graph("POST", calls + "/keepAlive", null);
    assertThat(tooLate.statusCode()).isEqualTo(404);
    assertThat(Json.parse(tooLate.body()).at("/error/code").asString()).isEqualTo("NotFound");
  }

  @Test
  void controlApi_listsTheCallsWithStateAndLegs() throws Exception {
    String callId = bot.incomingAnswered(CALLER);

    JsonNode list = Json.parse(bot.fixture.get("/emulator/graph/calls").body());

    JsonNode call = list.path("value").get(0);
    assertThat(call.path("id").asString()).isEqualTo(callId);
    assertThat(call.path("state").asString()).isEqualTo("established");
    assertThat(call.path("legs")).hasSize(2);
    assertThat(Json.parse(bot.fixture.get("/emulator/health").body()).toString()).contains("graph");
  }

  /**
   * Every field of {@code expected} is in {@code actual} with the same JSON type; values match
   * except ids, display names, etags and recording locations and tokens.
   */
  static void assertSameShape(JsonNode expected, JsonNode actual, String path) {
    if (expected.isObject()) {
      assertThat(actual.isObject()).as(path + " is an object in " + actual).isTrue();
      for (Map.Entry<String, JsonNode> field : expected.properties()) {
        assertThat(actual.has(field.getKey())).as(path + "/" + field.getKey()).isTrue();
        assertSameShape(field.getValue(), actual.get(field.getKey()), path + "/" + field.getKey());
      }
    } else if (expected.isArray()) {
      assertThat(actual.isArray()).as(path + " is an array").isTrue();
      assertThat(actual.size()).as(path + " size").isEqualTo(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        assertSameShape(expected.get(i), actual.get(i), path + "[" + i + "]");
      }
    } else {
      assertThat(actual.getNodeType()).as(path).isEqualTo(expected.getNodeType());
      boolean isId =
          path.endsWith("Id")
              || path.endsWith("/id")
              || path.endsWith("resourceUrl")
              || path.endsWith("@odata.id");
      boolean varies =
          path.endsWith("displayName")
              || path.endsWith("@odata.etag")
              || path.endsWith("recordingLocation")
              || path.endsWith("recordingAccessToken");
      if (!isId && !varies) {
        assertThat(actual).as(path).isEqualTo(expected);
      }
    }
  }

  static JsonNode fixture(String name) throws Exception {
    try (var in = IncomingCallTest.class.getResourceAsStream("/graph/calls/" + name)) {
      return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static RSAPublicKey publicKey(JsonNode jwk) throws Exception {
    Base64.Decoder url = Base64.getUrlDecoder();
    return (RSAPublicKey)
        KeyFactory.getInstance("RSA")
            .generatePublic(
                new RSAPublicKeySpec(
                    new BigInteger(1, url.decode(jwk.path("n").asString())),
                    new BigInteger(1, url.decode(jwk.path("e").asString()))));
  }
}
