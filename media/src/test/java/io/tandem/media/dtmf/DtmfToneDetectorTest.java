package io.tandem.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.media.audio.FrameFormat;
import io.tandem.media.codec.G711;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DtmfToneDetectorTest {

  private static final Duration TONE = Duration.ofMillis(100);
  private static final Duration PAUSE = Duration.ofMillis(60);

  private static List<DtmfDigit> detect(short[] samples) {
    DtmfToneDetector detector = new DtmfToneDetector();
    List<DtmfDigit> digits = new ArrayList<>();
    for (int start = 0; start < samples.length; start += FrameFormat.SAMPLES) {
      short[] frame = Arrays.copyOfRange(samples, start, start + FrameFormat.SAMPLES);
      detector.accept(frame).ifPresent(digits::add);
    }
    return digits;
  }

  private static String symbols(List<DtmfDigit> digits) {
    StringBuilder text = new StringBuilder();
    digits.forEach(digit -> text.append(digit.symbol()));
    return text.toString();
  }

  private static short[] throughG711(short[] samples, G711 codec) {
    return codec.decode(codec.encode(samples));
  }

  @Test
  void allSixteenDigits_areDetectedOnceEachInOrder() {
    short[] samples = DtmfToneGenerator.DEFAULT.sequence("0123456789*#ABCD", TONE, PAUSE);

    assertThat(symbols(detect(samples))).isEqualTo("0123456789*#ABCD");
  }

  @ParameterizedTest
  @EnumSource(G711.class)
  void allSixteenDigits_surviveAG711RoundTrip(G711 codec) {
    short[] samples = DtmfToneGenerator.DEFAULT.sequence("0123456789*#ABCD", TONE, PAUSE);

    assertThat(symbols(detect(throughG711(samples, codec)))).isEqualTo("0123456789*#ABCD");
  }

  @Test
  void tonesNotAlignedWithFrames_areDetected() {
    short[] tone = DtmfToneGenerator.DEFAULT.tone(DtmfDigit.FIVE, TONE);
    short[] samples = new short[2000];
    System.arraycopy(tone, 0, samples, 77, tone.length);

    assertThat(detect(samples)).containsExactly(DtmfDigit.FIVE);
  }

  @Test
  void quietTonesAt30dBBelowTheDefault_areStillDetected_afterMuLaw() {
    short[] samples = new DtmfToneGenerator(600).sequence("159#", TONE, PAUSE);

    assertThat(symbols(detect(throughG711(samples, G711.PCMU)))).isEqualTo("159#");
  }

  @Test
  void tonesOffByOnePointFivePercent_areDetected() {
    short[] samples = new short[1600];
    DtmfDigit digit = DtmfDigit.D;
    for (int i = 0; i < samples.length; i++) {
      double t = (double) i / FrameFormat.SAMPLE_RATE;
      samples[i] =
          (short)
              (5000 * Math.sin(2 * Math.PI * digit.rowFrequency() * 1.015 * t)
                  + 5000 * Math.sin(2 * Math.PI * digit.columnFrequency() * 0.985 * t));
    }

    assertThat(detect(samples)).containsExactly(DtmfDigit.D);
  }

  @Test
  void aShortDropoutWithinATone_doesNotReportItTwice() {
    short[] samples = DtmfToneGenerator.DEFAULT.tone(DtmfDigit.EIGHT, Duration.ofMillis(200));
    Arrays.fill(samples, 800, 960, (short) 0);

    assertThat(detect(samples)).containsExactly(DtmfDigit.EIGHT);
  }

  @Test
  void aToneOfOneFrame_isTooShortToCount() {
    short[] samples = new short[1600];
    System.arraycopy(
        DtmfToneGenerator.DEFAULT.tone(DtmfDigit.ONE, FrameFormat.DURATION), 0, samples, 320, 160);

    assertThat(detect(samples)).isEmpty();
  }

  @Test
  void silence_isNoDigit() {
    assertThat(detect(new short[8000])).isEmpty();
  }

  @Test
  void singleKeypadTones_areNoDigit() {
    for (int frequency : new int[] {697, 770, 852, 941, 1209, 1336, 1477, 1633}) {
      assertThat(detect(sine(frequency, 8000, 8000))).as("%d Hz", frequency).isEmpty();
    }
  }

  @Test
  void whiteNoise_isNoDigit() {
    Random random = new Random(42);
    short[] samples = new short[8000 * 3];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (short) (random.nextGaussian() * 6000);
    }

    assertThat(detect(samples)).isEmpty();
  }

  @Test
  void speechLikeVoicedSound_isNoDigit() {
    for (int seed = 0; seed < 20; seed++) {
      short[] speech = throughG711(speechLike(new Random(seed), 8000 * 5), G711.PCMU);

      assertThat(detect(speech)).as("seed %d", seed).isEmpty();
    }
  }

  @Test
  void aChordOffTheKeypadGrid_isNoDigit() {
    short[] a = sine(440, 6000, 8000);
    short[] b = sine(1000, 6000, 8000);
    short[] chord = new short[a.length];
    for (int i = 0; i < chord.length; i++) {
      chord[i] = (short) (a[i] + b[i]);
    }

    assertThat(detect(chord)).isEmpty();
  }

  @Test
  void aDigitUnderLoudNoise_isNotTrusted() {
    Random random = new Random(3);
    short[] samples = DtmfToneGenerator.DEFAULT.tone(DtmfDigit.THREE, TONE);
    for (int i = 0; i < samples.length; i++) {
      samples[i] = FrameFormat.saturate(samples[i] + (int) (random.nextGaussian() * 9000));
    }

    assertThat(detect(samples)).isEmpty();
  }

  static short[] sine(double frequency, int amplitude, int length) {
    short[] samples = new short[length];
    for (int i = 0; i < length; i++) {
      samples[i] =
          (short) (amplitude * Math.sin(2 * Math.PI * frequency * i / FrameFormat.SAMPLE_RATE));
    }
    return samples;
  }

  /**
   * A crude voiced-speech stand-in: a gliding 90-220 Hz fundamental with 30 harmonics shaped by two
   * moving formants, plus breath noise, in 200 ms syllables.
   */
  static short[] speechLike(Random random, int length) {
    short[] samples = new short[length];
    double phase = 0;
    double pitch = 120;
    double formant1 = 500;
    double formant2 = 1500;
    for (int i = 0; i < length; i++) {
      if (i % 1600 == 0) {
        pitch = 90 + random.nextDouble() * 130;
        formant1 = 300 + random.nextDouble() * 600;
        formant2 = 900 + random.nextDouble() * 1500;
      }
      pitch += (random.nextDouble() - 0.5) * 0.5;
      phase += 2 * Math.PI * pitch / FrameFormat.SAMPLE_RATE;
      double value = 0;
      for (int harmonic = 1; harmonic <= 30; harmonic++) {
        double frequency = harmonic * pitch;
        double gain =
            Math.exp(-Math.pow((frequency - formant1) / 150, 2))
                + 0.6 * Math.exp(-Math.pow((frequency - formant2) / 200, 2))
                + 0.05;
        value += gain * Math.sin(harmonic * phase);
      }
      samples[i] = FrameFormat.saturate((int) (value * 2500 + random.nextGaussian() * 300));
    }
    return samples;
  }
}
