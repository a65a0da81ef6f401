package io.tandem.sip.sipp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.media.codec.G711;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated media files are what the scenarios' SDP announces. */
class SippMediaTest {

  @Test
  void tone_isOneSecondOfMuLaw_encodedAsTheMediaModuleEncodesIt() {
    byte[] tone = SippMedia.tone();

    assertThat(tone).hasSize(8000);
    for (int i = 0; i < tone.length; i++) {
      short sample = (short) Math.round(6000 * Math.sin(2 * Math.PI * 440 * i / 8000.0));
      assertThat(tone[i]).as("sample %d", i).isEqualTo(G711.PCMU.encode(sample));
    }
  }

  @Test
  void keyPress_isRfc4733EventsOnPayloadType101_markerFirst_endThreeTimes() {
    List<ByteBuffer> packets = rtpPackets(SippMedia.keyPress(11));

    assertThat(packets).hasSize(11);
    for (int i = 0; i < packets.size(); i++) {
      ByteBuffer rtp = packets.get(i);
      assertThat(rtp.get(0) & 0xff).as("version 2").isEqualTo(0x80);
      assertThat(rtp.get(1) & 0x7f).isEqualTo(101);
      assertThat((rtp.get(1) & 0x80) != 0).as("marker on packet %d", i).isEqualTo(i == 0);
      assertThat(rtp.getInt(4)).as("one timestamp for the whole event").isEqualTo(160_000);
      assertThat(rtp.get(12)).as("event #").isEqualTo((byte) 11);
      assertThat((rtp.get(13) & 0x80) != 0).as("end bit on packet %d", i).isEqualTo(i >= 8);
      assertThat(rtp.getShort(14) & 0xffff).isEqualTo(160 * Math.min(i + 1, 8));
    }
    assertThat(SippMedia.files()).containsKeys("dtmf-0.pcap", "dtmf-star.pcap", "dtmf-pound.pcap");
  }

  /** The RTP payloads of an Ethernet/IPv4/UDP pcap, checking the pcap framing on the way. */
  static List<ByteBuffer> rtpPackets(byte[] pcap) {
    ByteBuffer in = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(in.getInt(0)).isEqualTo(0xa1b2c3d4);
    assertThat(in.getInt(20)).as("link type Ethernet").isEqualTo(1);
    in.position(24);
    List<ByteBuffer> packets = new ArrayList<>();
    while (in.hasRemaining()) {
      in.getInt();
      in.getInt();
      int length = in.getInt();
      assertThat(in.getInt()).isEqualTo(length);
      byte[] frame = new byte[length];
      in.get(frame);
      ByteBuffer ip = ByteBuffer.wrap(frame, 14, length - 14).slice();
      assertThat(ip.get(9)).as("UDP").isEqualTo((byte) 17);
      assertThat(ip.getShort(2) & 0xffff).isEqualTo(length - 14);
      packets.add(ByteBuffer.wrap(frame, 42, length - 42).slice());
    }
    return packets;
  }
}
