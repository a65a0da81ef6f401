package io.tandem.media.wav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tandem.media.audio.FrameFormat;
import io.tandem.media.audio.PcmAudio;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResamplerTest {

  private static PcmAudio sine(int sampleRate, double frequency, int amplitude, double seconds) {
    short[] samples = new short[(int) (sampleRate * seconds)];
    for (int i = 0; i < samples.length; i++) {
      samples[i] =
          (short) Math.round(amplitude * Math.sin(2 * Math.PI * frequency * i / sampleRate));
    }
    return new PcmAudio(sampleRate, samples);
  }

  /** Mean power away from the edges, where the filter runs out of input. */
  private static double steadyPower(PcmAudio audio) {
    short[] samples = audio.samples();
    return FrameFormat.meanPower(
        Arrays.copyOfRange(samples, samples.length / 4, samples.length * 3 / 4));
  }

  @ParameterizedTest
  @ValueSource(ints = {16000, 22050, 24000, 44100, 48000})
  void aToneInTheTelephoneBand_keepsItsLengthAndLevel(int sourceRate) {
    PcmAudio narrow = Resampler.toNarrowband(sine(sourceRate, 1000, 10000, 1.0));

    assertThat(narrow.sampleRate()).isEqualTo(8000);
    assertThat(narrow.samples()).hasSize(8000);
    assertThat(steadyPower(narrow))
        .isCloseTo(10000.0 * 10000 / 2, within(10000.0 * 10000 / 2 * 0.02));
  }

  @ParameterizedTest
  @ValueSource(ints = {16000, 22050, 24000, 44100, 48000})
  void aToneAboveFourKilohertz_isFilteredOutInsteadOfFoldingBack(int sourceRate) {
    PcmAudio narrow = Resampler.toNarrowband(sine(sourceRate, 5000, 10000, 1.0));

    double attenuation = steadyPower(narrow) / (10000.0 * 10000 / 2);
    assertThat(10 * Math.log10(attenuation)).isLessThan(-60);
  }

  @ParameterizedTest
  @ValueSource(ints = {16000, 44100})
  void aToneAtTheOutputFrequency_mapsToTheSameFrequency(int sourceRate) {
    PcmAudio narrow = Resampler.toNarrowband(sine(sourceRate, 500, 10000, 0.5));

    // 500 Hz at 8 kHz has a period of 16 samples
    short[] samples = narrow.samples();
    for (int i = 1000; i < 3000; i++) {
      assertThat((int) samples[i]).isCloseTo(samples[i + 16], within(150));
    }
  }

  @Test
  void audioAlreadyAt8kHz_isReturnedAsIs() {
    PcmAudio audio = sine(8000, 1000, 1000, 0.1);

    assertThat(Resampler.toNarrowband(audio)).isSameAs(audio);
  }
}
