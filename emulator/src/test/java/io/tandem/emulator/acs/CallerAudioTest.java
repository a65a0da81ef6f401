package io.tandem.emulator.acs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.media.audio.Goertzel;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The caller's streamed audio: 640-byte frames of 16 kHz PCM, silent or a voice-like tone. */
class CallerAudioTest {

  private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

  @Test
  void quietCaller_isSilence_ofTheDocumentedFrameLength() {
    CallerAudio audio = new CallerAudio();

    byte[] frame = audio.frame(T0);

    assertThat(frame).hasSize(640).containsOnly(0);
    assertThat(audio.talking(T0)).isFalse();
  }

  @Test
  void aSentence_soundsAs220And440Hz_at16kHz_for60MsPerCharacter() {
    CallerAudio audio = new CallerAudio();
    audio.says("Hello there, I need help", T0);

    short[] samples = new short[3 * 320];
    for (int f = 0; f < 3; f++) {
      short[] frame = samples(audio.frame(T0.plus(CallerAudio.FRAME.multipliedBy(f))));
      System.arraycopy(frame, 0, samples, f * 320, 320);
    }

    double voice = Goertzel.power(samples, 220, CallerAudio.SAMPLE_RATE);
    double harmonic = Goertzel.power(samples, 440, CallerAudio.SAMPLE_RATE);
    double elsewhere = Goertzel.power(samples, 1300, CallerAudio.SAMPLE_RATE);
    double image = Goertzel.power(samples, 7780, CallerAudio.SAMPLE_RATE);
    assertThat(voice).isGreaterThan(100 * elsewhere);
    assertThat(harmonic).isGreaterThan(100 * elsewhere);
    assertThat(voice).isGreaterThan(10 * image);
    Instant end = T0.plus(Duration.ofMillis(60L * "Hello there, I need help".length()));
    assertThat(audio.talking(end.minusMillis(1))).isTrue();
    assertThat(audio.talking(end)).isFalse();
    assertThat(audio.frame(end)).containsOnly(0);
  }

  private static short[] samples(byte[] pcm) {
    short[] samples = new short[pcm.length / 2];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8));
    }
    return samples;
  }
}
