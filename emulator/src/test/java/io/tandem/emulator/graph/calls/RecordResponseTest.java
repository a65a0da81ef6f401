package io.tandem.emulator.graph.calls;

import static io.tandem.emulator.graph.calls.GraphBot.assertGraphError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.http.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * recordResponse over HTTP: the documented request, running and completed shapes, the recording
 * served at its {@code recordingLocation} to the {@code recordingAccessToken} as a WAV of what the
 * caller's script said, the three ways a recording ends, and the rejects.
 */
class RecordResponseTest extends BotPerTest {

  private static final String TALKER =
      """
      {"from":"+14255559999","to":"+14255550100","patience":"PT1H",
       "utterances":[{"after":"PT2S","text":"my account number is four two"}]}""";

  @Test
  void recordResponse_runsUntilTheCallerFallsSilent_thenTheWavIsServedToTheToken()
      throws Exception {
    String calls = "/communications/calls/" + bot.incomingAnswered(TALKER);

    HttpResponse<String> started =
        bot.graph(
            "POST",
            calls + "/recordResponse",
            """
            {"clientContext":"account","maxRecordDurationInSeconds":10,
             "initialSilenceTimeoutInSeconds":5,"maxSilenceTimeoutInSeconds":2,
             "playBeep":true,"bargeInAllowed":true,"stopTones":["#"]}""");

    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    JsonNode running = Json.parse(started.body());
    String operation = calls + "/operations/" + running.path("id").asString();
    assertThat(running.path("@odata.type").asString())
        .isEqualTo("#microsoft.graph.recordOperation");
    assertThat(running.path("status").asString()).isEqualTo("running");
    assertThat(running.path("clientContext").asString()).isEqualTo("account");
    assertThat(running.path("resultInfo").isNull()).isTrue();
    assertThat(running.path("recordingLocation").isNull()).isTrue();
    assertThat(started.headers().firstValue("Location").orElseThrow()).endsWith(operation);

    bot.advance(Duration.ofMillis(5997));
    assertThat(operationStatus(operation)).isEqualTo("running");
    bot.advance(Duration.ofMillis(1));

    GraphBot.Notification done = bot.nextOn(operation);
    assertThat(done.changeType()).isEqualTo("deleted");
    JsonNode recorded = done.data();
    assertThat(recorded.path("status").asString()).isEqualTo("completed");
    assertThat(recorded.at("/resultInfo/code").asInt()).isEqualTo(200);
    assertThat(recorded.at("/resultInfo/subcode").asInt()).isEqualTo(8509);
    String location = recorded.path("recordingLocation").asString();
    String token = recorded.path("recordingAccessToken").asString();
    assertThat(location).startsWith(bot.fixture.emulator.httpBaseUrl() + "/emulator/graph/");
    assertThat(token).isNotBlank();
    assertThat(bot.journal("caller.said", callId(calls)))
        .extracting(e -> e.attributes().get("text"))
        .containsExactly("my account number is four two");

    HttpResponse<byte[]> wav = download(location, "Bearer " + token);
    assertThat(wav.statusCode()).isEqualTo(200);
    assertThat(wav.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
    assertThat(PromptLibrary.wavLength(wav.body())).hasValue(Duration.ofMillis(5998));
    ByteBuffer pcm = ByteBuffer.wrap(wav.body()).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(pcm.getInt(24)).as("sample rate").isEqualTo(16_000);
    assertThat(pcm.getShort(22)).as("channels").isEqualTo((short) 1);
    assertThat(loudness(pcm, 0.5, 1.5)).as("silence before the caller speaks").isZero();
    assertThat(loudness(pcm, 2.2, 3.8)).as("the caller speaking").isGreaterThan(1000);
    assertThat(loudness(pcm, 4.2, 5.9)).as("silence after").isZero();
  }

  @Test
  void documentedRequest_isAccepted_andTheCompletionHasTheDocumentedShape() throws Exception {
    String calls =
        "/communications/calls/"
            + bot.incomingAnswered(
                TALKER.replace(
                    "\"PT2S\",\"text\":\"my account number is four two\"",
                    "\"PT4S\",\"text\":\"" + "word ".repeat(30).trim() + "\""));
    String request =
        IncomingCallTest.fixture("record-response-request.json")
            .toString()
            .replace("https://cdn.contoso.com/beep.wav", bot.prompt("beep.wav"));

    String id = operationId(bot.graph("POST", calls + "/recordResponse", request));
    bot.advance(Duration.ofSeconds(3 + 10));

    GraphBot.Notification done = bot.nextOn(calls + "/operations/" + id);
    IncomingCallTest.assertSameShape(
        IncomingCallTest.fixture("record-operation-completed.json"), done.body(), "");
  }

  @Test
  void recording_isRefusedWithoutItsToken_andUnknownOnesAre404() throws Exception {
    String location =
        recorded("/communications/calls/" + bot.incomingAnswered(TALKER))
            .path("recordingLocation")
            .asString();

    assertGraphError(download(location, null), 401, "InvalidAuthenticationToken");
    assertGraphError(download(location, "Bearer wrong"), 401, "InvalidAuthenticationToken");
    assertGraphError(
        download(
            bot.fixture.emulator.httpBaseUrl() + "/emulator/graph/recordings/nope", "Bearer x"),
        404,
        "NotFound");
  }

  @Test
  void recording_isDiscardedFiveMinutesAfterTheCallEnds() throws Exception {
    String calls = "/communications/calls/" + bot.incomingAnswered(TALKER);
    JsonNode done = recorded(calls);
    String bearer = "Bearer " + done.path("recordingAccessToken").asString();
    String location = done.path("recordingLocation").asString();
    assertThat(bot.graph("DELETE", calls, null).statusCode()).isEqualTo(204);

    bot.advance(Duration.ofMinutes(4));
    assertThat(download(location, bearer).statusCode()).isEqualTo(200);
    bot.advance(Duration.ofMinutes(1));
    assertThat(download(location, bearer).statusCode()).isEqualTo(404);
  }

  @Test
  void qualifiedPath_aCallerWhoSaysNothing_failsAtTheInitialSilenceTimeout() throws Exception {
    String calls = "/communications/calls/" + bot.incomingAnswered(CALLER);

    String operation =
        bot.operation(
            calls + "/microsoft.graph.recordResponse",
            "{\"initialSilenceTimeoutInSeconds\":3,\"prompts\":[{\"mediaInfo\":{\"uri\":\""
                + bot.prompt("say-your-name.txt")
                + "\"}}]}");

    bot.advance(Duration.ofSeconds(3 + 3));

    JsonNode failed = bot.nextOn(operation).data();
    assertThat(failed.path("status").asString()).isEqualTo("failed");
    assertThat(failed.at("/resultInfo/code").asInt()).isEqualTo(400);
    assertThat(failed.at("/resultInfo/subcode").asInt()).isEqualTo(8510);
    assertThat(failed.path("recordingLocation").asString()).isEmpty();
    assertThat(failed.path("recordingAccessToken").asString()).isEmpty();
  }

  @Test
  void aCallerWhoKeepsTalking_isCutAtTheMaximum_withTheDocumentedResult() throws Exception {
    String calls =
        "/communications/calls/"
            + bot.incomingAnswered(
                TALKER.replace(
                    "my account number is four two", "one two three four five six seven eight"));
    String id =
        Json.parse(
                bot.graph("POST", calls + "/recordResponse", "{\"maxRecordDurationInSeconds\":3}")
                    .body())
            .path("id")
            .asString();

    bot.advance(Duration.ofSeconds(3));

    JsonNode done = bot.nextOn(calls + "/operations/" + id).data();
    assertThat(done.path("status").asString()).isEqualTo("completed");
    assertThat(done.path("resultInfo").toString())
        .isEqualTo(
            "{\"@odata.type\":\"#microsoft.graph.resultInfo\",\"code\":200,\"subcode\":8515,"
                + "\"message\":\"Action completed, max record duration reached.\"}");
    HttpResponse<byte[]> wav =
        download(
            done.path("recordingLocation").asString(),
            "Bearer " + done.path("recordingAccessToken").asString());
    assertThat(PromptLibrary.wavLength(wav.body())).hasValue(Duration.ofSeconds(3));
  }

  @Test
  void recordResponse_rejects() throws Exception {
    String callId = bot.dial(CALLER);
    String calls = "/communications/calls/" + callId;
    assertGraphError(bot.graph("POST", calls + "/recordResponse", "{}"), 409, "Conflict");
    bot.graph("POST", calls + "/answer", bot.answerBody());
    String prompt = "{\"mediaInfo\":{\"uri\":\"" + bot.prompt("a.wav") + "\"}}";

    assertGraphError(
        bot.graph(
            "POST", calls + "/recordResponse", "{\"prompts\":[" + prompt + "," + prompt + "]}"),
        400,
        "BadRequest");
    assertGraphError(
        bot.graph("POST", calls + "/recordResponse", "{\"maxRecordDurationInSeconds\":121}"),
        400,
        "BadRequest");
    assertGraphError(
        bot.graph("POST", calls + "/recordResponse", "{\"maxSilenceTimeoutInSeconds\":0}"),
        400,
        "BadRequest");
    assertGraphError(bot.graph("POST", calls + "/recordResponse", "[1]"), 400, "BadRequest");
    assertGraphError(
        bot.graph("POST", "/communications/calls/nope/recordResponse", "{}"), 404, "NotFound");
  }

  /** Records with the defaults on {@code calls} and waits for the finished recordOperation. */
  private JsonNode recorded(String calls) throws Exception {
    String id = operationId(bot.graph("POST", calls + "/recordResponse", "{}"));
    bot.advance(Duration.ofSeconds(10));
    return bot.nextOn(calls + "/operations/" + id).data();
  }

  private String operationStatus(String operation) throws Exception {
    return Json.parse(bot.graph("GET", operation, null).body()).path("status").asString();
  }

  private static String operationId(HttpResponse<String> reply) {
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
    return Json.parse(reply.body()).path("id").asString();
  }

  private static String callId(String calls) {
    return calls.substring(calls.lastIndexOf('/') + 1);
  }

  private HttpResponse<byte[]> download(String location, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(location)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return bot.fixture.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The largest sample magnitude between two times (seconds) of a 16 kHz PCM16 WAV. */
  private static int loudness(ByteBuffer wav, double fromSeconds, double toSeconds) {
    int loudest = 0;
    for (int i = (int) (fromSeconds * 16_000); i < (int) (toSeconds * 16_000); i++) {
      loudest = Math.max(loudest, Math.abs(wav.getShort(44 + 2 * i)));
    }
    return loudest;
  }
}
