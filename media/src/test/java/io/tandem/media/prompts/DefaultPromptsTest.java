package io.tandem.media.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.media.audio.PcmAudio;
import io.tandem.media.wav.WavEncoding;
import io.tandem.media.wav.WavWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DefaultPromptsTest {

  @Test
  void names_holdEveryPromptTheBriefAsksFor() {
    assertThat(DefaultPrompts.names())
        .contains(
            "music-on-hold",
            "welcome",
            "please-hold",
            "all-agents-busy",
            "you-are-number",
            "in-the-queue",
            "expected-wait",
            "minutes",
            "minute",
            "less-than-a-minute",
            "goodbye",
            "leave-message-after-tone",
            "transferring",
            "invalid-choice",
            "no-input",
            "callback-confirmed",
            "30",
            "40",
            "50",
            "60")
        .doesNotHaveDuplicates();
    for (int n = 0; n <= 20; n++) {
      assertThat(DefaultPrompts.names()).contains(Integer.toString(n));
    }
  }

  @Test
  void everyPrompt_isA16BitNarrowbandWavThatIsNotSilent() {
    for (String name : DefaultPrompts.names()) {
      byte[] wav = DefaultPrompts.open(name).orElseThrow();
      PcmAudio audio = DefaultPrompts.audio(name).orElseThrow();

      assertThat(audio.sampleRate()).as(name).isEqualTo(8000);
      assertThat(wav)
          .as(name + " is 16-bit PCM as written")
          .isEqualTo(WavWriter.toBytes(audio, WavEncoding.PCM16));
      assertThat(audio.duration())
          .as(name)
          .isBetween(Duration.ofMillis(300), Duration.ofSeconds(30));
      assertThat(rms(audio.samples())).as(name).isGreaterThan(300);
    }
  }

  @Test
  void spokenPrompts_areShort() {
    for (String name : DefaultPrompts.names()) {
      if (!name.equals(DefaultPrompts.MUSIC_ON_HOLD)) {
        assertThat(DefaultPrompts.audio(name).orElseThrow().duration())
            .as(name)
            .isLessThan(Duration.ofSeconds(8));
      }
    }
  }

  @Test
  void musicOnHold_isExactlyWhatTheGeneratorMakes() {
    assertThat(DefaultPrompts.audio(DefaultPrompts.MUSIC_ON_HOLD)).contains(MusicOnHold.generate());
  }

  @ParameterizedTest
  @ValueSource(strings = {"nope", "", "../welcome", "WELCOME", "welcome.wav", "21"})
  void open_unknownName_isEmpty(String name) {
    assertThat(DefaultPrompts.exists(name)).isFalse();
    assertThat(DefaultPrompts.open(name)).isEmpty();
    assertThat(DefaultPrompts.audio(name)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "1, you-are-number 1 in-the-queue",
    "3, you-are-number 3 in-the-queue",
    "20, you-are-number 20 in-the-queue",
    "21, you-are-number 20 1 in-the-queue",
    "40, you-are-number 40 in-the-queue",
    "69, you-are-number 60 9 in-the-queue",
    "70, you-are-number 7 0 in-the-queue",
    "105, you-are-number 1 0 5 in-the-queue"
  })
  void position_composesNumberWordsThenDigits(int position, String names) {
    assertThat(DefaultPrompts.position(position)).containsExactly(names.split(" "));
  }

  @ParameterizedTest
  @CsvSource({
    "PT0S, expected-wait less-than-a-minute",
    "PT59S, expected-wait less-than-a-minute",
    "PT1M, expected-wait 1 minute",
    "PT1M29S, expected-wait 1 minute",
    "PT1M30S, expected-wait 2 minutes",
    "PT14M, expected-wait 14 minutes",
    "PT35M, expected-wait 30 5 minutes",
    "PT60M, expected-wait 60 minutes",
    "PT60M31S, expected-wait more-than 60 minutes",
    "PT5H, expected-wait more-than 60 minutes"
  })
  void expectedWait_roundsToMinutesWithinTheSet(Duration wait, String names) {
    assertThat(DefaultPrompts.expectedWait(wait)).containsExactly(names.split(" "));
  }

  @Test
  void announcements_nameOnlyPromptsThatExist() {
    for (int position = 1; position <= 250; position++) {
      assertThat(DefaultPrompts.names()).containsAll(DefaultPrompts.position(position));
    }
    for (int seconds = 0; seconds <= 4 * 3600; seconds += 7) {
      assertThat(DefaultPrompts.names())
          .containsAll(DefaultPrompts.expectedWait(Duration.ofSeconds(seconds)));
    }
  }

  @Test
  void announcements_rejectPositionsBelowOneAndNegativeWaits() {
    assertThatThrownBy(() -> DefaultPrompts.position(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DefaultPrompts.position(-3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DefaultPrompts.expectedWait(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void names_areImmutable() {
    List<String> names = DefaultPrompts.names();
    assertThatThrownBy(() -> names.add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  private static double rms(short[] samples) {
    double sum = 0;
    for (short sample : samples) {
      sum += (double) sample * sample;
    }
    return Math.sqrt(sum / samples.length);
  }
}
