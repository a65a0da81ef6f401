package io.tandem.server.prompts;

import static io.tandem.server.prompts.AudioClient.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.tandem.core.flow.Prompt;
import io.tandem.media.audio.Goertzel;
import io.tandem.media.audio.PcmAudio;
import io.tandem.media.prompts.DefaultPrompts;
import io.tandem.media.speech.EspeakNgSpeech;
import io.tandem.media.speech.SpeechException;
import io.tandem.media.wav.WavEncoding;
import io.tandem.media.wav.WavReader;
import io.tandem.media.wav.WavWriter;
import io.tandem.server.testing.Http;
import io.tandem.server.testing.RunningServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The prompt endpoints of a running server, over real HTTP, with the real espeak-ng. */
class PromptEndpointsTest {

  @TempDir static Path root;
  private static Path operatorPrompts;
  private static RunningServer server;

  @BeforeAll
  static void start() throws Exception {
    operatorPrompts = Files.createDirectories(root.resolve("prompts"));
    Files.write(root.resolve("secret.wav"), tone(1000, 8000, Duration.ofSeconds(1)));
    Files.write(operatorPrompts.resolve("welcome.wav"), tone(600, 8000, Duration.ofMillis(1500)));
    Files.write(operatorPrompts.resolve("holiday.wav"), tone(800, 16000, Duration.ofSeconds(2)));
    Files.writeString(operatorPrompts.resolve("broken.wav"), "not a wav");
    server =
        RunningServer.start(
            root,
            "--tandem.prompts.directory=" + operatorPrompts,
            "--tandem.prompts.cache-directory=" + root.resolve("cache"),
            "--tandem.prompts.public-base-url=https://tandem.example.com");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void defaultPrompt_isA16KilohertzWavWithLengthEtagAndCaching() {
    HttpResponse<byte[]> response = get("/prompts/please-hold.wav");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "Content-Type")).isEqualTo("audio/wav");
    assertThat(header(response, "Content-Length"))
        .isEqualTo(Integer.toString(response.body().length));
    assertThat(header(response, "ETag")).matches("\"[0-9a-f]{32}\"");
    assertThat(header(response, "Cache-Control")).contains("max-age=300").contains("public");
    PcmAudio served = WavReader.read(response.body());
    PcmAudio shipped = DefaultPrompts.audio("please-hold").orElseThrow();
    assertThat(served.sampleRate()).isEqualTo(16000);
    assertThat(served.samples().length).isEqualTo(2 * shipped.samples().length);
  }

  @Test
  void defaultPrompt_withItsEtag_isNotModified() {
    String etag = header(get("/prompts/goodbye.wav"), "ETag");

    HttpResponse<byte[]> again =
        AudioClient.get(
            server.base().resolve("/prompts/goodbye.wav"), Map.of("If-None-Match", etag));

    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void musicOnHold_isServed() {
    HttpResponse<byte[]> response = get("/prompts/music-on-hold.wav");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(WavReader.read(response.body()).duration()).isEqualTo(Duration.ofSeconds(24));
  }

  @Test
  void operatorPrompt_takesPrecedenceOverTheDefault() {
    PcmAudio served = WavReader.read(get("/prompts/welcome.wav").body());

    assertThat(served.sampleRate()).isEqualTo(16000);
    assertThat(served.duration()).isEqualTo(Duration.ofMillis(1500));
    assertThat(Goertzel.power(served.samples(), 600, 16000))
        .isGreaterThan(100 * Goertzel.power(served.samples(), 900, 16000));
  }

  @Test
  void operatorPrompt_ofItsOwnName_isServed_andReplacingItChangesWhatIsServed() throws Exception {
    HttpResponse<byte[]> before = get("/prompts/holiday.wav");
    assertThat(WavReader.read(before.body()).duration()).isEqualTo(Duration.ofSeconds(2));

    Path file = operatorPrompts.resolve("holiday.wav");
    Files.write(file, tone(800, 16000, Duration.ofSeconds(3)));
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
    HttpResponse<byte[]> after = get("/prompts/holiday.wav");

    assertThat(WavReader.read(after.body()).duration()).isEqualTo(Duration.ofSeconds(3));
    assertThat(header(after, "ETag")).isNotEqualTo(header(before, "ETag"));
  }

  @Test
  void operatorPrompt_thatIsNoWav_isA500NamingTheFile() {
    Http.Answer answer = server.http().get("/prompts/broken.wav");

    assertThat(answer.status()).isEqualTo(500);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    assertThat(answer.json().path("detail").asString()).contains("broken.wav").contains("RIFF");
  }

  @Test
  void unknownPrompt_is404Problem() {
    Http.Answer answer = server.http().get("/prompts/no-such-prompt.wav");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    assertThat(answer.json().path("field").asString()).isEqualTo("name");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/prompts/..%2Fsecret.wav",
        "/prompts/..%2F..%2Fsecret.wav",
        "/prompts/%2e%2e%2fsecret.wav",
        "/prompts/..%5Csecret.wav",
        "/prompts/%2e%2e/secret.wav",
        "/prompts/..;/secret.wav",
        "/prompts/.wav",
        "/prompts/..wav",
        "/prompts/a.b.wav",
        "/prompts/%00welcome.wav",
        "/prompts/tts/..%2F..%2Fsecret.wav"
      })
  void pathTraversal_isRefused(String path) {
    HttpResponse<byte[]> response = AudioClient.get(URI.create(server.base() + path));

    assertThat(response.statusCode()).isIn(400, 404);
    assertThat(header(response, "Content-Type")).doesNotContain("audio");
  }

  @Test
  void textPrompt_isRenderedByEspeakNgAndServed() throws Exception {
    assumeEspeakNg();
    URI uri =
        server
            .bean(PromptCatalog.class)
            .uriOf(Prompt.text("Thank you for waiting. An agent will be with you shortly."), "en");
    assertThat(uri.toString())
        .matches("https://tandem\\.example\\.com/prompts/tts/[0-9a-f]{64}\\.wav");

    HttpResponse<byte[]> response = get(uri.getPath());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "Content-Type")).isEqualTo("audio/wav");
    assertThat(header(response, "Content-Length"))
        .isEqualTo(Integer.toString(response.body().length));
    assertThat(header(response, "Cache-Control")).contains("immutable");
    assertThat(header(response, "ETag")).contains(uri.getPath().substring(13, 77));
    PcmAudio audio = WavReader.read(response.body());
    assertThat(audio.sampleRate()).isEqualTo(16000);
    assertThat(audio.duration()).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(8));
    assertThat(rms(audio.samples())).isGreaterThan(500);
  }

  @Test
  void textPrompt_neverRegistered_is404() {
    assertThat(get("/prompts/tts/" + "ab".repeat(32) + ".wav").statusCode()).isEqualTo(404);
    assertThat(get("/prompts/tts/hello.wav").statusCode()).isEqualTo(404);
  }

  @Test
  void health_saysTextToSpeechIsUp() {
    assumeEspeakNg();
    Health health = server.bean(TextToSpeechHealth.class).health();

    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("engine", "espeak-ng");
  }

  private static HttpResponse<byte[]> get(String path) {
    return AudioClient.get(server.base().resolve(path));
  }

  private static void assumeEspeakNg() {
    boolean installed;
    try {
      EspeakNgSpeech.installed().check();
      installed = true;
    } catch (SpeechException e) {
      installed = false;
    }
    assumeThat(installed).as("espeak-ng is installed (apt-get install -y espeak-ng)").isTrue();
  }

  static byte[] tone(double frequency, int rate, Duration length) {
    short[] samples = new short[(int) (length.toMillis() * rate / 1000)];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (short) (8000 * Math.sin(2 * Math.PI * frequency * i / rate));
    }
    return WavWriter.toBytes(new PcmAudio(rate, samples), WavEncoding.PCM16);
  }

  private static double rms(short[] samples) {
    double sum = 0;
    for (short sample : samples) {
      sum += (double) sample * sample;
    }
    return Math.sqrt(sum / samples.length);
  }
}
