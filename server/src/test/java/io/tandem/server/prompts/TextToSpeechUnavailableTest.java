package io.tandem.server.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.flow.Prompt;
import io.tandem.media.wav.WavReader;
import io.tandem.server.testing.Http;
import io.tandem.server.testing.RunningServer;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** A server whose espeak-ng cannot be found: it starts, serves recorded prompts, refuses text. */
class TextToSpeechUnavailableTest {

  @TempDir static Path root;
  private static RunningServer server;

  @BeforeAll
  static void start() {
    server =
        RunningServer.start(
            root,
            "--tandem.prompts.espeak-ng-command=" + root.resolve("no-espeak-ng-here"),
            "--tandem.prompts.directory=" + root.resolve("prompts"),
            "--tandem.prompts.cache-directory=" + root.resolve("cache"));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void recordedPrompts_areStillServed() {
    var response = AudioClient.get(server.base().resolve("/prompts/welcome.wav"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(WavReader.read(response.body()).sampleRate()).isEqualTo(16000);
  }

  @Test
  void textPrompt_is503ProblemSayingWhy() {
    URI uri = server.bean(PromptCatalog.class).uriOf(Prompt.text("Hello there"), "en");

    Http.Answer answer = server.http().get(uri.getPath());

    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    assertThat(answer.json().path("title").asString()).isEqualTo("Text-to-speech unavailable");
    assertThat(answer.json().path("detail").asString())
        .contains("cannot start")
        .contains("no-espeak-ng-here");
  }

  @Test
  void health_reportsTextToSpeechUnknown_andTheServerUp() {
    Health health = server.bean(TextToSpeechHealth.class).health();
    assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
    assertThat(health.getDetails())
        .containsEntry("reason", "ENGINE_MISSING")
        .hasEntrySatisfying(
            "error", error -> assertThat(error.toString()).contains("no-espeak-ng-here"));
    Http.Answer overall = server.http().get("/actuator/health");
    assertThat(overall.status()).isEqualTo(200);
    assertThat(overall.json().path("status").asString()).isEqualTo("UP");
  }
}
