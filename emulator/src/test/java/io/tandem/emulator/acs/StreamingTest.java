package io.tandem.emulator.acs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.http.Json;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Media streaming and transcription over WebSockets to the application's transportUrl. */
class StreamingTest {

  private static final Duration WAIT = AcsScenario.WAIT;
  private static AcsScenario scenario;

  @BeforeAll
  static void start() throws Exception {
    scenario = new AcsScenario();
  }

  @AfterAll
  static void stop() {
    scenario.close();
  }

  @Test
  void transcription_sendsMetadata_thenIntermediateAndFinalResultsOfWhatTheCallerSays()
      throws Exception {
    try (TestWebSocketServer app = new TestWebSocketServer()) {
      String id =
          scenario.answeredCall(
              "\"utterances\":[{\"after\":\"PT2S\",\"text\":\"I would like to check my balance\"}]",
              ",\"transcriptionOptions\":{\"transportType\":\"websocket\",\"transportUrl\":\""
                  + app.url("/transcription")
                  + "\",\"locale\":\"en-US\",\"startTranscription\":true,\"enableIntermediateResults\":true}");
      Map<String, String> handshake = app.handshake(WAIT);
      assertThat(handshake.get("x-ms-call-connection-id")).isEqualTo(id);
      assertThat(handshake.get("x-ms-call-correlation-id")).isNotBlank();
      assertThat(handshake.get("authorization")).startsWith("Bearer ");
      JsonNode metadata = Json.parse(app.nextFrame(WAIT));
      assertThat(metadata.path("kind").asString()).isEqualTo("TranscriptionMetadata");
      assertThat(metadata.path("transcriptionMetadata").path("callConnectionId").asString())
          .isEqualTo(id);
      assertThat(metadata.path("transcriptionMetadata").path("locale").asString())
          .isEqualTo("en-US");
      scenario.callback(id, "TranscriptionStarted");

      scenario.advance(Duration.ofSeconds(5));

      JsonNode intermediate = Json.parse(app.nextFrame(WAIT)).path("transcriptionData");
      JsonNode last = Json.parse(app.nextFrame(WAIT)).path("transcriptionData");
      assertThat(intermediate.path("resultStatus").asString()).isEqualTo("Intermediate");
      assertThat(last.path("resultStatus").asString()).isEqualTo("Final");
      assertThat(last.path("text").asString()).isEqualTo("I would like to check my balance");
      assertThat(last.path("offset").asLong()).isEqualTo(20_000_000L);
      assertThat(last.path("words")).hasSize(7);
      assertThat(last.path("participantRawID").asString()).isEqualTo("4:" + AcsScenario.CALLER);

      assertThat(
              scenario
                  .action(id, ":stopTranscription", "{\"operationContext\":\"stop\"}")
                  .statusCode())
          .isEqualTo(202);
      JsonNode stopped = scenario.callback(id, "TranscriptionStopped");
      assertThat(
              stopped
                  .path("data")
                  .path("transcriptionUpdate")
                  .path("transcriptionStatus")
                  .asString())
          .isEqualTo("transcriptionStopped");
      assertThat(app.nextFrame(WAIT)).isEqualTo("<close>");
    }
  }

