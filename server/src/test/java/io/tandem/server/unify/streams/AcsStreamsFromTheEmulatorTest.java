package io.tandem.server.unify.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.acs.streams.MediaStreamStats;
import io.tandem.acs.streams.StreamFrame.ResultStatus;
import io.tandem.acs.streams.StreamFrame.TranscriptionData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * End to end with the emulator as ACS: a PSTN caller dials the resource account, the application
 * answers with transcription and media streaming pointed at Tandem's endpoints, and the emulator
 * opens both WebSockets with its own callback token; what the caller says and presses arrives in
 * the sinks, and hanging up closes both streams.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AcsStreamsFromTheEmulatorTest {

  private static final Duration BOUND = Duration.ofSeconds(20);
  private static final Pattern CONTEXT =
      Pattern.compile("\"incomingCallContext\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern CALL_ID =
      Pattern.compile("\"callConnectionId\"\\s*:\\s*\"([^\"]+)\"");

  private EmulatedAcs acs;
  private StreamsServer server;
  private Webhook eventGrid;
  private Webhook callbacks;
  private SignedAcsClient client;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start() throws Exception {
    acs = new EmulatedAcs();
    server = new StreamsServer(acs.validator());
    eventGrid = new Webhook();
    callbacks = new Webhook();
    client =
        new SignedAcsClient(acs.emulator.httpBaseUrl(), EmulatedAcs.ACCESS_KEY, acs.clock::now);
    HttpResponse<String> subscribed =
        emulator(
            "PUT",
            "/emulator/acs/resources/" + EmulatedAcs.RESOURCE_ID + "/eventGrid",
            "{\"endpoint\":\"" + eventGrid.url("/incomingCall") + "\"}");
    assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(200);
  }

  @AfterAll
  void stop() {
    callbacks.close();
    eventGrid.close();
    server.close();
    acs.close();
  }

  @Test
  void whatTheCallerSaysAndPresses_reachesTheSinks_andHangingUpClosesBothStreams()
      throws Exception {
    HttpResponse<String> dialed =
        emulator(
            "POST",
            "/emulator/pstn/calls",
            "{\"from\":\""
                + EmulatedAcs.CALLER
                + "\",\"to\":\""
                + EmulatedAcs.SALES_NUMBER
                + "\",\"displayName\":\"Pat Caller\","
                + "\"utterances\":[{\"after\":\"PT2S\",\"text\":\"I would like to check my balance\"}],"
                + "\"digits\":[{\"after\":\"PT1S\",\"digits\":\"7\"}]}");
    assertThat(dialed.statusCode()).as(dialed.body()).isEqualTo(201);
    String incoming = eventGrid.next(body -> body.contains("IncomingCall"), BOUND);
    Matcher context = CONTEXT.matcher(incoming);
    assertThat(context.find()).isTrue();

    HttpResponse<String> answered =
        client.send(
            "POST",
            "/calling/callConnections:answer",
            "{\"incomingCallContext\":\""
                + context.group(1)
                + "\",\"callbackUri\":\""
                + callbacks.url("/callbacks")
                + "\",\"transcriptionOptions\":{\"transportType\":\"websocket\",\"transportUrl\":\""
                + server.url(AcsStreamsConfiguration.TRANSCRIPTION_PATH)
                + "\",\"locale\":\"en-US\",\"startTranscription\":true,\"enableIntermediateResults\":true},"
                + "\"mediaStreamingOptions\":{\"transportType\":\"websocket\",\"transportUrl\":\""
                + server.url(AcsStreamsConfiguration.MEDIA_PATH)
                + "\",\"contentType\":\"audio\",\"audioChannelType\":\"unmixed\","
                + "\"startMediaStreaming\":true,\"enableDtmfTones\":true}}");
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
    Matcher id = CALL_ID.matcher(answered.body());
    assertThat(id.find()).isTrue();
    String call = id.group(1);
    // The two streams start independently: their callbacks come in either order.
    String mediaStarted = "Microsoft.Communication.MediaStreamingStarted";
    String transcriptionStarted = "Microsoft.Communication.TranscriptionStarted";
    String first =
        callbacks.next(
            body -> body.contains(mediaStarted) || body.contains(transcriptionStarted), BOUND);
    String other = first.contains(mediaStarted) ? transcriptionStarted : mediaStarted;
    callbacks.next(body -> body.contains(other), BOUND);
    await()
        .atMost(BOUND)
        .until(
            () ->
                server.sink.calls.contains("metadata " + call + " en-US")
                    && server.sink.calls.contains("opened " + call + " 16000"));

    for (int i = 0; i < 50; i++) {
      acs.clock.advance(Duration.ofMillis(100));
    }

    await()
        .atMost(BOUND)
        .untilAsserted(
            () ->
                assertThat(server.sink.segments)
                    .extracting(TranscriptionData::status)
                    .containsExactly(ResultStatus.INTERMEDIATE, ResultStatus.FINAL));
    TranscriptionData last = server.sink.segments.getLast();
    assertThat(last.text()).isEqualTo("I would like to check my balance");
    assertThat(last.offsetTicks()).isEqualTo(20_000_000L);
    assertThat(last.words()).hasSize(7);
    assertThat(last.participantRawId()).isEqualTo("4:" + EmulatedAcs.CALLER);
    await().atMost(BOUND).until(() -> server.sink.calls.contains("dtmf " + call + " 7"));
    await().atMost(BOUND).until(() -> server.sink.audioFrames.get() >= 250);
    OpenStreams media = server.context.getBean("acsMediaStreams", OpenStreams.class);
    MediaStreamStats.Snapshot stats = media.mediaStats(call).getFirst();
    assertThat(stats.bytes()).isEqualTo(stats.frames() * 640);
    assertThat(stats.longestGap()).isEqualTo(Duration.ofMillis(20));
    assertThat(stats.silentFrames()).isLessThan(stats.frames());
    assertThat(stats.participants()).containsExactly("4:" + EmulatedAcs.CALLER);

    assertThat(client.send("DELETE", "/calling/callConnections/" + call, "").statusCode())
        .isEqualTo(204);
    await().atMost(BOUND).until(() -> server.sink.count("closed " + call) == 2);
    assertThat(server.gauge("transcription")).isZero();
    assertThat(server.gauge("media")).isZero();
    assertThat(server.counter("tandem.acs.stream.rejected", "reason", "malformed")).isZero();
  }

  private HttpResponse<String> emulator(String method, String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(acs.emulator.httpBaseUrl() + path))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
