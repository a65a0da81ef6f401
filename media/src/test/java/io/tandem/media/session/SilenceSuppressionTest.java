package io.tandem.media.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.media.audio.AudioSource;
import io.tandem.media.audio.FrameFormat;
import io.tandem.media.clock.ManualPacer;
import io.tandem.media.codec.G711;
import io.tandem.media.jitter.ReceivedAudio;
import io.tandem.media.rtp.RtpPacket;
import io.tandem.media.rtp.SerialNumbers;
import io.tandem.media.silence.ComfortNoise;
import io.tandem.media.silence.VoiceActivityDetector;
import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SilenceSuppressionTest {

  /** Five loud frames, twenty at line-noise level, five loud again. */
  private static AudioSource talkPauseTalk() {
    return new AudioSource() {
      private int frame;
      private final SplittableRandom random = new SplittableRandom(5);

      @Override
      public boolean read(short[] samples) {
        if (frame == 30) {
          return false;
        }
        int level = frame < 5 || frame >= 25 ? 20 : 65;
        ComfortNoise.ofLevel(level).fill(samples, random);
        frame++;
        return true;
      }
    };
  }

  @Test
  void silentFrames_becomeOneComfortNoisePacket_andSpeechResumesWithAMarker() throws IOException {
    ManualPacer pacer = new ManualPacer();
    RecordingRtpListener heard = new RecordingRtpListener();
    try (RtpSession talker =
            RtpSession.open(
                RtpSessionOptions.defaults().withSilenceSuppression(true),
                pacer,
                RtpListener.IGNORE);
        RtpSession listener = RtpSession.open(RtpSessionOptions.defaults(), pacer, heard)) {
      talker.connect(listener.localAddress());
      talker.play(talkPauseTalk());

      pacer.tick(31);
      int hangover = VoiceActivityDetector.DEFAULT_HANGOVER;
      List<RtpPacket> packets = heard.awaitPackets(5 + hangover + 1 + 5);

      assertThat(packets).hasSize(21);
      RtpPacket noise = packets.get(5 + hangover);
      assertThat(noise.payloadType()).isEqualTo(ComfortNoise.PAYLOAD_TYPE);
      assertThat(ComfortNoise.parse(noise.payload()).level()).isBetween(63, 67);
      RtpPacket resumed = packets.get(5 + hangover + 1);
      assertThat(resumed.payloadType()).isZero();
      assertThat(resumed.marker()).isTrue();
      assertThat(SerialNumbers.timestampDelta(noise.timestamp(), resumed.timestamp()))
          .isEqualTo(10 * 160L);
      assertThat(SerialNumbers.sequenceDelta(noise.sequenceNumber(), resumed.sequenceNumber()))
          .isEqualTo(1);
    }
  }

  @Test
  void theReceiver_fillsTheSilenceWithNoiseAtTheSignalledLevel() {
    ReceivedAudio audio = new ReceivedAudio();
    short[] loud = new short[FrameFormat.SAMPLES];
    ComfortNoise.ofLevel(20).fill(loud, new SplittableRandom(1));
    for (int sequence = 0; sequence < 3; sequence++) {
      audio.onPacket(RtpPacket.of(false, 0, sequence, 160L * sequence, 1, G711.PCMU.encode(loud)));
    }
    audio.onPacket(RtpPacket.of(false, 13, 3, 480, 1, ComfortNoise.ofLevel(55).toBytes()));

    short[] frame = new short[FrameFormat.SAMPLES];
    for (int i = 0; i < 3; i++) {
      audio.read(frame);
    }
    for (int i = 0; i < 10; i++) {
      audio.read(frame);
      assertThat(ComfortNoise.levelOf(frame)).as("slot %d", i).isBetween(53, 57);
    }
  }
}
