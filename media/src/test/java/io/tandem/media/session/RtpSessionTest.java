package io.tandem.media.session;

import static io.tandem.media.session.RecordingRtpListener.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.media.audio.AudioSource;
import io.tandem.media.clock.ManualPacer;
import io.tandem.media.clock.ScheduledPacer;
import io.tandem.media.codec.G711;
import io.tandem.media.dtmf.DtmfDigit;
import io.tandem.media.rtp.RtpPacket;
import io.tandem.media.rtp.SerialNumbers;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RtpSessionTest {

  private final ManualPacer pacer = new ManualPacer();
  private final RecordingRtpListener heardByA = new RecordingRtpListener();
  private final RecordingRtpListener heardByB = new RecordingRtpListener();
  private RtpSession a;
  private RtpSession b;

  private void openPair(RtpSessionOptions options) throws IOException {
    a = RtpSession.open(options.withRandom(new Random(1)), pacer, heardByA);
    b = RtpSession.open(options.withRandom(new Random(2)), pacer, heardByB);
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

  /** Frame n holds the value n in every sample: a ramp the receiver can check frame by frame. */
  private static AudioSource countingFrames(int frames) {
    return new AudioSource() {
      private int next;

      @Override
      public boolean read(short[] frame) {
        if (next == frames) {
          return false;
        }
        java.util.Arrays.fill(frame, (short) (next++ * 100));
        return true;
      }
    };
  }

  @Test
  void fiftyFrames_arriveWithContinuousSequenceAndTimestamps() throws IOException {
    openPair(RtpSessionOptions.defaults());
    a.play(countingFrames(50));

    pacer.tick(50);
    List<RtpPacket> packets = heardByB.awaitPackets(50);

    assertThat(packets).hasSize(50);
    RtpPacket first = packets.getFirst();
    assertThat(first.marker()).isTrue();
    for (int i = 0; i < packets.size(); i++) {
      RtpPacket packet = packets.get(i);
      assertThat(packet.payloadType()).isEqualTo(G711.PCMU.payloadType());
      assertThat(packet.ssrc()).isEqualTo(a.ssrc());
      assertThat(packet.payload()).hasSize(160);
      assertThat(packet.payload()[0]).isEqualTo(G711.PCMU.encode((short) (i * 100)));
      assertThat(SerialNumbers.sequenceDelta(first.sequenceNumber(), packet.sequenceNumber()))
          .isEqualTo(i);
      assertThat(SerialNumbers.timestampDelta(first.timestamp(), packet.timestamp()))
          .isEqualTo(160L * i);
      assertThat(packet.marker()).isEqualTo(i == 0);
    }
    assertThat(a.stats().packetsSent()).isEqualTo(50);
  }

  @Test
  void bothWays_eachStreamHasItsOwnRandomSsrcAndStarts() throws IOException {
    openPair(RtpSessionOptions.defaults().withCodec(G711.PCMA));
    a.play(countingFrames(5));
    b.play(countingFrames(5));

    pacer.tick(5);

    RtpPacket fromA = heardByB.awaitPackets(5).getFirst();
    RtpPacket fromB = heardByA.awaitPackets(5).getFirst();
    assertThat(fromA.ssrc()).isNotEqualTo(fromB.ssrc());
    assertThat(fromA.sequenceNumber()).isNotEqualTo(fromB.sequenceNumber());
    assertThat(fromA.payloadType()).isEqualTo(8);
  }

  @Test
  void aPauseInTheAudio_startsANewTalkSpurt_andTimestampsKeepCounting() throws IOException {
    openPair(RtpSessionOptions.defaults());
    a.play(countingFrames(3));
    pacer.tick(5);
    a.play(countingFrames(2));
    pacer.tick(3);

    List<RtpPacket> packets = heardByB.awaitPackets(5);

    assertThat(packets)
        .extracting(RtpPacket::marker)
        .containsExactly(true, false, false, true, false);
    assertThat(SerialNumbers.timestampDelta(packets.get(2).timestamp(), packets.get(3).timestamp()))
        .isEqualTo(3 * 160L);
    assertThat(
            SerialNumbers.sequenceDelta(
                packets.get(2).sequenceNumber(), packets.get(3).sequenceNumber()))
        .isEqualTo(1);
    assertThat(a.playing()).isNull();
    assertThat(a.stats().packetsSent()).isEqualTo(5);
  }

  @Test
  void aDigitOverRfc4733_isDetectedExactlyOnce() throws IOException {
    openPair(RtpSessionOptions.defaults());

    a.sendDigit(DtmfDigit.FIVE);
    pacer.tick(10);
    List<RtpPacket> packets = heardByB.awaitPackets(7);

    assertThat(packets).hasSize(7).extracting(RtpPacket::payloadType).containsOnly(101);
    assertThat(packets)
        .extracting(RtpPacket::timestamp)
        .containsOnly(packets.getFirst().timestamp());
    assertThat(heardByB.digits()).containsExactly(DtmfDigit.FIVE);
  }

  @Test
  void digitsInterruptAudio_andAudioResumesAfterThem() throws IOException {
    openPair(RtpSessionOptions.defaults());
    a.play(countingFrames(20));

    pacer.tick(2);
    a.sendDigits("1#");
    pacer.tick(18);
    List<RtpPacket> packets = heardByB.awaitPackets(20);

    assertThat(packets)
        .extracting(RtpPacket::payloadType)
        .containsExactly(
            0, 0, 101, 101, 101, 101, 101, 101, 101, 101, 101, 101, 101, 101, 101, 101, 0, 0, 0, 0);
    assertThat(heardByB.digits()).containsExactly(DtmfDigit.ONE, DtmfDigit.POUND);
    long audioBefore = packets.get(1).timestamp();
    long audioAfter = packets.get(16).timestamp();
    assertThat(SerialNumbers.timestampDelta(audioBefore, audioAfter)).isEqualTo(15 * 160L);
    assertThat(SerialNumbers.timestampDelta(packets.get(2).timestamp(), packets.get(9).timestamp()))
        .isEqualTo(7 * 160L);
  }

  @Test
  void onARealPacer_framesFlowEvery20ms() throws IOException {
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    try {
      ScheduledPacer realPacer = new ScheduledPacer(executor, System::nanoTime);
      a = RtpSession.open(RtpSessionOptions.defaults(), realPacer, heardByA);
      b = RtpSession.open(RtpSessionOptions.defaults(), realPacer, heardByB);
      a.connect(b.localAddress());
      a.play(countingFrames(10));

      List<RtpPacket> packets = heardByB.awaitPackets(10);

      assertThat(packets).extracting(RtpPacket::sequenceNumber).doesNotHaveDuplicates();
      assertThat(
              SerialNumbers.timestampDelta(packets.get(0).timestamp(), packets.get(9).timestamp()))
          .isEqualTo(9 * 160L);
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void nothingIsSent_beforeARemoteIsKnown() throws IOException {
    a = RtpSession.open(RtpSessionOptions.defaults(), pacer, heardByA);
    a.play(countingFrames(3));

    pacer.tick(3);

    assertThat(a.stats().packetsSent()).isZero();
    assertThat(a.stats().packetsUnsent()).isEqualTo(3);
  }

  @Test
  void symmetricLatching_answersWherePacketsComeFrom() throws IOException {
    a = RtpSession.open(RtpSessionOptions.defaults(), pacer, heardByA);
    b = RtpSession.open(RtpSessionOptions.defaults(), pacer, heardByB);
    a.connect(b.localAddress());
    b.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), 9)); // stale SDP address
    a.play(countingFrames(1));
    pacer.tick();
    heardByB.awaitPackets(1);

    b.play(countingFrames(1));
    pacer.tick();

    assertThat(heardByA.awaitPackets(1)).hasSize(1);
    assertThat(b.remoteAddress()).contains(a.localAddress());
  }

  @Test
  void withoutLatching_theSdpAddressIsKept() throws IOException {
    a = RtpSession.open(RtpSessionOptions.defaults(), pacer, heardByA);
    InetSocketAddress sdp = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9);
    b = RtpSession.open(RtpSessionOptions.defaults().withSymmetricLatching(false), pacer, heardByB);
    a.connect(b.localAddress());
    b.connect(sdp);
    a.play(countingFrames(1));
    pacer.tick();
    heardByB.awaitPackets(1);

    assertThat(b.remoteAddress()).contains(sdp);
  }

  @Test
  void malformedDatagrams_areCountedAndSkipped() throws IOException {
    openPair(RtpSessionOptions.defaults());
    try (DatagramChannel stranger = DatagramChannel.open()) {
      stranger.send(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}), b.localAddress());
    }
    a.play(countingFrames(1));
    pacer.tick();

    heardByB.awaitPackets(1);
    await(() -> b.stats().malformedReceived() == 1, "the malformed datagram to be counted");
  }

  @Test
  void aFailingListener_isCounted_andTheSessionKeepsReceiving() throws IOException {
    openPair(RtpSessionOptions.defaults());
    b.listen(
        new RtpListener() {
          @Override
          public void onPacket(RtpPacket packet) {
            throw new IllegalStateException("listener bug");
          }
        });
    a.play(countingFrames(3));
    pacer.tick(3);

    await(() -> b.stats().listenerFailures() == 3, "three failures");
    b.listen(heardByB);
    a.play(countingFrames(1));
    pacer.tick();
    assertThat(heardByB.awaitPackets(1)).hasSize(1);
  }

  @Test
  void close_releasesThePort_andStopsTheTicks() throws IOException {
    a = RtpSession.open(RtpSessionOptions.defaults(), pacer, heardByA);
    InetSocketAddress address = a.localAddress();

    a.close();

    assertThat(a.isClosed()).isTrue();
    assertThat(pacer.scheduledTasks()).isZero();
    try (DatagramChannel again = DatagramChannel.open().bind(address)) {
      assertThat(again.getLocalAddress()).isEqualTo(address);
    }
  }
}
