package io.tandem.media.silence;

import static io.tandem.media.silence.VoiceActivityDetector.State.HANGOVER;
import static io.tandem.media.silence.VoiceActivityDetector.State.SILENCE;
import static io.tandem.media.silence.VoiceActivityDetector.State.SPEECH;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.media.audio.FrameFormat;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VoiceActivityDetectorTest {

  private final VoiceActivityDetector detector = new VoiceActivityDetector(45, 2);

  private static short[] frameAt(int level) {
    short[] frame = new short[FrameFormat.SAMPLES];
    ComfortNoise.ofLevel(level).fill(frame, new SplittableRandom(level));
    return frame;
  }

  private static final short[] SPEECH_FRAME = frameAt(20);
  private static final short[] LINE_NOISE = frameAt(60);

  @Test
  void silence_staysSilent() {
    assertThat(detector.isSilent(LINE_NOISE)).isTrue();
    assertThat(detector.isSilent(new short[FrameFormat.SAMPLES])).isTrue();
    assertThat(detector.state()).isEqualTo(SILENCE);
  }

  @Test
  void silence_loudFrame_isSpeech() {
    assertThat(detector.isSilent(SPEECH_FRAME)).isFalse();
    assertThat(detector.state()).isEqualTo(SPEECH);
  }

  @Test
  void speech_quietFrames_holdOverThenFallSilent() {
    detector.isSilent(SPEECH_FRAME);

    assertThat(detector.isSilent(LINE_NOISE)).isFalse();
    assertThat(detector.state()).isEqualTo(HANGOVER);
    assertThat(detector.isSilent(LINE_NOISE)).isFalse();
    assertThat(detector.isSilent(LINE_NOISE)).isTrue();
    assertThat(detector.state()).isEqualTo(SILENCE);
  }

  @Test
  void hangover_loudFrame_isSpeechAgain_andTheHangoverRestarts() {
    detector.isSilent(SPEECH_FRAME);
    detector.isSilent(LINE_NOISE);

    assertThat(detector.isSilent(SPEECH_FRAME)).isFalse();
    assertThat(detector.state()).isEqualTo(SPEECH);
    assertThat(detector.isSilent(LINE_NOISE)).isFalse();
    assertThat(detector.isSilent(LINE_NOISE)).isFalse();
    assertThat(detector.isSilent(LINE_NOISE)).isTrue();
  }

  @Test
  void thresholdIsALevel_aSteadyQuietToneBelowItIsSilence() {
    short[] quiet = new short[FrameFormat.SAMPLES];
    Arrays.fill(quiet, (short) 100); // about −50 dBov

    assertThat(detector.isSilent(quiet)).isTrue();
  }
}
