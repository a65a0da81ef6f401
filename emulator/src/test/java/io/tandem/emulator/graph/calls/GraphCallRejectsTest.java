package io.tandem.emulator.graph.calls;

import static io.tandem.emulator.graph.calls.GraphBot.ALICE;
import static io.tandem.emulator.graph.calls.GraphBot.READER_APP;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.http.Json;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every way Graph refuses a calls request, each in Graph's error shape: tokens, roles, unknown
 * calls, bodies that break the CSDL, actions the call's state does not allow, PSTN without an
 * application instance, throttling.
 */
class GraphCallRejectsTest {

  private static final String CALLER =
      "{\"from\":\"+14255559998\",\"to\":\"+14255550100\",\"patience\":\"PT3H\"}";

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
  void noToken_is401() throws Exception {
    assertError(
        bot.graph("GET", "/communications/calls/x", null, null), 401, "InvalidAuthenticationToken");
  }

  @Test
  void tokenForAnotherAudience_is401() throws Exception {
    String acs =
        bot.token(
            io.tandem.emulator.EmulatorFixture.BOT_APP,
            io.tandem.emulator.EmulatorFixture.BOT_SECRET,
            "https://communication.azure.com/.default");
    assertError(
        bot.graph("GET", "/communications/calls/x", null, acs), 401, "InvalidAuthenticationToken");
  }

  @Test
  void appWithoutACallsRole_is403() throws Exception {
    String reader = bot.token(READER_APP, "reader-secret", "https://graph.microsoft.com/.default");
    assertError(
        bot.graph("POST", "/communications/calls", createTo(ALICE), reader), 403, "Forbidden");
  }

  @Test
  void unknownCall_is404_inBothPathForms() throws Exception {
    assertError(bot.graph("GET", "/communications/calls/nope", null), 404, "NotFound");
    assertError(
        bot.graph("POST", "/communications/calls/nope/microsoft.graph.answer", bot.answerBody()),
        404,
        "NotFound");
  }

  @Test
  void malformedJson_is400() throws Exception {
    assertError(bot.graph("POST", "/communications/calls", "{not json"), 400, "BadRequest");
  }

  @Test
  void missingRequiredField_is400NamingIt() throws Exception {
    HttpResponse<String> reply =
        bot.graph(
            "POST", "/communications/calls", createTo(ALICE).replace("\"callbackUri\"", "\"x\""));
    assertError(reply, 400, "BadRequest");
    assertThat(message(reply)).contains("callbackUri");
  }

  @Test
  void badEnumValue_is400NamingTheField() throws Exception {
    String callId = bot.dial(CALLER);
    HttpResponse<String> reply =
        bot.graph("POST", "/communications/calls/" + callId + "/reject", "{\"reason\":\"maybe\"}");
    assertError(reply, 400, "BadRequest");
    assertThat(message(reply)).contains("reason", "maybe", "busy");
  }

  @Test
  void mediaRules_21Prompts_longClientContext_wrongState() throws Exception {
    String callId = bot.dial(CALLER);
    String calls = "/communications/calls/" + callId;
    String prompt = "{\"mediaInfo\":{\"uri\":\"https://cdn.contoso.test/p.wav\"}}";

    HttpResponse<String> early =
        bot.graph("POST", calls + "/playPrompt", "{\"prompts\":[" + prompt + "]}");
    assertError(early, 409, "Conflict");
    assertThat(message(early)).contains("incoming", "playPrompt");

    bot.graph("POST", calls + "/answer", bot.answerBody());
    HttpResponse<String> tooMany =
        bot.graph(
            "POST",
            calls + "/playPrompt",
            "{\"prompts\":[" + (prompt + ",").repeat(20) + prompt + "]}");
    assertError(tooMany, 400, "BadRequest");
    assertThat(message(tooMany)).contains("prompts", "21", "20");
    HttpResponse<String> longContext =
        bot.graph(
            "POST", calls + "/subscribeToTone", "{\"clientContext\":\"" + "x".repeat(257) + "\"}");
    assertError(longContext, 400, "BadRequest");
    assertThat(message(longContext)).contains("clientContext");
    assertError(bot.graph("POST", calls + "/answer", bot.answerBody()), 409, "Conflict");
    assertError(bot.graph("POST", calls + "/dance", "{}"), 400, "BadRequest");
  }

