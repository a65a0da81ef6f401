package io.tandem.server.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tandem.core.flow.Prompt;
import io.tandem.media.speech.CachedSpeech;
import io.tandem.media.speech.SpeechException;
import io.tandem.media.wav.WavReader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PromptCatalogTest {

  private static final String BASE = "https://tandem.example.com/cc";

  @TempDir Path cache;

  private final ToneSpeech engine = ToneSpeech.working();
  private SpokenPrompts spoken;
  private PromptCatalog catalog;

  private PromptCatalog catalog(ToneSpeech speech) {
    spoken = new SpokenPrompts(new CachedSpeech(speech, cache, 10_000_000));
    return new PromptCatalog(BASE, spoken);
  }

  @AfterEach
  void stopRendering() {
    if (spoken != null) {
      spoken.close();
    }
  }

  @ParameterizedTest
  @CsvSource({
    "prompt:music-on-hold, https://tandem.example.com/cc/prompts/music-on-hold.wav",
    "prompt:Holiday_2026, https://tandem.example.com/cc/prompts/Holiday_2026.wav",
    "prompts/welcome.wav, https://tandem.example.com/cc/prompts/welcome.wav",
    "/prompts/welcome.wav, https://tandem.example.com/cc/prompts/welcome.wav",
    "welcome.wav, https://tandem.example.com/cc/prompts/welcome.wav",
    "https://cdn.contoso.com/beep.wav, https://cdn.contoso.com/beep.wav",
    "http://media.local:8000/x/y.wav?v=2, http://media.local:8000/x/y.wav?v=2"
  })
  void uriOf_file(String reference, String expected) {
    assertThat(catalog(engine).uriOf(Prompt.file(reference), "en")).isEqualTo(URI.create(expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "prompt:",
        "prompt:../secret",
        "prompt:a/b",
        "prompt:welcome.wav",
        "prompts/../../etc/passwd.wav",
        "prompts/sub/x.wav",
        "prompts/welcome.mp3",
        "file:///etc/passwd",
        "ftp://example.com/x.wav",
        "https:///nohost.wav",
        "not a uri.wav"
      })
  void uriOf_rejectsWhatCannotBeServedSafely(String reference) {
    assertThatThrownBy(() -> catalog(engine).uriOf(Prompt.file(reference), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(reference);
  }

  @Test
  void uriOf_text_isAStableHashUrlAndRendersAtOnce() {
    PromptCatalog catalog = catalog(engine);

    URI first = catalog.uriOf(Prompt.text("Your call is important to us"), "en");
    URI again = catalog.uriOf(Prompt.text("Your call is important to us"), "en");

    assertThat(first.toString()).matches(BASE + "/prompts/tts/[0-9a-f]{64}\\.wav");
    assertThat(again).isEqualTo(first);
    await().atMost(Duration.ofSeconds(5)).until(() -> engine.renderings() == 1);
  }

  @Test
  void uriOf_text_ownLanguageWinsOverTheInteractions() {
    PromptCatalog catalog = catalog(engine);

    URI german = catalog.uriOf(new Prompt.Text("Hallo", "de"), "en");

    assertThat(german).isEqualTo(catalog.uriOf(new Prompt.Text("Hallo", null), "de"));
    assertThat(german).isNotEqualTo(catalog.uriOf(new Prompt.Text("Hallo", null), "en"));
  }

  @Test
  void uriOf_blankText_isRefused() {
    assertThatThrownBy(() -> catalog(engine).uriOf(Prompt.text("  "), "en"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void wav_registeredText_isServedAtSixteenKilohertz() throws Exception {
    URI uri = catalog(engine).uriOf(Prompt.text("Hello"), null);
    String id = idOf(uri);

    byte[] wav = spoken.wav(id).orElseThrow();

    assertThat(WavReader.read(wav).sampleRate()).isEqualTo(16000);
    assertThat(WavReader.read(wav).duration()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void wav_unknownOrMalformedId_isEmpty() throws Exception {
    catalog(engine);
    assertThat(spoken.wav("0".repeat(64))).isEmpty();
    assertThat(spoken.wav("../../etc/passwd")).isEmpty();
    assertThat(engine.renderings()).isZero();
  }

  @Test
  void wav_engineMissing_isASpeechExceptionEveryTime() {
    ToneSpeech missing = ToneSpeech.missing();
    URI uri = catalog(missing).uriOf(Prompt.text("Hello"), null);

    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(() -> spoken.wav(idOf(uri)))
          .isInstanceOf(SpeechException.class)
          .hasMessageContaining("not installed");
    }
    assertThat(missing.renderings()).isBetween(2, 3);
  }

  @Test
  void announcement_positionThenExpectedWait() {
    PromptCatalog catalog = catalog(engine);

    assertThat(catalog.announcement(3, Duration.ofMinutes(5)))
        .extracting(URI::toString)
        .containsExactly(
            BASE + "/prompts/you-are-number.wav",
            BASE + "/prompts/3.wav",
            BASE + "/prompts/in-the-queue.wav",
            BASE + "/prompts/expected-wait.wav",
            BASE + "/prompts/5.wav",
            BASE + "/prompts/minutes.wav");
    assertThat(catalog.announcement(42, null))
        .extracting(URI::toString)
        .containsExactly(
            BASE + "/prompts/you-are-number.wav",
            BASE + "/prompts/40.wav",
            BASE + "/prompts/2.wav",
            BASE + "/prompts/in-the-queue.wav");
    assertThat(catalog.announcement(0, Duration.ofSeconds(20)))
        .as("the wait alone when the position is not announced")
        .extracting(URI::toString)
        .containsExactly(
            BASE + "/prompts/expected-wait.wav", BASE + "/prompts/less-than-a-minute.wav");
    assertThat(catalog.announcement(0, null)).isEmpty();
  }

  private static String idOf(URI uri) {
    String path = uri.getPath();
    return path.substring(path.lastIndexOf('/') + 1, path.length() - ".wav".length());
  }
}
