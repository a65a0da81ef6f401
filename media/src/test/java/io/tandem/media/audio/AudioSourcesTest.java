package io.tandem.media.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.media.codec.G711;
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

  @Test
  void clipRead_encoded_isTheEncodingOfThePcmFrames_wrapping_andPaddingWithTheLawsSilence() {
    short[] samples = new short[200];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (short) (i * 97 - 9000);
    }
    PcmAudio clip = PcmAudio.narrowband(samples);
    for (G711 codec : G711.values()) {
      List<short[]> pcm = drain(ClipSource.looping(clip), 5);
      ClipSource looping = ClipSource.looping(new EncodedClip(clip));
      for (short[] frame : pcm) {
        byte[] payload = new byte[FrameFormat.SAMPLES];
        assertThat(looping.encodes(codec)).isTrue();
        assertThat(looping.readEncoded(codec, payload)).isTrue();
        assertThat(payload).isEqualTo(codec.encode(frame));
      }

      ClipSource once = ClipSource.once(clip);
      byte[] payload = new byte[FrameFormat.SAMPLES];
      assertThat(once.readEncoded(codec, payload)).isTrue();
      assertThat(once.readEncoded(codec, payload)).isTrue();
      assertThat(payload[39]).isEqualTo(codec.encode(samples[199]));
      assertThat(payload[40]).isEqualTo(codec.silence());
      assertThat(once.ended()).isTrue();
      assertThat(once.readEncoded(codec, payload)).isFalse();
    }
  }

  @Test
  void clipRead_pcmAndEncoded_advanceOnePosition() {
    ClipSource clip = ClipSource.once(PcmAudio.narrowband(ramp(400)));
    short[] frame = new short[FrameFormat.SAMPLES];
    byte[] payload = new byte[FrameFormat.SAMPLES];

    assertThat(clip.read(frame)).isTrue();
    assertThat(clip.readEncoded(G711.PCMU, payload)).isTrue();
    assertThat(clip.read(frame)).isTrue();

    assertThat(payload[0]).isEqualTo(G711.PCMU.encode((short) 161));
    assertThat(frame[0]).isEqualTo((short) 321);
    assertThat(frame[80]).isZero();
    assertThat(clip.read(frame)).isFalse();
  }

  @Test
  void encodedClip_encodesEachLawOnce_forEveryoneSharingIt() {
    EncodedClip clip = new EncodedClip(PcmAudio.narrowband(ramp(320)));

    byte[] first = clip.encoded(G711.PCMA);

    assertThat(clip.encoded(G711.PCMA)).isSameAs(first);
    assertThat(clip.encoded(G711.PCMU)).isNotSameAs(first).isEqualTo(G711.PCMU.encode(ramp(320)));
    assertThatThrownBy(() -> new EncodedClip(new PcmAudio(16000, new short[10])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("16000 Hz");
  }

  @Test
  void sourcesThatGivePcmOnly_sayTheyDoNotEncode() {
    AudioSource silence = frame -> true;

    assertThat(silence.encodes(G711.PCMU)).isFalse();
    assertThatThrownBy(() -> silence.readEncoded(G711.PCMU, new byte[FrameFormat.SAMPLES]))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
