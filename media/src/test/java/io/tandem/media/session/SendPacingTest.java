package io.tandem.media.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.media.audio.AudioSource;
import io.tandem.media.clock.ManualPacer;
import io.tandem.media.dtmf.DtmfDigit;
import io.tandem.media.rtp.RtpPacket;
import io.tandem.media.rtp.SerialNumbers;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A session is ticked only while it has something to send, and its timestamps keep media time. */
class SendPacingTest {

  private final ManualPacer pacer = new ManualPacer();
  private final RecordingRtpListener heardByA = new RecordingRtpListener();
  private final RecordingRtpListener heardByB = new RecordingRtpListener();
  private RtpSession a;
  private RtpSession b;

  private void openPair() throws IOException {
    a = RtpSession.open(RtpSessionOptions.defaults().withRandom(new Random(1)), pacer, heardByA);
    b = RtpSession.open(RtpSessionOptions.defaults().withRandom(new Random(2)), pacer, heardByB);
    a.connect(b.localAddress());
    b.connect(a.localAddress());
  }

  @AfterEach
  void close() {
    if (a != null) {
      a.close();
    }
    if (b != null) {
      b.close();
    }
  }

  private static AudioSource frames(int count) {
    return new AudioSource() {
      private int left = count;

      @Override
      public boolean read(short[] frame) {
        return left-- > 0;
      }
    };
  }

  private static long timestampDelta(RtpPacket from, RtpPacket to) {
    return SerialNumbers.timestampDelta(from.timestamp(), to.timestamp());
  }

  @Test
  void anIdleSession_isNotTicked_untilItHasSomethingToSend() throws IOException {
    openPair();

    assertThat(pacer.scheduledTasks()).isZero();
    assertThat(a.ticking()).isFalse();

    a.play(frames(2));
    assertThat(a.ticking()).isTrue();
    assertThat(pacer.scheduledTasks()).isEqualTo(1);
    pacer.tick(2);
    assertThat(a.ticking()).isTrue();
    pacer.tick(); // finds the source ended
    assertThat(a.ticking()).isFalse();
    assertThat(pacer.scheduledTasks()).isZero();
    assertThat(heardByB.awaitPackets(2)).hasSize(2);

    a.play(null);
    assertThat(a.ticking()).isFalse();
    a.sendDigit(DtmfDigit.ofSymbol('5'));
    assertThat(a.ticking()).isTrue();
    pacer.tick(40);
    assertThat(a.ticking()).isFalse();
  }

  @Test
  void afterAPause_timestampsHaveMovedOnByThePeriodsThatPassed_andAudioStartsATalkSpurt()
      throws IOException {
    openPair();
    a.play(frames(1));
    pacer.tick(); // period 1: the frame
    pacer.tick(); // period 2: ended, the ticks stop
    pacer.tick(50); // period 52, nothing ticking
    a.play(frames(1));
    pacer.tick(); // period 53

    List<RtpPacket> packets = heardByB.awaitPackets(2);

    assertThat(timestampDelta(packets.get(0), packets.get(1))).isEqualTo(52 * 160);
    assertThat(
            SerialNumbers.sequenceDelta(
                packets.get(0).sequenceNumber(), packets.get(1).sequenceNumber()))
        .isEqualTo(1);
    assertThat(packets.get(1).marker()).isTrue();
  }

  @Test
  void aPacketRelayedWhileIdle_isStampedAtTheCurrentPeriod() throws IOException {
    openPair();
    a.play(frames(1));
    pacer.tick(2); // period 1 sends, period 2 stops
    pacer.tick(48); // period 50
    a.relay(RtpPacket.of(false, 0, 7, 123_456, 99, new byte[160]));
    a.relay(RtpPacket.of(false, 0, 8, 123_456 + 160, 99, new byte[160]));

    List<RtpPacket> packets = heardByB.awaitPackets(3);

    assertThat(timestampDelta(packets.get(0), packets.get(1))).isEqualTo(50 * 160);
    assertThat(timestampDelta(packets.get(1), packets.get(2))).isEqualTo(160);
    assertThat(packets.get(1).marker()).isTrue();
    assertThat(pacer.scheduledTasks()).isZero();
  }

  @Test
  void aClosedSession_isNotWokenAgain() throws IOException {
    openPair();
    a.close();

    a.play(frames(5));
    a.sendDigit(DtmfDigit.ofSymbol('1'));

    assertThat(a.ticking()).isFalse();
    assertThat(pacer.scheduledTasks()).isZero();
  }
}