  @Test
  void mediaStreaming_sendsAudioEvery20Milliseconds_andDtmf() throws Exception {
    try (TestWebSocketServer app = new TestWebSocketServer()) {
      String id =
          scenario.answeredCall(
              "\"digits\":[{\"after\":\"PT1S\",\"digits\":\"7\"}]",
              ",\"mediaStreamingOptions\":{\"transportType\":\"websocket\",\"transportUrl\":\""
                  + app.url("/media")
                  + "\",\"contentType\":\"audio\",\"audioChannelType\":\"unmixed\",\"startMediaStreaming\":false,\"enableDtmfTones\":true}");
      assertThat(
              scenario
                  .action(id, ":startMediaStreaming", "{\"operationContext\":\"listen\"}")
                  .statusCode())
          .isEqualTo(202);
      JsonNode metadata = Json.parse(app.nextFrame(WAIT));
      assertThat(metadata.path("audioMetadata").path("sampleRate").asInt()).isEqualTo(16000);
      assertThat(metadata.path("audioMetadata").path("length").asInt()).isEqualTo(640);
      JsonNode started = scenario.callback(id, "MediaStreamingStarted");
      assertThat(
              started
                  .path("data")
                  .path("mediaStreamingUpdate")
                  .path("mediaStreamingStatus")
                  .asString())
          .isEqualTo("mediaStreamingStarted");
      assertThat(
              Json.parse(scenario.client.get("/calling/callConnections/" + id).body())
                  .path("mediaStreamingSubscription")
                  .path("state")
                  .asString())
          .isEqualTo("active");

      scenario.advance(Duration.ofMillis(100));
      JsonNode audio = Json.parse(app.nextFrame(WAIT));
      assertThat(audio.path("kind").asString()).isEqualTo("AudioData");
      assertThat(Base64.getDecoder().decode(audio.path("audioData").path("data").asString()))
          .hasSize(640);
      assertThat(audio.path("audioData").path("silent").asBoolean()).isTrue();
      for (int i = 0; i < 4; i++) {
        assertThat(Json.parse(app.nextFrame(WAIT)).path("kind").asString()).isEqualTo("AudioData");
      }
      scenario.advance(Duration.ofSeconds(1));
      boolean sawDtmf = false;
      for (int i = 0; i < 60 && !sawDtmf; i++) {
        JsonNode frame = Json.parse(app.nextFrame(WAIT));
        sawDtmf =
            frame.path("kind").asString().equals("DtmfData")
                && frame.path("dtmfData").path("data").asString().equals("7");
      }
      assertThat(sawDtmf).isTrue();

      scenario.client.delete("/calling/callConnections/" + id);
      String frame;
      do {
        frame = app.nextFrame(WAIT);
      } while (!frame.equals("<close>"));
    }
  }

  @Test
  void unreachableTransportUrl_isMediaStreamingFailed() throws Exception {
    String id =
        scenario.answeredCall(
            "",
            ",\"mediaStreamingOptions\":{\"transportType\":\"websocket\",\"transportUrl\":\"ws://127.0.0.1:1/media\",\"audioChannelType\":\"mixed\",\"startMediaStreaming\":true}");
    JsonNode failed = receivedEver(id, "MediaStreamingFailed");
    assertThat(
            failed
                .path("data")
                .path("mediaStreamingUpdate")
                .path("mediaStreamingStatusDetails")
                .asString())
        .isEqualTo("initialWebSocketConnectionFailed");
  }

