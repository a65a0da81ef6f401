package io.tandem.media.mix;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.media.audio.FrameFormat;
import io.tandem.media.audio.Goertzel;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FrameMixerTest {

  private static short[] tone(double hz, int amplitude) {
    short[] frame = new short[FrameFormat.SAMPLES];
    for (int i = 0; i < frame.length; i++) {
      frame[i] = (short) (amplitude * Math.sin(2 * Math.PI * hz * i / FrameFormat.SAMPLE_RATE));
    }
    return frame;
  }

  private static boolean hears(short[] frame, double hz) {
    return Goertzel.power(frame, hz, FrameFormat.SAMPLE_RATE) > 1e5;
  }

  private static short[][] mix(short[][] inputs, boolean... contributing) {
    short[][] outputs = new short[inputs.length][FrameFormat.SAMPLES];
    FrameMixer.mixMinusOne(inputs, contributing, outputs);
    return outputs;
  }

  @Test
  void eachParticipant_hearsTheOthersButNotItself() {
    short[][] inputs = {tone(400, 3000), tone(1000, 3000), tone(2500, 3000)};

    short[][] outputs = mix(inputs, true, true, true);

    short[] heardByC = outputs[2];
    assertThat(hears(heardByC, 400)).isTrue();
    assertThat(hears(heardByC, 1000)).isTrue();
    assertThat(hears(heardByC, 2500)).isFalse();
    assertThat(hears(outputs[0], 400)).isFalse();
    assertThat(hears(outputs[0], 2500)).isTrue();
    for (int s = 0; s < FrameFormat.SAMPLES; s++) {
      assertThat(heardByC[s]).isEqualTo((short) (inputs[0][s] + inputs[1][s]));
    }
  }

  @Test
  void aMutedParticipant_isHeardByNobody_butHearsTheOthers() {
    short[][] inputs = {tone(400, 3000), tone(1000, 3000), tone(2500, 3000)};

    short[][] outputs = mix(inputs, false, true, true);

    assertThat(hears(outputs[1], 400)).isFalse();
    assertThat(hears(outputs[2], 400)).isFalse();
    assertThat(hears(outputs[0], 1000)).isTrue();
    assertThat(hears(outputs[0], 2500)).isTrue();
  }

  @Test
  void loudSums_saturateInsteadOfWrapping() {
    short[] loud = new short[FrameFormat.SAMPLES];
    Arrays.fill(loud, (short) 30000);
    short[] loudNegative = new short[FrameFormat.SAMPLES];
    Arrays.fill(loudNegative, (short) -30000);

    short[][] positive = mix(new short[][] {loud, loud, loud}, true, true, true);
    short[][] negative =
        mix(new short[][] {loudNegative, loudNegative, loudNegative}, true, true, true);

    assertThat(positive[0]).containsOnly(Short.MAX_VALUE);
    assertThat(negative[2]).containsOnly(Short.MIN_VALUE);
  }

  @Test
  void twoParticipants_simplyHearEachOther() {
    short[][] inputs = {tone(400, 3000), tone(1000, 3000)};

    short[][] outputs = mix(inputs, true, true);

    assertThat(outputs[0]).isEqualTo(inputs[1]);
    assertThat(outputs[1]).isEqualTo(inputs[0]);
  }
}
