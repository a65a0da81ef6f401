package io.tandem.emulator.acs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.RecordingWebhook;
import io.tandem.emulator.http.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A finished recording's file: announced by Event Grid as RecordingFileStatusUpdated once the
 * session ends (stopped or its call ended), downloaded from its {@code contentLocation} with a
 * signed request, with the caller's talk where it was said (paused spans left out), and deleted.
 */
class RecordingFilesTest {

  private static final String SAYS_AT_2S =
      "\"utterances\":[{\"after\":\"PT2S\",\"text\":\"one two three\"}]";

  private final AcsScenario scenario;

  RecordingFilesTest() throws Exception {
    scenario = new AcsScenario();
  }

  @AfterEach
  void close() {
    scenario.close();
  }

  private String startRecording(String callConnectionId) throws Exception {
    HttpResponse<String> started =
        scenario.client.post(
            "/calling/recordings",
            "{\"callConnectionId\":\""
                + callConnectionId
                + "\",\"recordingContentType\":\"audio\",\"recordingChannelType\":\"mixed\","
                + "\"recordingFormatType\":\"wav\"}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    return "/calling/recordings/"
        + URLEncoder.encode(
            Json.parse(started.body()).path("recordingId").asString(), StandardCharsets.UTF_8);
  }

  private JsonNode fileEvent() throws InterruptedException {
    scenario.advance(RecordingFiles.READY_AFTER);
    Predicate<RecordingWebhook.Received> wanted =
        request ->
            Json.parse(request.body())
                .get(0)
                .path("eventType")
                .asString()
                .equals("Microsoft.Communication.RecordingFileStatusUpdated");
    return Json.parse(scenario.eventGrid.next(wanted, AcsScenario.WAIT).body()).get(0);
  }

  private static String pathOf(String location) {
    return URI.create(location).getRawPath();
  }

  @Test
  void stoppedRecording_isAnnounced_andDownloads_withTheCallersTalkWhereItWasSaid()
      throws Exception {
    String call = scenario.answeredCall(SAYS_AT_2S, "");
    String serverCallId =
        Json.parse(scenario.client.get("/calling/callConnections/" + call).body())
            .path("serverCallId")
            .asString();
    String recording = startRecording(call);

    scenario.advance(Duration.ofSeconds(5));
    assertThat(scenario.client.delete(recording).statusCode()).isEqualTo(204);
    JsonNode event = fileEvent();

    assertThat(event.path("subject").asString()).endsWith("/serverCallId/" + serverCallId);
    JsonNode data = event.path("data");
    assertThat(data.path("recordingDurationMs").asLong()).isEqualTo(5000);
    assertThat(data.path("sessionEndReason").asString()).isEqualTo("StoppedByApplication");
    JsonNode chunk = data.path("recordingStorageInfo").path("recordingChunks").get(0);
    assertThat(chunk.path("index").asInt()).isZero();
    HttpResponse<byte[]> file =
        scenario.client.download(pathOf(chunk.path("contentLocation").asString()));
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.headers().firstValue("Content-Type")).hasValue("audio/wav");
    ByteBuffer wav = ByteBuffer.wrap(file.body()).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(wav.getInt(24)).as("sample rate").isEqualTo(16_000);
    assertThat(wav.getInt(40)).as("data bytes").isEqualTo(5 * 32_000);
    assertThat(loudness(wav, Duration.ofMillis(2100), Duration.ofMillis(2900))).isPositive();
    assertThat(loudness(wav, Duration.ofMillis(3100), Duration.ofMillis(4900))).isZero();
    assertThat(loudness(wav, Duration.ZERO, Duration.ofMillis(1900))).isZero();

    assertThat(
            scenario
                .client
                .send("DELETE", pathOf(chunk.path("deleteLocation").asString()), "")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            scenario.client.download(pathOf(chunk.path("contentLocation").asString())).statusCode())
        .isEqualTo(404);
  }

  @Test
  void theCallEnding_endsTheSession_andPausedTimeIsNotInTheFile() throws Exception {
    String call = scenario.answeredCall(SAYS_AT_2S, "");
    String recording = startRecording(call);
    scenario.advance(Duration.ofSeconds(1));
    assertThat(scenario.client.post(recording + ":pause", "").statusCode()).isEqualTo(202);
    scenario.advance(Duration.ofSeconds(2));
    assertThat(scenario.client.post(recording + ":resume", "").statusCode()).isEqualTo(202);
    scenario.advance(Duration.ofSeconds(1));

    assertThat(scenario.client.delete("/calling/callConnections/" + call).statusCode())
        .isEqualTo(204);
    JsonNode event = fileEvent();

    assertThat(event.path("data").path("recordingDurationMs").asLong()).isEqualTo(2000);
    assertThat(event.path("data").path("sessionEndReason").asString()).isEqualTo("CallEnded");
    JsonNode chunk = event.path("data").path("recordingStorageInfo").path("recordingChunks").get(0);
    HttpResponse<byte[]> file =
        scenario.client.download(pathOf(chunk.path("contentLocation").asString()));
    ByteBuffer wav = ByteBuffer.wrap(file.body()).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(wav.getInt(40)).isEqualTo(2 * 32_000);
    assertThat(loudness(wav, Duration.ZERO, Duration.ofMillis(1990)))
        .as("said while paused")
        .isZero();
  }

  @Test
  void download_unsignedOrUnknown_isRefused() throws Exception {
    String call = scenario.answeredCall("", "");
    String recording = startRecording(call);
    scenario.advance(Duration.ofSeconds(1));
    scenario.client.delete(recording);
    String content =
        pathOf(
            fileEvent()
                .path("data")
                .path("recordingStorageInfo")
                .path("recordingChunks")
                .get(0)
                .path("contentLocation")
                .asString());

    AcsClient stranger =
        new AcsClient(
            scenario.fixture.emulator.httpBaseUrl(),
            AcsAuthenticationTest.OTHER_KEY,
            scenario.fixture.clock::now);
    assertThat(stranger.download(content).statusCode()).isEqualTo(401);
    assertThat(scenario.client.raw("GET", content, "").statusCode()).isEqualTo(401);
    assertThat(scenario.client.download("/v1/objects/0-eus-d12-unknown/content/audio").statusCode())
        .isEqualTo(404);
    assertThat(scenario.client.download(content).statusCode()).isEqualTo(200);
  }

  /** The mean absolute sample of 16-bit mono PCM at 16 kHz between two offsets. */
  private static long loudness(ByteBuffer wav, Duration from, Duration to) {
    int first = 44 + (int) (from.toMillis() * 32);
    int last = 44 + (int) (to.toMillis() * 32);
    long sum = 0;
    for (int at = first; at < last; at += 2) {
      sum += Math.abs(wav.getShort(at));
    }
    return sum / Math.max(1, (last - first) / 2);
  }
}