  @Test
  void transcription_startInALocale_update_stop_eachOnceAndShownInTheCallConnection()
      throws Exception {
    try (TestWebSocketServer app = new TestWebSocketServer()) {
      String id =
          scenario.answeredCall(
              "",
              ",\"transcriptionOptions\":{\"transportType\":\"websocket\",\"transportUrl\":\""
                  + app.url("/transcription")
                  + "\",\"locale\":\"en-US\",\"startTranscription\":false}");
      assertThat(subscription(id, "transcriptionSubscription").path("state").asString())
          .isEqualTo("inactive");
      assertThat(updateTranscription(id, "de-DE").statusCode()).isEqualTo(400);

      assertThat(scenario.action(id, ":startTranscription", "{\"locale\":\"fr-FR\"}").statusCode())
          .isEqualTo(202);
      JsonNode metadata = Json.parse(app.nextFrame(WAIT)).path("transcriptionMetadata");
      assertThat(metadata.path("locale").asString()).isEqualTo("fr-FR");
      scenario.callback(id, "TranscriptionStarted");
      HttpResponse<String> again = scenario.action(id, ":startTranscription", "{}");
      assertThat(again.statusCode()).isEqualTo(400);
      assertThat(AcsAuthenticationTest.error(again).path("message").asString())
          .isEqualTo("Transcription is already active.");

      assertThat(updateTranscription(id, "de-DE").statusCode()).isEqualTo(202);
      JsonNode updated = scenario.callback(id, "TranscriptionUpdated").path("data");
      assertThat(updated.path("operationContext").asString()).isEqualTo("update");
      assertThat(updated.path("transcriptionUpdate").path("transcriptionStatus").asString())
          .isEqualTo("transcriptionUpdated");
      assertThat(updated.path("transcriptionUpdate").path("transcriptionStatusDetails").asString())
          .isEqualTo("transcriptionLocaleUpdated");
      JsonNode shown = subscription(id, "transcriptionSubscription");
      assertThat(shown.path("state").asString()).isEqualTo("active");
      assertThat(shown.path("locale").asString()).isEqualTo("de-DE");
      assertThat(shown.path("subscribedResultTypes").toString()).isEqualTo("[\"final\"]");

      assertThat(scenario.action(id, ":stopTranscription", "{}").statusCode()).isEqualTo(202);
      HttpResponse<String> stopAgain = scenario.action(id, ":stopTranscription", "{}");
      assertThat(stopAgain.statusCode()).isEqualTo(400);
      assertThat(AcsAuthenticationTest.error(stopAgain).path("message").asString())
          .isEqualTo("Transcription is not active.");
      assertThat(subscription(id, "transcriptionSubscription").path("state").asString())
          .isEqualTo("inactive");
    }
  }

  @Test
  void streamsWithoutOptions_areBadRequests_andNotShown() throws Exception {
    String id = scenario.answeredCall("", "");
    HttpResponse<String> media = scenario.action(id, ":startMediaStreaming", "{}");
    assertThat(media.statusCode()).isEqualTo(400);
    assertThat(AcsAuthenticationTest.error(media).path("target").asString())
        .isEqualTo("mediaStreamingOptions");
    assertThat(AcsAuthenticationTest.error(media).path("message").asString())
        .isEqualTo(
            "Media streaming needs mediaStreamingOptions when the call is answered or created.");
    HttpResponse<String> transcription = scenario.action(id, ":startTranscription", "{}");
    assertThat(AcsAuthenticationTest.error(transcription).path("target").asString())
        .isEqualTo("transcriptionOptions");
    HttpResponse<String> stop = scenario.action(id, ":stopMediaStreaming", "{}");
    assertThat(AcsAuthenticationTest.error(stop).path("message").asString())
        .isEqualTo("Media streaming is not active.");
    JsonNode call = Json.parse(scenario.client.get("/calling/callConnections/" + id).body());
    assertThat(call.has("mediaStreamingSubscription")).isFalse();
    assertThat(call.has("transcriptionSubscription")).isFalse();
  }

  private static HttpResponse<String> updateTranscription(String id, String locale)
      throws Exception {
    return scenario.action(
        id,
        ":updateTranscription",
        "{\"locale\":\"" + locale + "\",\"operationContext\":\"update\"}");
  }

  private static JsonNode subscription(String id, String field) throws Exception {
    return Json.parse(scenario.client.get("/calling/callConnections/" + id).body()).path(field);
  }

  /**
   * A callback of {@code type} for {@code callConnectionId} among everything the app received, even
   * one that arrived before CallConnected while {@code answeredCall} was waiting (streams start as
   * the call is answered, so MediaStreamingFailed may come first).
   */
  private JsonNode receivedEver(String callConnectionId, String type) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      for (var request : scenario.app.all()) {
        JsonNode event = Json.parse(request.body()).get(0);
        if (event.path("type").asString().equals("Microsoft.Communication." + type)
            && event.path("data").path("callConnectionId").asString().equals(callConnectionId)) {
          return event;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no " + type + " for " + callConnectionId);
  }
}
