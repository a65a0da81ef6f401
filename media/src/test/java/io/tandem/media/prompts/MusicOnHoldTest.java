package io.tandem.media.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.media.audio.Goertzel;
import io.tandem.media.audio.PcmAudio;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MusicOnHoldTest {

  private static final PcmAudio MUSIC = MusicOnHold.generate();

  @Test
  void generate_isA24SecondNarrowbandLoop_theSameEveryTime() {
    assertThat(MUSIC.sampleRate()).isEqualTo(8000);
    assertThat(MUSIC.duration()).isEqualTo(Duration.ofSeconds(24));
    assertThat(MusicOnHold.generate()).isEqualTo(MUSIC);
  }

  @Test
  void generate_peaksAtHalfScale_andNeverFallsSilent() {
    short[] samples = MUSIC.samples();
    int peak = 0;
    for (short sample : samples) {
      peak = Math.max(peak, Math.abs(sample));
    }
    assertThat(peak).isBetween(16000, 16400);
    for (int second = 0; second < 24; second++) {
      short[] window = Arrays.copyOfRange(samples, second * 8000, (second + 1) * 8000);
      assertThat(rms(window)).as("second %d", second).isBetween(1500.0, 9000.0);
    }
  }

  @Test
  void firstBar_isTheCMajorChord_notNoise() {
    short[] bar = Arrays.copyOfRange(MUSIC.samples(), 0, 3 * 8000);
    double e5 = Goertzel.power(bar, 659.26, 8000);
    double g5 = Goertzel.power(bar, 783.99, 8000);
    double fSharp5 = Goertzel.power(bar, 739.99, 8000);
    double aFlat5 = Goertzel.power(bar, 830.61, 8000);

    assertThat(e5).isGreaterThan(100 * fSharp5);
    assertThat(g5).isGreaterThan(100 * aFlat5);
  }

  @Test
  void loop_wrapsWithoutAClick() {
    short[] samples = MUSIC.samples();
    int largestStep = 0;
    for (int i = 1; i < samples.length; i++) {
      largestStep = Math.max(largestStep, Math.abs(samples[i] - samples[i - 1]));
    }
    int seam = Math.abs(samples[0] - samples[samples.length - 1]);

    assertThat(seam).isLessThanOrEqualTo(largestStep);
  }

  private static double rms(short[] samples) {
    double sum = 0;
    for (short sample : samples) {
      sum += (double) sample * sample;
    }
    return Math.sqrt(sum / samples.length);
  }
}
