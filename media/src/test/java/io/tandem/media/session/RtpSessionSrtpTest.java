package io.tandem.media.session;

import static io.tandem.media.session.RecordingRtpListener.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.media.audio.AudioSource;
import io.tandem.media.clock.ManualPacer;
import io.tandem.media.dtmf.DtmfDigit;
import io.tandem.media.rtp.RtpPacket;
import io.tandem.media.srtp.MasterKey;
import io.tandem.media.srtp.SrtpKeys;
import io.tandem.media.srtp.SrtpSuite;
import io.tandem.media.srtp.SrtpUnprotector;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RtpSessionSrtpTest {

  private static final SrtpSuite SUITE = SrtpSuite.AES_CM_128_HMAC_SHA1_80;

  private final ManualPacer pacer = new ManualPacer();
  private final RecordingRtpListener heardByA = new RecordingRtpListener();
  private final RecordingRtpListener heardByB = new RecordingRtpListener();
  private final MasterKey keyOfA = MasterKey.random(new Random(11));
  private final MasterKey keyOfB = MasterKey.random(new Random(12));
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
    a.close();
    b.close();
  }

  @Test
  void protectedSessions_hearEachOthersAudioAndDigits() throws IOException {
    openPair();
    a.protect(new SrtpKeys(SUITE, keyOfA, keyOfB));
    b.protect(new SrtpKeys(SUITE, keyOfB, keyOfA));

    a.play(ramp(20));
    b.sendDigit(DtmfDigit.ofSymbol('5'));
    pacer.tick(20);

    List<RtpPacket> packets = heardByB.awaitPackets(20);
    assertThat(packets.get(7).payload()).containsOnly(ramp(20).frameByte(7));
    await(() -> !heardByA.digits().isEmpty(), "a digit through SRTP");
    assertThat(heardByA.digits()).containsExactly(DtmfDigit.ofSymbol('5'));
    assertThat(b.stats().srtpRejected()).isZero();
    assertThat(a.isProtected()).isTrue();
  }

  @Test
  void whatGoesOnTheWire_isSrtp_authenticatingOnlyWithTheSendersKey() throws IOException {
    openPair();
    try (DatagramChannel wire = DatagramChannel.open()) {
      wire.bind(new InetSocketAddress("127.0.0.1", 0));
      a.connect((InetSocketAddress) wire.getLocalAddress());
      a.protect(new SrtpKeys(SUITE, keyOfA, keyOfB));
      a.play(ramp(1));
      pacer.tick(1);

      ByteBuffer datagram = ByteBuffer.allocate(1500);
      wire.receive(datagram);
      byte[] bytes = Arrays.copyOf(datagram.array(), datagram.position());

      assertThat(bytes).hasSize(12 + 160 + 10);
      assertThat(Arrays.copyOfRange(bytes, 12, 172))
          .isNotEqualTo(filled(ramp(1).frameByte(0), 160));
      byte[] copy = bytes.clone();
      assertThat(new SrtpUnprotector(SUITE, keyOfB).unprotect(copy, copy.length))
          .isEqualTo(SrtpUnprotector.UNAUTHENTIC);
      assertThat(new SrtpUnprotector(SUITE, keyOfA).unprotect(bytes, bytes.length)).isEqualTo(172);
    }
  }

  @Test
  void forgedAndReplayedDatagrams_areDroppedAndCounted_neverDelivered() throws IOException {
    openPair();
    b.protect(new SrtpKeys(SUITE, keyOfB, keyOfA));
    try (DatagramChannel attacker = DatagramChannel.open()) {
      attacker.bind(new InetSocketAddress("127.0.0.1", 0));
      byte[] plain = RtpPacket.of(false, 0, 1, 160, 42, filled(0x55, 160)).toBytes();
      attacker.send(ByteBuffer.wrap(plain), b.localAddress());
      a.protect(new SrtpKeys(SUITE, keyOfA, keyOfB));
      a.play(ramp(3));
      pacer.tick(3);
      heardByB.awaitPackets(3);

      await(() -> b.stats().srtpRejected() == 1, "the plain packet rejected");
      assertThat(heardByB.packets()).hasSize(3).noneMatch(p -> p.ssrc() == 42);
      assertThat(b.remoteAddress()).contains(a.localAddress());
    }
  }

  @Test
  void keysChangedOnOneSide_isRejectedUntilTheOtherSideTakesThem() throws IOException {
    openPair();
    a.protect(new SrtpKeys(SUITE, keyOfA, keyOfB));
    b.protect(new SrtpKeys(SUITE, keyOfB, keyOfA));
    a.play(ramp(100));
    pacer.tick(2);
    heardByB.awaitPackets(2);

    MasterKey rekeyed = MasterKey.random(new Random(13));
    a.protect(new SrtpKeys(SUITE, rekeyed, keyOfB));
    pacer.tick(2);
    await(() -> b.stats().srtpRejected() == 2, "packets under the new key rejected");
    b.protect(new SrtpKeys(SUITE, keyOfB, rekeyed));
    pacer.tick(2);

    heardByB.awaitPackets(4);
    assertThat(b.stats().srtpRejected()).isEqualTo(2);
  }

  @Test
  void unprotected_goesBackToPlainRtp() throws IOException {
    openPair();
    a.protect(new SrtpKeys(SUITE, keyOfA, keyOfB));
    a.protect(null);

    a.play(ramp(2));
    pacer.tick(2);

    assertThat(heardByB.awaitPackets(2).getFirst().payload()).hasSize(160);
    assertThat(a.isProtected()).isFalse();
  }

  private static byte[] filled(int value, int length) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  private static Ramp ramp(int frames) {
    return new Ramp(frames);
  }

  /** Frame n is every sample at n·100: each frame's payload is one repeated μ-law byte. */
  private static final class Ramp implements AudioSource {
    private final int frames;
    private int next;

    Ramp(int frames) {
      this.frames = frames;
    }

    byte frameByte(int frame) {
      return io.tandem.media.codec.G711.PCMU.encode(new short[] {(short) (frame * 100)})[0];
    }

    @Override
    public boolean read(short[] frame) {
      if (next == frames) {
        return false;
      }
      Arrays.fill(frame, (short) (next++ * 100));
      return true;
    }
  }
}
