package io.tandem.media.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AudioSourcesTest {

  /** Every frame {@code source} yields, up to {@code limit}. */
  static List<short[]> drain(AudioSource source, int limit) {
    List<short[]> frames = new ArrayList<>();
    short[] frame = new short[FrameFormat.SAMPLES];
    while (frames.size() < limit && source.read(frame)) {
      frames.add(frame.clone());
    }
    return frames;
  }

  private static short[] ramp(int length) {
    short[] samples = new short[length];
    for (int i = 0; i < length; i++) {
      samples[i] = (short) (i + 1);
    }
    return samples;
  }

  @Test
  void clipOnce_padsTheLastFrameWithSilence_thenEnds() {
    List<short[]> frames = drain(ClipSource.once(PcmAudio.narrowband(ramp(200))), 10);

    assertThat(frames).hasSize(2);
    assertThat(frames.get(1)[39]).isEqualTo((short) 200);
    assertThat(frames.get(1)[40]).isZero();
  }

  @Test
  void clipLooping_wrapsMidFrameWithoutAGap() {
    List<short[]> frames = drain(ClipSource.looping(PcmAudio.narrowband(ramp(100))), 3);

    assertThat(frames).hasSize(3);
    assertThat(frames.get(0)[99]).isEqualTo((short) 100);
    assertThat(frames.get(0)[100]).isEqualTo((short) 1);
    assertThat(frames.get(1)[0]).isEqualTo((short) 61);
  }

  @Test
  void clipsAtOtherRates_areRefused() {
    assertThatThrownBy(() -> ClipSource.once(new PcmAudio(16000, new short[10])))
        .hasMessageContaining("resample it first");
    assertThatThrownBy(() -> ClipSource.looping(PcmAudio.narrowband(new short[0])))
        .hasMessageContaining("empty");
  }

  @Test
  void silenceLasting_isWholeFramesOfZero() {
    List<short[]> frames = drain(SilenceSource.lasting(Duration.ofMillis(50)), 10);

    assertThat(frames).hasSize(3);
    assertThat(frames).allSatisfy(frame -> assertThat(frame).containsOnly(0));
  }

  @Test
  void cadencedTone_soundsAndPausesOnItsCadence() {
    ToneSource ringback =
        ToneSource.cadenced(440, 480, 4000, Duration.ofMillis(40), Duration.ofMillis(60));

    List<short[]> frames = drain(ringback, 10);

    assertThat(frames)
        .extracting(frame -> FrameFormat.meanPower(frame) > 1000)
        .containsExactly(true, true, false, false, false, true, true, false, false, false);
  }

  @Test
  void steadyTone_hasTheLevelOfItsSines() {
    List<short[]> frames = drain(ToneSource.steady(350, 440, 5000), 5);

    assertThat(FrameFormat.meanPower(frames.get(4))).isBetween(0.9 * 25e6, 1.1 * 25e6);
  }

  @Test
  void sequence_playsEachPartInTurn() {
    AudioSource sequence =
        new SequenceSource(
            List.of(
                ClipSource.once(PcmAudio.narrowband(ramp(160))),
                SilenceSource.lasting(Duration.ofMillis(20)),
                ClipSource.once(PcmAudio.narrowband(ramp(160)))));

    List<short[]> frames = drain(sequence, 10);

    assertThat(frames).hasSize(3);
    assertThat(frames.get(1)).containsOnly(0);
    assertThat(frames.get(2)[0]).isEqualTo((short) 1);
  }
}
