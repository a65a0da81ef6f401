package io.tandem.media.dtmf;

import static io.tandem.media.Fixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.media.rtp.RtpPacket;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TelephoneEventTest {

  @Test
  void endPacketFixture_decodesDigitFiveEndedAfter100ms() {
    RtpPacket packet = RtpPacket.parse(hex("rtp/good/telephone-event-end.hex"));

    TelephoneEvent event = TelephoneEvent.parse(packet.payload());

    assertThat(packet.payloadType()).isEqualTo(TelephoneEvent.DEFAULT_PAYLOAD_TYPE);
    assertThat(event).isEqualTo(new TelephoneEvent(5, true, 10, 800));
    assertThat(DtmfDigit.ofEvent(event.event())).isEqualTo(DtmfDigit.FIVE);
  }

  @Property
  void payloads_roundTrip(
      @ForAll @IntRange(max = 255) int code,
      @ForAll boolean end,
      @ForAll @IntRange(max = 63) int volume,
      @ForAll @IntRange(max = 65535) int duration) {
    TelephoneEvent event = new TelephoneEvent(code, end, volume, duration);

    assertThat(TelephoneEvent.parse(event.toBytes())).isEqualTo(event);
  }

  @Test
  void shortPayload_isRefused() {
    assertThatThrownBy(() -> TelephoneEvent.parse(new byte[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs 4 bytes");
  }

  @Test
  void digits_mapSymbolsEventsAndKeypadFrequencies() {
    assertThat(DtmfDigit.ofSymbol('*').event()).isEqualTo(10);
    assertThat(DtmfDigit.ofSymbol('#').event()).isEqualTo(11);
    assertThat(DtmfDigit.ofSymbol('d')).isEqualTo(DtmfDigit.D);
    assertThat(DtmfDigit.ofEvent(0).symbol()).isEqualTo('0');
    for (DtmfDigit digit : DtmfDigit.values()) {
      assertThat(DtmfDigit.ofEvent(digit.event())).isEqualTo(digit);
      assertThat(DtmfDigit.ofSymbol(digit.symbol())).isEqualTo(digit);
    }
    assertThat(DtmfDigit.ONE.rowFrequency()).isEqualTo(697);
    assertThat(DtmfDigit.ONE.columnFrequency()).isEqualTo(1209);
    assertThat(DtmfDigit.POUND.columnFrequency()).isEqualTo(1477);
    assertThatThrownBy(() -> DtmfDigit.ofSymbol('E')).hasMessageContaining("not a DTMF symbol");
    assertThatThrownBy(() -> DtmfDigit.ofEvent(16)).hasMessageContaining("not a DTMF event");
  }
}
