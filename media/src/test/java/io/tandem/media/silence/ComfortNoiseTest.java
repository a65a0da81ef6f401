package io.tandem.media.silence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.media.audio.FrameFormat;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ComfortNoiseTest {

  @Test
  void payload_isTheLevelByteThenTheSpectrum() {
    ComfortNoise noise = ComfortNoise.parse(new byte[] {60, 1, 2, 3});

    assertThat(noise.level()).isEqualTo(60);
    assertThat(noise.spectrum()).containsExactly(1, 2, 3);
    assertThat(noise.toBytes()).containsExactly(60, 1, 2, 3);
    assertThat(ComfortNoise.ofLevel(70).toBytes()).containsExactly(70);
  }

  @Test
  void malformedPayloads_areRefused() {
    assertThatThrownBy(() -> ComfortNoise.parse(new byte[0])).hasMessageContaining("level byte");
    assertThatThrownBy(() -> ComfortNoise.parse(new byte[] {(byte) 0x80}))
        .hasMessageContaining("reserved bit");
    assertThatThrownBy(() -> ComfortNoise.ofLevel(128)).hasMessageContaining("0..127");
  }

  @Test
  void levels_areRmsRelativeToFullScale() {
    short[] fullScaleSquare = new short[FrameFormat.SAMPLES];
    Arrays.fill(fullScaleSquare, Short.MAX_VALUE);
    short[] quiet = new short[FrameFormat.SAMPLES];
    Arrays.fill(quiet, (short) 33);

    assertThat(ComfortNoise.levelOf(fullScaleSquare)).isZero();
    assertThat(ComfortNoise.levelOf(quiet)).isEqualTo(60);
    assertThat(ComfortNoise.levelOf(new short[FrameFormat.SAMPLES])).isEqualTo(127);
  }

  @Test
  void generatedNoise_hasTheLevelItWasAskedFor() {
    short[] frame = new short[FrameFormat.SAMPLES * 10];

    ComfortNoise.ofLevel(50).fill(frame, new SplittableRandom(1));

    assertThat(ComfortNoise.levelOf(frame)).isBetween(49, 51);
    assertThat(ComfortNoise.describing(frame).level()).isBetween(49, 51);
  }
}
