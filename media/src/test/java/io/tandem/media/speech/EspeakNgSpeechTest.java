package io.tandem.media.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.tandem.media.audio.PcmAudio;
import io.tandem.media.wav.WavReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code espeak-ng} (Debian package {@code espeak-ng}; {@code .ci/run} installs it).
 */
class EspeakNgSpeechTest {

  private static final EspeakNgSpeech SPEECH = EspeakNgSpeech.installed();

  @TempDir Path scripts;

  @BeforeAll
  static void espeakNgIsInstalled() {
    boolean installed;
    try {
      SPEECH.check();
      installed = true;
    } catch (SpeechException e) {
      installed = false;
    }
    assumeThat(installed).as("espeak-ng is installed (apt-get install -y espeak-ng)").isTrue();
  }

  @Test
  void render_narrowband_isEightKilohertzMonoPcmWavOfSpeech() throws Exception {
    byte[] wav = SPEECH.render("Thank you for calling. Please hold.", "en", 8000);

    assertPcm16Mono(wav, 8000);
    PcmAudio audio = WavReader.read(wav);
    assertThat(audio.sampleRate()).isEqualTo(8000);
    assertThat(audio.duration()).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(5));
    assertThat(Signal.rms(audio.samples())).isGreaterThan(500);
    assertThat(Signal.peak(audio.samples())).isLessThan(32767);
  }

  @Test
  void render_wideband_isSixteenKilohertzOfTheSameLength() throws Exception {
    PcmAudio narrow = WavReader.read(SPEECH.render("Goodbye.", null, 8000));
    byte[] wav = SPEECH.render("Goodbye.", null, 16000);

    assertPcm16Mono(wav, 16000);
    PcmAudio wide = WavReader.read(wav);
    assertThat(wide.samples().length)
        .isBetween(2 * narrow.samples().length - 2, 2 * narrow.samples().length + 2);
    assertThat(Signal.rms(wide.samples())).isGreaterThan(500);
  }

  @Test
  void render_longerText_lastsLonger() throws Exception {
    Duration shortText = WavReader.read(SPEECH.render("Hello.", "en", 8000)).duration();
    Duration longText =
        WavReader.read(
                SPEECH.render(
                    "All of our agents are busy. Please stay on the line and we will answer"
                        + " your call in turn.",
                    "en",
                    8000))
            .duration();

    assertThat(shortText).isLessThan(Duration.ofMillis(1200));
    assertThat(longText).isGreaterThan(shortText.multipliedBy(4));
  }

  @Test
  void render_languageChoosesTheVoice() throws Exception {
    byte[] english = SPEECH.render("Guten Tag", "en", 8000);
    byte[] german = SPEECH.render("Guten Tag", "de-CH", 8000);

    assertThat(german).isNotEqualTo(english);
    assertThat(SPEECH.voiceFor("de-CH")).isEqualTo("de");
  }

  @Test
  void render_unknownLanguage_speaksWithTheDefaultVoice() throws Exception {
    assertThat(SPEECH.render("Hello", "tlh", 8000)).isEqualTo(SPEECH.render("Hello", null, 8000));
    assertThat(SPEECH.voiceFor("tlh")).isEqualTo("en-us");
  }

  @Test
  void render_textThatLooksLikeOptionsOrShell_isSpokenNotRun() throws Exception {
    Path marker = scripts.resolve("marker");
    String text = "--version -v de $(touch " + marker + ") `touch " + marker + "`; touch " + marker;

    PcmAudio audio = WavReader.read(SPEECH.render(text, "en", 8000));

    assertThat(audio.duration()).isGreaterThan(Duration.ofSeconds(2));
    assertThat(marker).doesNotExist();
  }

  @Test
  void render_rejectsBlankTextOversizedTextAndOtherRates() {
    assertThatThrownBy(() -> SPEECH.render(" \n", "en", 8000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blank");
    assertThatThrownBy(() -> SPEECH.render("", null, 8000))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SPEECH.render("x".repeat(5001), null, 8000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("5001");
    assertThatThrownBy(() -> SPEECH.render("Hello", null, 22050))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("22050");
    assertThatThrownBy(() -> SPEECH.render("Hello", null, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void missingExecutable_isEngineMissing() {
    EspeakNgSpeech missing =
        new EspeakNgSpeech(scripts.resolve("no-such-espeak").toString(), Duration.ofSeconds(5));

    assertThatThrownBy(() -> missing.render("Hello", null, 8000))
        .isInstanceOf(SpeechException.class)
        .hasMessageContaining("no-such-espeak")
        .extracting(e -> ((SpeechException) e).reason())
        .isEqualTo(SpeechException.Reason.ENGINE_MISSING);
    assertThatThrownBy(missing::check)
        .extracting(e -> ((SpeechException) e).reason())
        .isEqualTo(SpeechException.Reason.ENGINE_MISSING);
  }

  @Test
  void failingExecutable_isEngineFailedWithItsMessage() throws IOException {
    EspeakNgSpeech failing =
        new EspeakNgSpeech(script("echo 'no voices here' >&2; exit 3"), Duration.ofSeconds(5));

    assertThatThrownBy(() -> failing.render("Hello", null, 8000))
        .isInstanceOf(SpeechException.class)
        .hasMessageContaining("exited with 3")
        .hasMessageContaining("no voices here")
        .extracting(e -> ((SpeechException) e).reason())
        .isEqualTo(SpeechException.Reason.ENGINE_FAILED);
  }

  @Test
  void hangingExecutable_isKilledAfterTheTimeout() throws IOException {
    EspeakNgSpeech hanging = new EspeakNgSpeech(script("exec sleep 30"), Duration.ofMillis(300));
    long start = System.nanoTime();

    assertThatThrownBy(() -> hanging.render("Hello", null, 8000))
        .isInstanceOf(SpeechException.class)
        .extracting(e -> ((SpeechException) e).reason())
        .isEqualTo(SpeechException.Reason.TIMED_OUT);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void executableWritingNoWav_isInvalidOutput() throws IOException {
    EspeakNgSpeech junk = new EspeakNgSpeech(script("cat"), Duration.ofSeconds(5));

    assertThatThrownBy(() -> junk.render("this is not a wav file", null, 8000))
        .isInstanceOf(SpeechException.class)
        .extracting(e -> ((SpeechException) e).reason())
        .isEqualTo(SpeechException.Reason.INVALID_OUTPUT);
  }

  private String script(String body) throws IOException {
    Path script = Files.createTempFile(scripts, "engine", ".sh");
    Files.writeString(script, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script.toString();
  }

  /** The header says 16-bit linear PCM, one channel, at {@code rate}, and the sizes add up. */
  static void assertPcm16Mono(byte[] wav, int rate) {
    ByteBuffer header = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(new String(wav, 0, 4)).isEqualTo("RIFF");
    assertThat(header.getInt(4)).isEqualTo(wav.length - 8);
    assertThat(new String(wav, 8, 8)).isEqualTo("WAVEfmt ");
    assertThat(header.getShort(20)).as("format tag").isEqualTo((short) 1);
    assertThat(header.getShort(22)).as("channels").isEqualTo((short) 1);
    assertThat(header.getInt(24)).as("sample rate").isEqualTo(rate);
    assertThat(header.getShort(34)).as("bits per sample").isEqualTo((short) 16);
    assertThat(new String(wav, 36, 4)).isEqualTo("data");
    assertThat(header.getInt(40)).isEqualTo(wav.length - 44);
  }
}
