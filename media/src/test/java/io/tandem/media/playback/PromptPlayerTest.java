package io.tandem.media.playback;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.media.audio.ClipSource;
import io.tandem.media.audio.FrameFormat;
import io.tandem.media.audio.PcmAudio;
import io.tandem.media.clock.ManualPacer;
import io.tandem.media.codec.G711;
import io.tandem.media.rtp.RtpPacket;
import io.tandem.media.session.RecordingRtpListener;
import io.tandem.media.session.RtpSession;
import io.tandem.media.session.RtpSessionOptions;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class PromptPlayerTest {

  private final List<PlaybackOutcome> outcomes = new CopyOnWriteArrayList<>();
  private final short[] frame = new short[FrameFormat.SAMPLES];

  private static PcmAudio prompt(int frames) {
    short[] samples = new short[frames * FrameFormat.SAMPLES];
    Arrays.fill(samples, (short) 1000);
    return PcmAudio.narrowband(samples);
  }

  @Test
  void aPromptPlayedToItsEnd_completesOnce() {
    PromptPlayer player = PromptPlayer.of(ClipSource.once(prompt(3)), outcomes::add);

    assertThat(player.read(frame)).isTrue();
    assertThat(player.read(frame)).isTrue();
    assertThat(player.read(frame)).isTrue();
    assertThat(player.read(frame)).isFalse();
    assertThat(player.read(frame)).isFalse();
    player.stop();

    assertThat(outcomes).containsExactly(PlaybackOutcome.COMPLETED);
    assertThat(player.state()).isEqualTo(PromptPlayer.State.COMPLETED);
  }

  @Test
  void aStoppedPrompt_reportsStoppedOnce_andYieldsNoMoreFrames() {
    PromptPlayer player = PromptPlayer.of(ClipSource.once(prompt(3)), outcomes::add);

    player.read(frame);
    player.stop();
    player.stop();

    assertThat(player.read(frame)).isFalse();
    assertThat(outcomes).containsExactly(PlaybackOutcome.STOPPED);
    assertThat(player.state()).isEqualTo(PromptPlayer.State.STOPPED);
  }

  @Test
  void musicOnHold_loopsIntoTheSessionUntilStopped() throws IOException {
    ManualPacer pacer = new ManualPacer();
    RecordingRtpListener caller = new RecordingRtpListener();
    try (RtpSession hold = RtpSession.open(RtpSessionOptions.defaults(), pacer, caller);
        RtpSession phone = RtpSession.open(RtpSessionOptions.defaults(), pacer, caller)) {
      hold.connect(phone.localAddress());
      PromptPlayer player = PromptPlayer.playLooping(hold, prompt(2), outcomes::add);

      pacer.tick(7);
      player.stop();
      pacer.tick(3);

      List<RtpPacket> packets = caller.awaitPackets(7);
      assertThat(packets).hasSize(7);
      assertThat(packets).allSatisfy(p -> assertThat(G711.PCMU.decode(p.payload()[0])).isNotZero());
      assertThat(outcomes).containsExactly(PlaybackOutcome.STOPPED);
      assertThat(hold.playing()).isNull();
    }
  }

  @Test
  void aWidebandPrompt_isResampledAndCompletesInTheSession() throws IOException {
    ManualPacer pacer = new ManualPacer();
    RecordingRtpListener caller = new RecordingRtpListener();
    try (RtpSession ivr = RtpSession.open(RtpSessionOptions.defaults(), pacer, caller);
        RtpSession phone = RtpSession.open(RtpSessionOptions.defaults(), pacer, caller)) {
      ivr.connect(phone.localAddress());
      PromptPlayer.playOnce(ivr, new PcmAudio(16000, new short[16000]), outcomes::add);

      pacer.tick(51);

      assertThat(caller.awaitPackets(50)).hasSize(50);
      assertThat(outcomes).containsExactly(PlaybackOutcome.COMPLETED);
    }
  }
}
