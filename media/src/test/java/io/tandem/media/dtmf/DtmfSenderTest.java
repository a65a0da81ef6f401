package io.tandem.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.media.rtp.RtpPacket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DtmfSenderTest {

  @Test
  void defaultDigit_isFourGrowingPacketsThenThreeEndPackets() {
    List<TelephoneEvent> events = DtmfSender.DEFAULT.events(DtmfDigit.SEVEN);

    assertThat(events)
        .containsExactly(
            new TelephoneEvent(7, false, 10, 160),
            new TelephoneEvent(7, false, 10, 320),
            new TelephoneEvent(7, false, 10, 480),
            new TelephoneEvent(7, false, 10, 640),
            new TelephoneEvent(7, true, 10, 800),
            new TelephoneEvent(7, true, 10, 800),
            new TelephoneEvent(7, true, 10, 800));
  }

  @Test
  void packets_shareTheStartTimestamp_markTheFirst_andNumberOnAcrossTheWrap() {
    List<RtpPacket> packets = DtmfSender.DEFAULT.packets(DtmfDigit.POUND, 0xCAFEL, 65534, 48_000);

    assertThat(packets).hasSize(7);
    assertThat(packets).extracting(RtpPacket::timestamp).containsOnly(48_000L);
    assertThat(packets).extracting(RtpPacket::payloadType).containsOnly(101);
    assertThat(packets).extracting(RtpPacket::ssrc).containsOnly(0xCAFEL);
    assertThat(packets)
        .extracting(RtpPacket::marker)
        .containsExactly(true, false, false, false, false, false, false);
    assertThat(packets)
        .extracting(RtpPacket::sequenceNumber)
        .containsExactly(65534, 65535, 0, 1, 2, 3, 4);
  }

  @Test
  void configuredDurationAndPayloadType_areUsed() {
    DtmfSender sender = new DtmfSender(96, Duration.ofMillis(250), 6);

    List<RtpPacket> packets = sender.packets(DtmfDigit.A, 1, 0, 0);

    assertThat(packets).hasSize(12 + 3);
    assertThat(packets).extracting(RtpPacket::payloadType).containsOnly(96);
    TelephoneEvent last = TelephoneEvent.parse(packets.getLast().payload());
    assertThat(last).isEqualTo(new TelephoneEvent(12, true, 6, 2000));
  }

  @Test
  void durationsThatAreNoWholeNumberOfPackets_endOnTheExactDuration() {
    List<TelephoneEvent> events =
        DtmfSender.DEFAULT.withDuration(Duration.ofMillis(50)).events(DtmfDigit.ONE);

    assertThat(events)
        .extracting(TelephoneEvent::duration)
        .containsExactly(160, 320, 400, 400, 400);
  }

  @Test
  void durationsBeyondOneEvent_areRefused() {
    assertThatThrownBy(() -> DtmfSender.DEFAULT.withDuration(Duration.ofSeconds(9)))
        .hasMessageContaining("duration");
    assertThatThrownBy(() -> DtmfSender.DEFAULT.withDuration(Duration.ZERO))
        .hasMessageContaining("duration");
  }
}
