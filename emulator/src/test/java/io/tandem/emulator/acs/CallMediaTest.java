package io.tandem.emulator.acs;

import static io.tandem.emulator.acs.AcsScenario.caller;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Play, recognize (DTMF, choices, speech from the caller's script), continuous DTMF, hold. */
class CallMediaTest {

  private static AcsScenario scenario;

  @BeforeAll
  static void start() throws Exception {
    scenario = new AcsScenario();
  }

  @AfterAll
  static void stop() {
    scenario.close();
  }

  private static String dtmfRecognize(int maxTones, String stopTones, int silence, int interTone) {
    return "{\"recognizeInputType\":\"dtmf\",\"operationContext\":\"menu\",\"recognizeOptions\":{\"targetParticipant\":"
        + caller()
        + ",\"initialSilenceTimeoutInSeconds\":"
        + silence
        + ",\"dtmfOptions\":{\"maxTonesToCollect\":"
        + maxTones
        + ",\"interToneTimeoutInSeconds\":"
        + interTone
        + ",\"stopTones\":["
        + stopTones
        + "]}}}";
  }

  @Test
  void recognizeDtmf_collectsTheCallersScriptedDigits_untilTheStopTone() throws Exception {
    String id = scenario.answeredCall("\"digits\":[{\"after\":\"PT2S\",\"digits\":\"12#\"}]", "");

    HttpResponse<String> accepted =
        scenario.action(id, ":recognize", dtmfRecognize(4, "\"pound\"", 5, 2));
    assertThat(accepted.statusCode()).isEqualTo(202);
    scenario.advance(Duration.ofSeconds(3));

    JsonNode completed = scenario.callback(id, "RecognizeCompleted");
    assertThat(completed.path("data").path("recognitionType").asString()).isEqualTo("dtmf");
    assertThat(tones(completed)).containsExactly("one", "two");
    assertThat(completed.path("data").path("resultInformation").path("subCode").asInt())
        .isEqualTo(8514);
    assertThat(completed.path("data").path("operationContext").asString()).isEqualTo("menu");
  }

  @Test
  void recognizeDtmf_endsAtMaxTones() throws Exception {
    String id = scenario.answeredCall("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"123\"}]", "");
    scenario.action(id, ":recognize", dtmfRecognize(2, "", 5, 2));
    scenario.advance(Duration.ofSeconds(2));

    JsonNode completed = scenario.callback(id, "RecognizeCompleted");
    assertThat(tones(completed)).containsExactly("one", "two");
    assertThat(completed.path("data").path("resultInformation").path("subCode").asInt())
        .isEqualTo(8531);
  }

  @Test
  void recognizeDtmf_failsOnInitialSilence_andOnTheInterDigitTimeout() throws Exception {
    String quiet = scenario.answeredCall("", "");
    scenario.action(quiet, ":recognize", dtmfRecognize(2, "", 3, 2));
    scenario.advance(Duration.ofSeconds(4));
    JsonNode silence = scenario.callback(quiet, "RecognizeFailed");
    assertThat(silence.path("data").path("resultInformation").path("subCode").asInt())
        .isEqualTo(8510);
    assertThat(silence.path("data").path("resultInformation").path("code").asInt()).isEqualTo(400);

    String slow = scenario.answeredCall("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}]", "");
    scenario.action(slow, ":recognize", dtmfRecognize(3, "", 5, 2));
    scenario.advance(Duration.ofSeconds(4));
    JsonNode gap = scenario.callback(slow, "RecognizeFailed");
    assertThat(gap.path("data").path("resultInformation").path("subCode").asInt()).isEqualTo(8532);
  }

  @Test
  void recognizeChoices_matchesTheCallersWords_orAChoicesTone() throws Exception {
    String choices =
        ",\"choices\":[{\"label\":\"Sales\",\"phrases\":[\"sales\",\"buy\"],\"tone\":\"one\"},"
            + "{\"label\":\"Support\",\"phrases\":[\"support\",\"help\"],\"tone\":\"two\"}]";
    String spoken =
        scenario.answeredCall(
            "\"utterances\":[{\"after\":\"PT1S\",\"text\":\"I need help, please.\"}]", "");
    scenario.action(
        spoken,
        ":recognize",
        "{\"recognizeInputType\":\"choices\",\"playPrompt\":{\"kind\":\"text\",\"text\":{\"text\":\"Say sales or support\"}},\"interruptCallMediaOperation\":true,\"recognizeOptions\":{\"targetParticipant\":"
            + caller()
            + ",\"interruptPrompt\":true"
            + choices
            + "}}");
    scenario.advance(Duration.ofSeconds(2));
    JsonNode bySpeech = scenario.callback(spoken, "RecognizeCompleted");
    assertThat(bySpeech.path("data").path("recognitionType").asString()).isEqualTo("choices");
    assertThat(bySpeech.path("data").path("choiceResult").path("label").asString())
        .isEqualTo("Support");
    assertThat(bySpeech.path("data").path("choiceResult").path("recognizedPhrase").asString())
        .isEqualTo("help");

    String pressed =
        scenario.answeredCall("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}]", "");
    scenario.action(
        pressed,
        ":recognize",
        "{\"recognizeInputType\":\"choices\",\"recognizeOptions\":{\"targetParticipant\":"
            + caller()
            + choices
            + "}}");
    scenario.advance(Duration.ofSeconds(2));
    JsonNode byTone = scenario.callback(pressed, "RecognizeCompleted");
    assertThat(byTone.path("data").path("choiceResult").path("label").asString())
        .isEqualTo("Sales");
    assertThat(byTone.path("data").path("resultInformation").path("subCode").asInt())
        .isEqualTo(8533);
  }

  @Test
  void recognizeSpeech_reportsTheCallersSentence() throws Exception {
    String id =
        scenario.answeredCall(
            "\"utterances\":[{\"after\":\"PT2S\",\"text\":\"My order has not arrived\"}]", "");
    scenario.action(
        id,
        ":recognize",
        "{\"recognizeInputType\":\"speech\",\"recognizeOptions\":{\"targetParticipant\":"
            + caller()
            + "}}");
    scenario.advance(Duration.ofSeconds(3));

    JsonNode completed = scenario.callback(id, "RecognizeCompleted");
    assertThat(completed.path("data").path("recognitionType").asString()).isEqualTo("speech");
    assertThat(completed.path("data").path("speechResult").path("speech").asString())
        .isEqualTo("My order has not arrived");
  }

  @Test
  void playLoop_keepsPlayingUntilCancelAll_thenPlayCanceled() throws Exception {
    String id = scenario.answeredCall("", "");
    HttpResponse<String> play =
        scenario.action(
            id,
            ":play",
            "{\"playSources\":[{\"kind\":\"text\",\"text\":{\"text\":\"Please hold\",\"voiceName\":\"en-US-NancyNeural\"}}],\"playOptions\":{\"loop\":true},\"operationContext\":\"hold-music\"}");
    assertThat(play.statusCode()).isEqualTo(202);
    scenario.callback(id, "PlayStarted");
    scenario.advance(Duration.ofSeconds(30));

    assertThat(scenario.action(id, ":cancelAllMediaOperations", "{}").statusCode()).isEqualTo(202);

    JsonNode canceled = scenario.callback(id, "PlayCanceled");
    assertThat(canceled.path("data").path("operationContext").asString()).isEqualTo("hold-music");
    assertThat(canceled.path("data").path("resultInformation").path("subCode").asInt())
        .isEqualTo(8508);
    assertThat(types(id)).doesNotContain("Microsoft.Communication.PlayCompleted");
  }

  @Test
  void playText_completesAfterItPlayed() throws Exception {
    String id = scenario.answeredCall("", "");
    scenario.action(
        id,
        ":play",
        "{\"playSources\":[{\"kind\":\"text\",\"text\":{\"text\":\"Welcome to Contoso\"}}]}");
    scenario.callback(id, "PlayStarted");
    scenario.advance(Duration.ofSeconds(2));
    JsonNode completed = scenario.callback(id, "PlayCompleted");
    assertThat(completed.path("data").path("resultInformation").path("code").asInt())
        .isEqualTo(200);
  }

  @Test
  void playUnreachableFile_isPlayFailedWithTheSourceIndex_andTheDownloadIsJournaled()
      throws Exception {
    String id = scenario.answeredCall("", "");
    scenario.action(
        id,
        ":play",
        "{\"playSources\":[{\"kind\":\"text\",\"text\":{\"text\":\"Hi\"}},{\"kind\":\"file\",\"file\":{\"uri\":\"http://127.0.0.1:1/prompts/missing.wav\"}}]}");

    JsonNode failed = scenario.callback(id, "PlayFailed");
    assertThat(failed.path("data").path("failedPlaySourceIndex").asInt()).isEqualTo(1);
    assertThat(failed.path("data").path("resultInformation").path("subCode").asInt())
        .isEqualTo(8536);
    assertThat(
            scenario
                .fixture
                .emulator
                .journal()
                .after(0, e -> e.kind().equals("GET play source") && id.equals(e.callId()), 10))
        .hasSize(1);
  }

  @Test
  void continuousDtmf_reportsEveryToneWithASequence_untilStopped() throws Exception {
    String id = scenario.answeredCall("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"42\"}]", "");
    assertThat(
            scenario
                .action(
                    id,
                    ":startContinuousDtmfRecognition",
                    "{\"targetParticipant\":" + caller() + "}")
                .statusCode())
        .isEqualTo(200);
    scenario.advance(Duration.ofSeconds(2));

    JsonNode first = scenario.callback(id, "ContinuousDtmfRecognitionToneReceived");
    JsonNode second = scenario.callback(id, "ContinuousDtmfRecognitionToneReceived");
    assertThat(first.path("data").path("sequenceId").asInt()).isEqualTo(1);
    assertThat(first.path("data").path("tone").asString()).isEqualTo("four");
    assertThat(second.path("data").path("sequenceId").asInt()).isEqualTo(2);
    assertThat(second.path("data").path("tone").asString()).isEqualTo("two");

    scenario.action(
        id, ":stopContinuousDtmfRecognition", "{\"targetParticipant\":" + caller() + "}");
    scenario.callback(id, "ContinuousDtmfRecognitionStopped");
  }

  @Test
  void sendDtmfTones_andHold_reportTheirOutcome() throws Exception {
    String id = scenario.answeredCall("", "");
    HttpResponse<String> sent =
        scenario.action(
            id,
            ":sendDtmfTones",
            "{\"tones\":[\"one\",\"pound\"],\"targetParticipant\":"
                + caller()
                + ",\"operationContext\":\"dial\"}");
    assertThat(sent.statusCode()).isEqualTo(202);
    scenario.advance(Duration.ofSeconds(1));
    scenario.callback(id, "SendDtmfTonesCompleted");

    assertThat(
            scenario.action(id, ":hold", "{\"targetParticipant\":" + caller() + "}").statusCode())
        .isEqualTo(200);
    JsonNode held = scenario.callback(id, "ParticipantsUpdated");
    assertThat(held.path("data").path("participants").get(0).path("isOnHold").asBoolean()).isTrue();
    assertThat(
            scenario.action(id, ":unhold", "{\"targetParticipant\":" + caller() + "}").statusCode())
        .isEqualTo(200);
    assertThat(
            scenario
                .callback(id, "ParticipantsUpdated")
                .path("data")
                .path("participants")
                .get(0)
                .path("isOnHold")
                .asBoolean())
        .isFalse();
  }

  @Test
  void invalidRequests_are400NamingTheField_andUnknownCallsAre404() throws Exception {
    String id = scenario.answeredCall("", "");

    HttpResponse<String> silence = scenario.action(id, ":recognize", dtmfRecognize(2, "", 301, 2));
    HttpResponse<String> noSources = scenario.action(id, ":play", "{\"playSources\":[]}");
    HttpResponse<String> stranger =
        scenario.action(
            id,
            ":recognize",
            "{\"recognizeInputType\":\"dtmf\",\"recognizeOptions\":{\"targetParticipant\":{\"kind\":\"phoneNumber\",\"phoneNumber\":{\"value\":\"+14255550999\"}}}}");
    HttpResponse<String> badTone =
        scenario.action(
            id,
            ":sendDtmfTones",
            "{\"tones\":[\"eleven\"],\"targetParticipant\":" + caller() + "}");
    HttpResponse<String> unknown =
        scenario.action(
            "no-such-call",
            ":play",
            "{\"playSources\":[{\"kind\":\"text\",\"text\":{\"text\":\"x\"}}]}");

    assertThat(silence.statusCode()).isEqualTo(400);
    assertThat(AcsAuthenticationTest.error(silence).path("target").asString())
        .isEqualTo("recognizeOptions.initialSilenceTimeoutInSeconds");
    assertThat(noSources.statusCode()).isEqualTo(400);
    assertThat(AcsAuthenticationTest.error(noSources).path("message").asString())
        .contains("playSources");
    assertThat(stranger.statusCode()).isEqualTo(400);
    assertThat(AcsAuthenticationTest.error(stranger).path("message").asString())
        .contains("not in the call");
    assertThat(badTone.statusCode()).isEqualTo(400);
    assertThat(unknown.statusCode()).isEqualTo(404);
  }

  private static List<String> tones(JsonNode event) {
    List<String> tones = new ArrayList<>();
    event.path("data").path("dtmfResult").path("tones").forEach(t -> tones.add(t.asString()));
    return tones;
  }

  private static List<String> types(String id) {
    List<String> types = new ArrayList<>();
    for (var request : scenario.app.all()) {
      JsonNode event = io.tandem.emulator.http.Json.parse(request.body()).get(0);
      if (event.path("data").path("callConnectionId").asString().equals(id)) {
        types.add(event.path("type").asString());
      }
    }
    return types;
  }
}
