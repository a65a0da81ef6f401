package io.tandem.emulator.graph.calls;

import static io.tandem.emulator.graph.calls.GraphBot.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.http.Json;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The actions that complete at once, over HTTP in both path forms: sendDtmfTones (the caller hears
 * the tones), mute and unmute (the bot's participant in the roster), updateRecordingStatus (the
 * bot's recordingInfo); each answers its operation {@code completed}, and each is refused before
 * the call is established and for a body that breaks the CSDL.
 */
class MidCallActionsTest extends BotPerTest {

  private String callId;
  private String calls;

  @BeforeEach
  void answerACall() throws Exception {
    callId = bot.incomingAnswered(CALLER);
    calls = "/communications/calls/" + callId;
    bot.nextOn(calls + "/participants");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sendDtmfTones", "microsoft.graph.sendDtmfTones"})
  void sendDtmfTones_completesAtOnce_andTheCallerHearsTheTones(String action) throws Exception {
    HttpResponse<String> sent =
        bot.graph(
            "POST",
            calls + "/" + action,
            """
            {"tones":["tone1","star","pound","a"],"delayBetweenTonesMs":300,
             "clientContext":"dial-out"}""");

    JsonNode operation = operation(sent, "sendDtmfTonesOperation");
    assertThat(operation.path("clientContext").asString()).isEqualTo("dial-out");
    assertThat(bot.journal("remote.heardDtmf", callId))
        .singleElement()
        .satisfies(e -> assertThat(e.attributes()).containsEntry("tones", "tone1,star,pound,a"));
  }

  @Test
  void sendDtmfTones_rejects() throws Exception {
    assertGraphError(bot.graph("POST", calls + "/sendDtmfTones", "{}"), 400, "BadRequest");
    assertGraphError(
        bot.graph("POST", calls + "/sendDtmfTones", "{\"tones\":[]}"), 400, "BadRequest");
    assertGraphError(
        bot.graph("POST", calls + "/sendDtmfTones", "{\"tones\":[\"tone12\"]}"), 400, "BadRequest");
    assertGraphError(
        bot.graph(
            "POST", calls + "/sendDtmfTones", "{\"tones\":[\"tone1\"],\"delayBetweenTonesMs\":-1}"),
        400,
        "BadRequest");
  }

  @Test
  void muteThenUnmute_showOnTheBotsParticipant_inBothPathForms() throws Exception {
    String self =
        Json.parse(bot.graph("GET", calls, null).body()).path("myParticipantId").asString();

    operation(
        bot.graph("POST", calls + "/mute", "{\"clientContext\":\"m\"}"),
        "muteParticipantOperation");
    assertThat(botIn(bot.nextOn(calls + "/participants").data(), self).path("isMuted").asBoolean())
        .isTrue();
    assertThat(
            Json.parse(bot.graph("GET", calls + "/participants/" + self, null).body())
                .path("isMuted")
                .asBoolean())
        .isTrue();

    operation(
        bot.graph("POST", calls + "/microsoft.graph.unmute", null), "unmuteParticipantOperation");
    assertThat(botIn(bot.nextOn(calls + "/participants").data(), self).path("isMuted").asBoolean())
        .isFalse();
  }

  @Test
  void updateRecordingStatus_showsOnTheBotsParticipant_inBothPathForms() throws Exception {
    String self =
        Json.parse(bot.graph("GET", calls, null).body()).path("myParticipantId").asString();

    operation(
        bot.graph(
            "POST",
            calls + "/updateRecordingStatus",
            "{\"status\":\"recording\",\"clientContext\":\"compliance\"}"),
        "updateRecordingStatusOperation");
    assertThat(
            botIn(bot.nextOn(calls + "/participants").data(), self)
                .at("/recordingInfo/recordingStatus")
                .asString())
        .isEqualTo("recording");

    operation(
        bot.graph(
            "POST",
            calls + "/microsoft.graph.updateRecordingStatus",
            "{\"status\":\"notRecording\"}"),
        "updateRecordingStatusOperation");
    assertThat(
            botIn(bot.nextOn(calls + "/participants").data(), self)
                .at("/recordingInfo/recordingStatus")
                .asString())
        .isEqualTo("notRecording");
  }

  @Test
  void updateRecordingStatus_rejects() throws Exception {
    assertGraphError(bot.graph("POST", calls + "/updateRecordingStatus", "{}"), 400, "BadRequest");
    assertGraphError(
        bot.graph("POST", calls + "/updateRecordingStatus", "{\"status\":\"paused\"}"),
        400,
        "BadRequest");
  }

  @Test
  void beforeTheCallIsEstablished_everyActionIs409() throws Exception {
    String ringing = "/communications/calls/" + bot.dial(CALLER);

    assertGraphError(
        bot.graph("POST", ringing + "/sendDtmfTones", "{\"tones\":[\"tone1\"]}"), 409, "Conflict");
    assertGraphError(bot.graph("POST", ringing + "/mute", null), 409, "Conflict");
    assertGraphError(bot.graph("POST", ringing + "/unmute", null), 409, "Conflict");
    assertGraphError(
        bot.graph("POST", ringing + "/updateRecordingStatus", "{\"status\":\"recording\"}"),
        409,
        "Conflict");
  }

  private static JsonNode operation(HttpResponse<String> reply, String type) {
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
    JsonNode operation = Json.parse(reply.body());
    assertThat(operation.path("@odata.type").asString()).isEqualTo("#microsoft.graph." + type);
    assertThat(operation.path("status").asString()).isEqualTo("completed");
    assertThat(operation.at("/resultInfo/code").asInt()).isEqualTo(200);
    assertThat(reply.headers().firstValue("Location").orElseThrow())
        .contains("/operations/" + operation.path("id").asString());
    return operation;
  }

  private static JsonNode botIn(JsonNode roster, String self) {
    for (JsonNode participant : roster) {
      if (participant.path("id").asString().equals(self)) {
        return participant;
      }
    }
    throw new AssertionError("the bot is not in " + roster);
  }
}
