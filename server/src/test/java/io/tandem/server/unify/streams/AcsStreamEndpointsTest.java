package io.tandem.server.unify.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.acs.streams.MediaStreamStats;
import io.tandem.acs.streams.StreamFrame.ResultStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The ACS stream endpoints over real WebSockets on loopback, with the emulator's ACS callback
 * authority as the token issuer: valid streams reach the sinks; handshakes without a valid token or
 * a call connection id are refused before the upgrade; bad frames are counted and end only their
 * own connection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AcsStreamEndpointsTest {

  private static final Duration BOUND = Duration.ofSeconds(10);

  private EmulatedAcs acs;
  private StreamsServer server;
  private URI transcription;
  private URI media;

  @BeforeAll
  void start() throws Exception {
    acs = new EmulatedAcs();
    server =
        new StreamsServer(
            acs.validator(),
            "tandem.acs.streams.max-refused-frames=3",
            "tandem.acs.streams.max-frame-chars=16384");
    transcription = server.url(AcsStreamsConfiguration.TRANSCRIPTION_PATH);
    media = server.url(AcsStreamsConfiguration.MEDIA_PATH);
  }

  @AfterAll
  void stop() {
    server.close();
    acs.close();
  }

  private String[] headers(String callConnectionId) {
    return new String[] {
      "Authorization",
      "Bearer " + acs.token(),
      "x-ms-call-connection-id",
      callConnectionId,
      "x-ms-call-correlation-id",
      UUID.randomUUID().toString()
    };
  }

  @Test
  void transcription_withAValidToken_reachesTheSink_inOrder_andCloses() throws Exception {
    String call = UUID.randomUUID().toString();
    double before = server.counter("tandem.acs.stream.frames", "kind", "TranscriptionData");
    try (StreamClient client = StreamClient.open(transcription, headers(call))) {
      await().atMost(BOUND).until(() -> server.gauge("transcription") >= 1);
      client.send(Frames.transcriptionMetadata(call, "en-US"));
      client.send(Frames.transcriptionData("I would like", ResultStatus.INTERMEDIATE, 0));
      client.send(Frames.transcriptionData("I would like to pay", ResultStatus.FINAL, 0));
    }
    await()
        .atMost(BOUND)
        .untilAsserted(
            () ->
                assertThat(server.sink.calls)
                    .containsSubsequence(
                        "metadata " + call + " en-US",
                        "segment " + call + " INTERMEDIATE I would like",
                        "segment " + call + " FINAL I would like to pay",
                        "closed " + call));
    assertThat(server.counter("tandem.acs.stream.frames", "kind", "TranscriptionData"))
        .isEqualTo(before + 2);
  }

  @Test
  void media_audioAndDtmf_reachTheSink_andAreCountedWhileOpen() throws Exception {
    String call = UUID.randomUUID().toString();
    long audioBefore = server.sink.audioFrames.get();
    try (StreamClient client = StreamClient.open(media, headers(call))) {
      client.send(Frames.audioMetadata());
      for (int i = 0; i < 50; i++) {
        client.send(Frames.audioData(i * 20, "4:+14255550123", i % 5 == 0));
      }
      client.send("{\"kind\":\"DtmfData\",\"dtmfData\":{\"data\":\"5\"}}");
      await().atMost(BOUND).until(() -> server.sink.calls.contains("dtmf " + call + " 5"));
      OpenStreams open = server.context.getBean("acsMediaStreams", OpenStreams.class);
      MediaStreamStats.Snapshot stats = open.mediaStats(call).getFirst();
      assertThat(stats.frames()).isEqualTo(50);
      assertThat(stats.bytes()).isEqualTo(50 * 640);
      assertThat(stats.silentFrames()).isEqualTo(10);
      assertThat(stats.longestGap()).isEqualTo(Duration.ofMillis(20));
      assertThat(stats.participants()).containsExactly("4:+14255550123");
    }
    await().atMost(BOUND).until(() -> server.sink.calls.contains("closed " + call));
    assertThat(server.sink.calls).contains("opened " + call + " 16000");
    assertThat(server.sink.audioFrames.get() - audioBefore).isEqualTo(50);
  }

  @Test
  void handshake_withoutAValidToken_is401_beforeTheUpgrade() throws Exception {
    double before = server.counter("tandem.acs.stream.rejected", "reason", "unauthorized");
    String call = UUID.randomUUID().toString();
    assertThat(StreamClient.refusal(transcription, "x-ms-call-connection-id", call)).isEqualTo(401);
    assertThat(
            StreamClient.refusal(
                media,
                "Authorization",
                "Bearer " + acs.tokenOfAnotherAuthority(),
                "x-ms-call-connection-id",
                call))
        .isEqualTo(401);
    assertThat(
            StreamClient.refusal(
                transcription,
                "Authorization",
                "Bearer " + acs.tokenForAnotherResource(),
                "x-ms-call-connection-id",
                call))
        .isEqualTo(401);
    assertThat(
            StreamClient.refusal(
                transcription,
                "Authorization",
                "Bearer not.a-jwt",
                "x-ms-call-connection-id",
                call))
        .isEqualTo(401);
    assertThat(
            StreamClient.refusal(
                transcription,
                "Authorization",
                "Basic " + Base64.getEncoder().encodeToString("a:b".getBytes()),
                "x-ms-call-connection-id",
                call))
        .isEqualTo(401);
    assertThat(server.counter("tandem.acs.stream.rejected", "reason", "unauthorized"))
        .isEqualTo(before + 5);
    assertThat(server.sink.calls).noneMatch(line -> line.contains(call));
  }

  @Test
  void handshake_withoutACallConnectionId_is400() throws Exception {
    assertThat(StreamClient.refusal(media, "Authorization", "Bearer " + acs.token()))
        .isEqualTo(400);
    assertThat(
            StreamClient.refusal(
                transcription,
                "Authorization",
                "Bearer " + acs.token(),
                "x-ms-call-connection-id",
                "has spaces in it"))
        .isEqualTo(400);
    assertThat(server.counter("tandem.acs.stream.rejected", "reason", "no-call-connection-id"))
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void badFrames_areCounted_andTheNthClosesOnlyThatConnectionWith1007() throws Exception {
    String bad = UUID.randomUUID().toString();
    String good = UUID.randomUUID().toString();
    double malformed = server.counter("tandem.acs.stream.rejected", "reason", "malformed");
    try (StreamClient healthy = StreamClient.open(transcription, headers(good));
        StreamClient broken = StreamClient.open(transcription, headers(bad))) {
      healthy.send(Frames.transcriptionMetadata(good, "de-DE"));
      broken.send("{\"kind\":");
      broken.send(Frames.transcriptionMetadata(bad, "en-US"));
      broken.send("{\"kind\":\"TranscriptionData\",\"transcriptionData\":{}}");
      broken.send(Frames.audioData(0, null, true));
      assertThat(broken.closeCode()).isEqualTo(1007);
      healthy.send(Frames.transcriptionData("still here", ResultStatus.FINAL, 0));
      await()
          .atMost(BOUND)
          .until(() -> server.sink.calls.contains("segment " + good + " FINAL still here"));
      assertThat(healthy.isOpen()).isTrue();
    }
    assertThat(server.counter("tandem.acs.stream.rejected", "reason", "malformed"))
        .isEqualTo(malformed + 2);
    assertThat(server.counter("tandem.acs.stream.rejected", "reason", "wrong-kind"))
        .isGreaterThanOrEqualTo(1);
    await().atMost(BOUND).until(() -> server.sink.calls.contains("closed " + bad));
    assertThat(server.sink.calls)
        .contains("metadata " + bad + " en-US")
        .noneMatch(line -> line.startsWith("segment " + bad));
  }

  @Test
  void aFailingSink_isCounted_andTheStreamGoesOn() throws Exception {
    String call = UUID.randomUUID().toString();
    try (StreamClient client = StreamClient.open(transcription, headers(call))) {
      client.send(Frames.transcriptionMetadata(call, "en-US"));
      client.send(Frames.transcriptionData("explode", ResultStatus.FINAL, 0));
      client.send(Frames.transcriptionData("after", ResultStatus.FINAL, 10));
      await()
          .atMost(BOUND)
          .until(() -> server.sink.calls.contains("segment " + call + " FINAL after"));
      assertThat(client.isOpen()).isTrue();
    }
    assertThat(server.counter("tandem.acs.stream.rejected", "reason", "sink-failed"))
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void aFrameInPieces_isJoined_andOneLargerThanTheLimit_isRefusedUnread() throws Exception {
    String call = UUID.randomUUID().toString();
    try (StreamClient client = StreamClient.open(transcription, headers(call))) {
      client.send(Frames.transcriptionMetadata(call, "en-US"));
      String words = "word ".repeat(2000).strip();
      client.sendInPieces(Frames.transcriptionData(words, ResultStatus.FINAL, 0), 3000);
      client.send(Frames.transcriptionData("x".repeat(20_000), ResultStatus.FINAL, 0));
      client.sendInPieces(
          Frames.transcriptionData("y".repeat(20_000), ResultStatus.FINAL, 0), 4000);
      client.send(Frames.transcriptionData("small", ResultStatus.FINAL, 0));
      await()
          .atMost(BOUND)
          .until(() -> server.sink.calls.contains("segment " + call + " FINAL small"));
      assertThat(server.sink.segments)
          .anyMatch(segment -> segment.text().equals(words))
          .noneMatch(
              segment -> segment.text().startsWith("xxx") || segment.text().startsWith("yyy"));
      assertThat(server.counter("tandem.acs.stream.rejected", "reason", "too-large"))
          .isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void binaryFrames_closeTheConnectionWith1003() throws Exception {
    String call = UUID.randomUUID().toString();
    try (StreamClient client = StreamClient.open(media, headers(call))) {
      client.sendBinary(new byte[] {1, 2, 3});
      assertThat(client.closeCode()).isEqualTo(1003);
    }
    assertThat(server.counter("tandem.acs.stream.rejected", "reason", "binary")).isEqualTo(1);
  }

  @Test
  void aPlainHttpRequest_isNotAnUpgrade() throws Exception {
    HttpResponse<String> plain =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:" + server.port + AcsStreamsConfiguration.MEDIA_PATH))
                    .header("Authorization", "Bearer " + acs.token())
                    .header("x-ms-call-connection-id", "c1")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(plain.statusCode()).isEqualTo(400);
  }
}
