package io.tandem.media.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.media.rtp.RtpPacket;
import io.tandem.media.rtp.SerialNumbers;
import org.junit.jupiter.api.Test;

class OutboundStreamTest {

  private final OutboundStream stream = new OutboundStream(0xABCL, 65535, 0xFFFF_FFA0L);

  private static RtpPacket foreign(long ssrc, int sequence, long timestamp) {
    return RtpPacket.of(false, 0, sequence, timestamp, ssrc, new byte[160]);
  }

  @Test
  void localAudio_stampsTheSlot_andNumbersAcrossTheWrap() {
    RtpPacket first = stream.audio(0, new byte[160]);
    stream.nextSlot();
    RtpPacket second = stream.audio(0, new byte[160]);

    assertThat(first.sequenceNumber()).isEqualTo(65535);
    assertThat(second.sequenceNumber()).isZero();
    assertThat(first.timestamp()).isEqualTo(0xFFFF_FFA0L);
    assertThat(second.timestamp()).isEqualTo(0x40L);
    assertThat(first.marker()).isTrue();
    assertThat(second.marker()).isFalse();
  }

  @Test
  void relayedPackets_keepTheirSpacing_fromWhereTheStreamStood() {
    RtpPacket one = stream.relay(foreign(7, 100, 50_000));
    RtpPacket two = stream.relay(foreign(7, 101, 50_320));

    assertThat(one.ssrc()).isEqualTo(0xABCL);
    assertThat(one.timestamp()).isEqualTo(0xFFFF_FFA0L);
    assertThat(SerialNumbers.timestampDelta(one.timestamp(), two.timestamp())).isEqualTo(320);
    assertThat(one.marker()).isTrue();
    assertThat(two.marker()).isFalse();
    assertThat(two.sequenceNumber()).isZero();
  }

  @Test
  void aNewForeignSource_getsAFreshOffset_andAMarker() {
    stream.relay(foreign(7, 100, 50_000));
    stream.nextSlot();

    RtpPacket other = stream.relay(foreign(8, 9, 3_000_000));

    assertThat(other.marker()).isTrue();
    assertThat(SerialNumbers.timestampDelta(0xFFFF_FFA0L, other.timestamp())).isEqualTo(160);
  }

  @Test
  void localAudioAfterARelayThatRanAhead_neverStepsBack() {
    RtpPacket last = null;
    for (int i = 0; i < 10; i++) {
      last = stream.relay(foreign(7, i, 160L * i));
    }
    stream.restartRelay();
    stream.nextSlot();

    RtpPacket local = stream.audio(0, new byte[160]);

    assertThat(SerialNumbers.timestampDelta(last.timestamp(), local.timestamp())).isEqualTo(160);
    assertThat(local.marker()).isTrue();
  }
}
