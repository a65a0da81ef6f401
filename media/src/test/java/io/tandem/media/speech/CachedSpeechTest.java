package io.tandem.media.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.media.wav.WavReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachedSpeechTest {

  @TempDir Path directory;

  @Test
  void render_repeatedText_rendersOnceAndAnswersTheSameWav() throws Exception {
    CountingSpeech espeak = CountingSpeech.around(EspeakNgSpeech.installed());
    CachedSpeech cache = new CachedSpeech(espeak, directory, 10_000_000);

    byte[] first;
    try {
      first = cache.render("Please hold.", "en", 8000);
    } catch (SpeechException e) {
      org.junit.jupiter.api.Assumptions.abort("espeak-ng is not installed: " + e.getMessage());
      return;
    }
    byte[] second = cache.render("Please hold.", "en-US", 8000);

    assertThat(second).isEqualTo(first);
    assertThat(espeak.renderings()).isEqualTo(1);
    assertThat(WavReader.read(first).sampleRate()).isEqualTo(8000);
    assertThat(directory.resolve(cache.keyOf("Please hold.", "en", 8000) + ".wav")).exists();
  }

  @Test
  void directory_isCreatedWithTheFirstRendering() throws Exception {
    Path nested = directory.resolve("not/yet");
    CachedSpeech cache = new CachedSpeech(CountingSpeech.fake(10), nested, 10_000);
    assertThat(nested).doesNotExist();

    cache.render("Hello", null, 8000);

    assertThat(nested).isDirectory();
    assertThat(cache.cached(cache.keyOf("Hello", null, 8000))).isPresent();
  }

  @Test
  void render_afterRestart_readsTheDirectory() throws Exception {
    CountingSpeech before = CountingSpeech.fake(100);
    new CachedSpeech(before, directory, 10_000).render("Welcome", null, 16000);
    CountingSpeech after = CountingSpeech.fake(100);

    new CachedSpeech(after, directory, 10_000).render("Welcome", null, 16000);

    assertThat(before.renderings()).isEqualTo(1);
    assertThat(after.renderings()).isZero();
  }

  @Test
  void render_differentTextVoiceOrRate_rendersEach() throws Exception {
    CountingSpeech engine = CountingSpeech.fake(100);
    CachedSpeech cache = new CachedSpeech(engine, directory, 10_000);

    cache.render("Welcome", null, 8000);
    cache.render("Welcome", null, 16000);
    cache.render("Welcome", "de", 8000);
    cache.render("Welcome!", null, 8000);
    cache.render("Welcome", null, 8000);

    assertThat(engine.renderings()).isEqualTo(4);
    assertThat(
            Stream.of(
                    cache.keyOf("Welcome", null, 8000),
                    cache.keyOf("Welcome", null, 16000),
                    cache.keyOf("Welcome", "de", 8000),
                    cache.keyOf("Welcome!", null, 8000))
                .distinct())
        .hasSize(4)
        .allMatch(key -> key.matches("[0-9a-f]{64}"));
  }

  @Test
  void render_concurrentRequestsForOneText_renderOnce() throws Exception {
    CountingSpeech engine = CountingSpeech.gated(300);
    CachedSpeech cache = new CachedSpeech(engine, directory, 10_000);
    List<Future<byte[]>> answers = new ArrayList<>();
    try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 16; i++) {
        answers.add(callers.submit(() -> cache.render("All agents are busy", "en", 8000)));
      }
      assertThat(engine.started.await(5, TimeUnit.SECONDS)).isTrue();
      engine.release();
      for (Future<byte[]> answer : answers) {
        assertThat(answer.get(5, TimeUnit.SECONDS)).hasSize(300);
      }
    }
    assertThat(engine.renderings()).isEqualTo(1);
  }

  @Test
  void render_failure_isNotCachedAndTheNextRequestTriesAgain() throws Exception {
    CountingSpeech engine = CountingSpeech.fake(100).failingFirst(1);
    CachedSpeech cache = new CachedSpeech(engine, directory, 10_000);

    assertThatThrownBy(() -> cache.render("Goodbye", null, 8000))
        .isInstanceOf(SpeechException.class)
        .hasMessageContaining("scripted failure");
    assertThat(cache.cached(cache.keyOf("Goodbye", null, 8000))).isEmpty();

    assertThat(cache.render("Goodbye", null, 8000)).hasSize(100);
    assertThat(engine.renderings()).isEqualTo(2);
  }

  @Test
  void render_overTheLimit_deletesTheOldestRenderings() throws Exception {
    CountingSpeech engine = CountingSpeech.fake(1000);
    CachedSpeech cache = new CachedSpeech(engine, directory, 2500);
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      cache.render("text " + i, null, 8000);
      String key = cache.keyOf("text " + i, null, 8000);
      Files.setLastModifiedTime(
          directory.resolve(key + ".wav"),
          FileTime.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i)));
      keys.add(key);
    }

    assertThat(cache.cached(keys.get(0))).isEmpty();
    assertThat(cache.cached(keys.get(1))).isEmpty();
    assertThat(cache.cached(keys.get(2))).isPresent();
    assertThat(cache.cached(keys.get(3))).isPresent();
  }

  @Test
  void cached_rejectsKeysThatAreNoHash() throws Exception {
    CachedSpeech cache = new CachedSpeech(CountingSpeech.fake(10), directory, 10_000);
    Files.writeString(directory.resolve("secret.wav"), "not for you");

    assertThat(cache.cached("secret")).isEmpty();
    assertThat(cache.cached("../" + "a".repeat(64))).isEmpty();
    assertThat(cache.cached("A".repeat(64))).isEmpty();
  }

  @Test
  void rejects_blankTextUnsupportedRateAndNoSpace() throws Exception {
    CountingSpeech engine = CountingSpeech.fake(10);
    CachedSpeech cache = new CachedSpeech(engine, directory, 10_000);

    assertThatThrownBy(() -> cache.render("  ", null, 8000))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> cache.render("Hello", null, 44100))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CachedSpeech(engine, directory, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(engine.renderings()).isZero();
  }
}
