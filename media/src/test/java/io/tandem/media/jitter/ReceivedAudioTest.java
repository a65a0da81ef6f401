package io.tandem.media.jitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tandem.media.audio.FrameFormat;
import io.tandem.media.codec.G711;
import io.tandem.media.rtp.RtpPacket;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ReceivedAudioTest {

  private final ReceivedAudio audio = new ReceivedAudio();
  private final short[] frame = new short[FrameFormat.SAMPLES];

  private static RtpPacket frameOf(G711 codec, int sequence, int level) {
    short[] samples = new short[FrameFormat.SAMPLES];
    Arrays.fill(samples, (short) level);
    return RtpPacket.of(
        false, codec.payloadType(), sequence, 160L * sequence, 9, codec.encode(samples));
  }

  @Test
  void g711Packets_playOutDecoded_whateverTheLawPerPacket() {
    audio.onPacket(frameOf(G711.PCMU, 1, 1000));
    audio.onPacket(frameOf(G711.PCMA, 2, -2000));
    audio.onPacket(frameOf(G711.PCMU, 3, 3000));

    audio.read(frame);
    assertThat((int) frame[0]).isCloseTo(1000, within(40));
    audio.read(frame);
    assertThat((int) frame[0]).isCloseTo(-2000, within(80));
  }

  @Test
  void concealment_fadesTheRepeatedFrame_thenFallsSilent() {
    for (int sequence = 1; sequence <= 3; sequence++) {
      audio.onPacket(frameOf(G711.PCMA, sequence, 8000));
    }
    short[] levels = new short[7];
    for (int i = 0; i < levels.length; i++) {
      audio.read(frame);
      levels[i] = frame[0];
    }

    short full = levels[2];
    assertThat(levels)
        .containsExactly(
            full,
            full,
            full,
            (short) (full * 0.75),
            (short) (full * 0.5),
            (short) (full * 0.25),
            (short) 0);
  }

  @Test
  void telephoneEvents_stayOutOfTheAudio() {
    audio.onPacket(RtpPacket.of(true, 101, 1, 0, 9, new byte[4]));

    assertThat(audio.buffer().stats().received()).isZero();
    assertThat(audio.read(frame)).isTrue();
    assertThat(frame).containsOnly(0);
  }
}
