package io.tandem.media.jitter;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.media.jitter.Playout.Kind;
import io.tandem.media.rtp.RtpPacket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JitterBufferTest {

  private final JitterBuffer buffer = new JitterBuffer();

  private static RtpPacket packet(int sequence) {
    return RtpPacket.of(
        false,
        0,
        sequence & 0xFFFF,
        160L * sequence & 0xFFFF_FFFFL,
        7,
        new byte[] {(byte) sequence});
  }

  private void offer(int... sequences) {
    for (int sequence : sequences) {
      buffer.offer(packet(sequence));
    }
  }

  /**
   * The next {@code slots} slots, each as its sequence number, "~n" for a concealment of n, or "-"
   * for silence.
   */
  private List<String> play(int slots) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < slots; i++) {
      Playout playout = buffer.poll();
      out.add(
          switch (playout.kind()) {
            case PACKET -> String.valueOf(playout.packet().sequenceNumber());
            case CONCEALED -> "~" + playout.packet().sequenceNumber();
            case SILENCE -> "-";
          });
    }
    return out;
  }

  @Test
  void playout_waitsUntilSixtyMillisecondsAreBuffered() {
    offer(10, 11);
    assertThat(play(2)).containsExactly("-", "-");

    offer(12);
    assertThat(play(3)).containsExactly("10", "11", "12");
  }

  @Test
  void reorderedPackets_playInSequence() {
    offer(3, 1, 2, 5, 4, 6);

    assertThat(play(6)).containsExactly("1", "2", "3", "4", "5", "6");
  }

  @Test
  void duplicates_playOnceAndAreCounted() {
    offer(1, 2, 2, 3, 1);

    assertThat(play(3)).containsExactly("1", "2", "3");
    assertThat(buffer.stats().duplicates()).isEqualTo(2);
  }

  @Test
  void aLostPacket_isConcealedByRepeatingTheLastOne() {
    offer(1, 2, 4, 5);

    assertThat(play(4)).containsExactly("1", "2", "~2", "4");
    assertThat(buffer.stats().lost()).isEqualTo(1);
  }

  @Test
  void aLongGap_isConcealedThreeTimesThenSilent() {
    offer(1, 2, 3, 9);

    assertThat(play(9)).containsExactly("1", "2", "3", "~3", "~3", "~3", "-", "-", "9");
    assertThat(buffer.stats().lost()).isEqualTo(5);
  }

  @Test
  void aPacketAfterItsSlot_isLateAndDropped() {
    offer(1, 2, 4);
    assertThat(play(3)).containsExactly("1", "2", "~2");

    offer(3);
    offer(5);

    assertThat(play(2)).containsExactly("4", "5");
    assertThat(buffer.stats().late()).isEqualTo(1);
  }

  @Test
  void sequenceNumbers_wrapFrom65535To0() {
    offer(65534, 0, 65535, 1, 2);

    assertThat(play(5)).containsExactly("65534", "65535", "0", "1", "2");
  }

  @Test
  void aPacketJustBeforeTheFirst_staysInOrderAcrossTheWrap() {
    offer(0, 65535, 1);

    assertThat(play(3)).containsExactly("65535", "0", "1");
  }

  @Test
  void anEmptyBuffer_concealsThenRefillsBeforePlayingAgain() {
    offer(1, 2, 3);
    assertThat(play(6)).containsExactly("1", "2", "3", "~3", "~3", "~3");

    offer(4);
    assertThat(play(1)).containsExactly("-");
    offer(5, 6);
    assertThat(play(3)).containsExactly("4", "5", "6");
    assertThat(buffer.stats().underruns()).isEqualTo(3);
  }

  @Test
  void aPacketArrivingDuringAnUnderrun_isPlayedNotDropped() {
    offer(1, 2, 3);
    assertThat(play(4)).containsExactly("1", "2", "3", "~3");

    offer(4);

    assertThat(play(1)).containsExactly("4");
    assertThat(buffer.stats().late()).isZero();
  }

  @Test
  void aJumpInSequence_restartsTheBuffer() {
    offer(1, 2, 3);
    play(1);

    offer(30000, 30001, 30002);

    assertThat(play(3)).containsExactly("30000", "30001", "30002");
  }

  @Test
  void morePacketsThanCapacity_discardTheOldest() {
    for (int sequence = 1; sequence <= 20; sequence++) {
      offer(sequence);
    }

    assertThat(play(1)).containsExactly("5");
    assertThat(buffer.stats().discarded()).isEqualTo(4);
  }

  @Test
  void depth_isConfigurable() {
    JitterBuffer shallow = new JitterBuffer(Duration.ofMillis(20));
    shallow.offer(packet(1));

    assertThat(shallow.depth()).isEqualTo(1);
    assertThat(shallow.poll().kind()).isEqualTo(Kind.PACKET);
  }
}