  @Test
  void promptThatCannotBeFetched_failsTheOperation() throws Exception {
    String callId = bot.incomingAnswered(CALLER);
    HttpResponse<String> reply =
        bot.graph(
            "POST",
            "/communications/calls/" + callId + "/playPrompt",
            "{\"prompts\":[{\"mediaInfo\":{\"uri\":\"http://127.0.0.1:1/missing.wav\"}}]}");
    assertThat(reply.statusCode()).isEqualTo(200);
    GraphBot.Notification failed = bot.next(n -> n.resourceUrl().contains("/operations/"));
    assertThat(failed.data().path("status").asString()).isEqualTo("failed");
    assertThat(failed.data().at("/resultInfo/code").asInt()).isEqualTo(400);
    assertThat(failed.data().at("/resultInfo/subcode").asInt()).isEqualTo(8536);
    assertThat(failed.data().at("/resultInfo/message").asString()).contains("missing.wav");
  }

  @Test
  void transferToPstn_fromACallWithoutApplicationInstance_is403() throws Exception {
    HttpResponse<String> created = bot.graph("POST", "/communications/calls", createTo(ALICE));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String callId = Json.parse(created.body()).path("id").asString();
    bot.advance(Duration.ofSeconds(3));

    HttpResponse<String> reply =
        bot.graph(
            "POST",
            "/communications/calls/" + callId + "/transfer",
            "{\"transferTarget\":{\"identity\":{\"phone\":{\"id\":\"+14255557777\"}}}}");
    assertError(reply, 403, "Forbidden");
    assertThat(message(reply)).contains("application instance");
    assertError(
        bot.graph(
            "POST",
            "/communications/calls",
            createTo(ALICE)
                .replace(
                    "{\"user\":{\"id\":\"" + ALICE + "\"}}",
                    "{\"phone\":{\"id\":\"+14255557777\"}}")),
        403,
        "Forbidden");
  }

  @Test
  void throttling_answers429WithRetryAfter_whenSwitchedOn() throws Exception {
    bot.fixture.send(
        "PUT",
        "/emulator/graph/settings",
        "application/json",
        "{\"throttleLimit\":2,\"throttleWindow\":\"PT10S\"}");
    try {
      bot.graph("GET", "/communications/calls/a", null);
      bot.graph("GET", "/communications/calls/b", null);
      HttpResponse<String> third = bot.graph("GET", "/communications/calls/c", null);
      assertError(third, 429, "TooManyRequests");
      assertThat(third.headers().firstValue("Retry-After")).hasValue("10");
      bot.advance(Duration.ofSeconds(10));
      assertThat(bot.graph("GET", "/communications/calls/d", null).statusCode()).isEqualTo(404);
    } finally {
      bot.fixture.send(
          "PUT", "/emulator/graph/settings", "application/json", "{\"throttleLimit\":0}");
    }
  }

  @Test
  void badSetting_isAProblemDocument() throws Exception {
    HttpResponse<String> reply =
        bot.fixture.send(
            "PUT", "/emulator/graph/settings", "application/json", "{\"answerDeadline\":\"soon\"}");
    assertThat(reply.statusCode()).isEqualTo(400);
    assertThat(reply.body()).contains("answerDeadline");
  }

  static String createTo(String userId) {
    return createTo(bot.callback(), userId);
  }

  static String createTo(String callback, String userId) {
    return """
        {"@odata.type":"#microsoft.graph.call","callbackUri":"%s",
         "targets":[{"@odata.type":"#microsoft.graph.invitationParticipantInfo",
           "identity":{"user":{"id":"%s"}}}],
         "requestedModalities":["audio"],
         "mediaConfig":{"@odata.type":"#microsoft.graph.serviceHostedMediaConfig"}}"""
        .formatted(callback, userId);
  }

  private static String message(HttpResponse<String> reply) {
    return Json.parse(reply.body()).at("/error/message").asString();
  }

  private static void assertError(HttpResponse<String> reply, int status, String code) {
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(status);
    JsonNode error = Json.parse(reply.body()).path("error");
    assertThat(error.path("code").asString()).isEqualTo(code);
    assertThat(error.at("/innerError/request-id").asString()).isNotEmpty();
    assertThat(reply.headers().firstValue("request-id")).isPresent();
  }
}
