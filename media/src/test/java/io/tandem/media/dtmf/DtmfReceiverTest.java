package io.tandem.media.dtmf;

import static io.tandem.media.dtmf.DtmfReceiver.State.AWAITING_EVENT;
import static io.tandem.media.dtmf.DtmfReceiver.State.EVENT_ENDED;
import static io.tandem.media.dtmf.DtmfReceiver.State.IN_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.media.rtp.RtpPacket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DtmfReceiverTest {

  private final DtmfReceiver receiver = new DtmfReceiver(101);

  private List<DtmfDigit> feed(List<RtpPacket> packets) {
    List<DtmfDigit> digits = new ArrayList<>();
    for (RtpPacket packet : packets) {
      receiver.accept(packet).ifPresent(digits::add);
    }
    return digits;
  }

  @Test
  void wholeTrain_yieldsTheDigitOnce_onTheFirstPacket() {
    List<RtpPacket> train = DtmfSender.DEFAULT.packets(DtmfDigit.NINE, 5, 100, 8000);

    assertThat(receiver.accept(train.getFirst())).contains(DtmfDigit.NINE);
    assertThat(feed(train.subList(1, train.size()))).isEmpty();
    assertThat(receiver.state()).isEqualTo(EVENT_ENDED);
  }

  @Test
  void lostStartPackets_stillYieldTheDigitOnce() {
    List<RtpPacket> train = DtmfSender.DEFAULT.packets(DtmfDigit.STAR, 5, 100, 8000);

    assertThat(feed(train.subList(4, train.size()))).containsExactly(DtmfDigit.STAR);
  }

  @Test
  void sameDigitTwice_isTwoEventsByTimestamp() {
    List<RtpPacket> packets = new ArrayList<>(DtmfSender.DEFAULT.packets(DtmfDigit.ONE, 5, 0, 0));
    packets.addAll(DtmfSender.DEFAULT.packets(DtmfDigit.ONE, 5, 7, 1120));

    assertThat(feed(packets)).containsExactly(DtmfDigit.ONE, DtmfDigit.ONE);
  }

  @Test
  void retransmittedEndsArrivingAfterTheNextEventStarted_areIgnoredAsLate() {
    List<RtpPacket> first = DtmfSender.DEFAULT.packets(DtmfDigit.ONE, 5, 0, 0);
    List<RtpPacket> second = DtmfSender.DEFAULT.packets(DtmfDigit.TWO, 5, 7, 1120);

    List<RtpPacket> reordered = new ArrayList<>(first.subList(0, 5));
    reordered.add(second.getFirst());
    reordered.addAll(first.subList(5, 7));
    reordered.addAll(second.subList(1, 7));

    assertThat(feed(reordered)).containsExactly(DtmfDigit.ONE, DtmfDigit.TWO);
  }

  @Test
  void timestampWrap_isStillANewerEvent() {
    List<RtpPacket> packets =
        new ArrayList<>(DtmfSender.DEFAULT.packets(DtmfDigit.ONE, 5, 0, 0xFFFF_FF00L));
    packets.addAll(DtmfSender.DEFAULT.packets(DtmfDigit.TWO, 5, 7, 0x100L));

    assertThat(feed(packets)).containsExactly(DtmfDigit.ONE, DtmfDigit.TWO);
  }

  @Test
  void otherPayloadTypesAndNonDigitEvents_yieldNothing() {
    RtpPacket audio = RtpPacket.of(false, 0, 1, 0, 5, new byte[160]);
    RtpPacket flash =
        RtpPacket.of(true, 101, 2, 160, 5, new TelephoneEvent(16, false, 10, 160).toBytes());
    RtpPacket truncated = RtpPacket.of(true, 101, 3, 320, 5, new byte[2]);

    assertThat(feed(List.of(audio, flash, truncated))).isEmpty();
    assertThat(receiver.state()).isEqualTo(AWAITING_EVENT);
  }

  // The table of moves, cell by cell.

  private Optional<DtmfDigit> event(long timestamp, int code, boolean end) {
    return receiver.accept(timestamp, new TelephoneEvent(code, end, 10, 160));
  }

  @Test
  void awaiting_newEventWithoutEnd_reportsAndEntersTheEvent() {
    assertThat(event(100, 1, false)).contains(DtmfDigit.ONE);
    assertThat(receiver.state()).isEqualTo(IN_EVENT);
  }

  @Test
  void awaiting_newEventWithEnd_reportsAndEndsTheEvent() {
    assertThat(event(100, 1, true)).contains(DtmfDigit.ONE);
    assertThat(receiver.state()).isEqualTo(EVENT_ENDED);
  }

  @Test
  void inEvent_sameEventWithoutEnd_staysSilently() {
    event(100, 1, false);
    assertThat(event(100, 1, false)).isEmpty();
    assertThat(receiver.state()).isEqualTo(IN_EVENT);
  }

  @Test
  void inEvent_sameEventWithEnd_endsSilently() {
    event(100, 1, false);
    assertThat(event(100, 1, true)).isEmpty();
    assertThat(receiver.state()).isEqualTo(EVENT_ENDED);
  }

  @Test
  void inEvent_newEvent_reports() {
    event(100, 1, false);
    assertThat(event(900, 2, false)).contains(DtmfDigit.TWO);
    assertThat(receiver.state()).isEqualTo(IN_EVENT);
  }

  @Test
  void inEvent_newCodeOnTheSameTimestamp_isANewEvent() {
    event(100, 1, false);
    assertThat(event(100, 2, true)).contains(DtmfDigit.TWO);
    assertThat(receiver.state()).isEqualTo(EVENT_ENDED);
  }

  @Test
  void inEvent_olderEvent_isIgnored() {
    event(100, 1, false);
    assertThat(event(50, 3, true)).isEmpty();
    assertThat(receiver.state()).isEqualTo(IN_EVENT);
  }

  @Test
  void ended_sameEventAgain_isIgnored() {
    event(100, 1, true);
    assertThat(event(100, 1, true)).isEmpty();
    assertThat(event(100, 1, false)).isEmpty();
    assertThat(receiver.state()).isEqualTo(EVENT_ENDED);
  }

  @Test
  void ended_newEvent_reports() {
    event(100, 1, true);
    assertThat(event(900, 1, false)).contains(DtmfDigit.ONE);
    assertThat(receiver.state()).isEqualTo(IN_EVENT);
  }

  @Test
  void ended_olderEvent_isIgnored() {
    event(100, 1, true);
    assertThat(event(50, 3, false)).isEmpty();
    assertThat(receiver.state()).isEqualTo(EVENT_ENDED);
  }
}
