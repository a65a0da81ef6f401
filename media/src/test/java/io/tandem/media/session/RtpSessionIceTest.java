package io.tandem.media.session;

import static io.tandem.media.session.RecordingRtpListener.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.media.audio.SilenceSource;
import io.tandem.media.clock.ManualPacer;
import io.tandem.media.ice.ControllingCheck;
import io.tandem.media.ice.IceCredentials;
import io.tandem.media.ice.IceLiteAgent;
import io.tandem.media.ice.IceLiteState;
import io.tandem.media.rtp.RtpPacket;
import io.tandem.media.srtp.MasterKey;
import io.tandem.media.srtp.SrtpKeys;
import io.tandem.media.srtp.SrtpProtector;
import io.tandem.media.srtp.SrtpSuite;
import io.tandem.media.srtp.SrtpUnprotector;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** STUN and SRTP on one port: a real session, a real socket standing in for the Teams client. */
class RtpSessionIceTest {

  private static final SrtpSuite SUITE = SrtpSuite.AES_CM_128_HMAC_SHA1_80;

  private final Random random = new Random(3);
  private final ManualPacer pacer = new ManualPacer();
  private final RecordingRtpListener heard = new RecordingRtpListener();
  private final MasterKey ours = MasterKey.random(random);
  private final MasterKey theirs = MasterKey.random(random);
  private final IceCredentials teams = IceCredentials.random(random);
  private RtpSession session;
  private IceLiteAgent agent;
  private DatagramChannel client;

  @BeforeEach
  void open() throws IOException {
    session = RtpSession.open(RtpSessionOptions.defaults().withRandom(random), pacer, heard);
    agent = new IceLiteAgent(random, session::connect);
    agent.remote(teams);
    session.receiveStun(agent);
    session.protect(new SrtpKeys(SUITE, ours, theirs));
    client = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
    client.socket().setSoTimeout(5000);
  }

  @AfterEach
  void close() throws IOException {
    session.close();
    client.close();
  }

  @Test
  void nominatingCheck_isAnsweredFromTheMediaPort_andMediaGoesToItsSource() throws IOException {
    ControllingCheck check = ControllingCheck.of(teams, agent.local(), 1000, 9, true, random);

    client.send(ByteBuffer.wrap(check.request()), session.localAddress());
    ByteBuffer response = ByteBuffer.allocate(1500);
    InetSocketAddress from = (InetSocketAddress) receiveWithin5s(response);

    assertThat(from.getPort()).isEqualTo(session.localAddress().getPort());
    assertThat(check.judge(response.array(), response.position()))
        .isEqualTo(ControllingCheck.Outcome.SUCCEEDED);
    assertThat(session.remoteAddress()).contains(clientAddress());
    session.play(SilenceSource.endless());
    pacer.tick(1);
    ByteBuffer media = ByteBuffer.allocate(1500);
    receiveWithin5s(media);
    byte[] srtp = Arrays.copyOf(media.array(), media.position());
    assertThat(new SrtpUnprotector(SUITE, ours).unprotect(srtp, srtp.length)).isEqualTo(172);
  }

  @Test
  void srtpFromTheNominatedPeer_isDelivered_besideItsChecks() throws IOException {
    client.send(
        ByteBuffer.wrap(ControllingCheck.of(teams, agent.local(), 1, 9, true, random).request()),
        session.localAddress());
    SrtpProtector protector = new SrtpProtector(SUITE, theirs);
    for (int i = 0; i < 3; i++) {
      byte[] packet = RtpPacket.of(false, 0, i, i * 160L, 77, new byte[160]).toBytes();
      byte[] sealed = Arrays.copyOf(packet, packet.length + 10);
      int length = protector.protect(sealed, packet.length);
      client.send(ByteBuffer.wrap(sealed, 0, length), session.localAddress());
    }

    heard.awaitPackets(3);
    assertThat(session.stats().srtpRejected()).isZero();
    assertThat(session.stats().malformedReceived()).isZero();
  }

  @Test
  void checkWithWrongPassword_gets401_andLatchesNothing() throws IOException {
    IceCredentials forged = new IceCredentials(agent.local().ufrag(), "z".repeat(22));
    ControllingCheck check = ControllingCheck.of(teams, forged, 1, 9, true, random);

    client.send(ByteBuffer.wrap(check.request()), session.localAddress());
    ByteBuffer response = ByteBuffer.allocate(1500);
    receiveWithin5s(response);

    assertThat(ControllingCheck.errorCode(response.array(), response.position())).isEqualTo(401);
    assertThat(session.remoteAddress()).isEmpty();
    assertThat(agent.state()).isEqualTo(IceLiteState.CHECKING);
  }

  @Test
  void malformedStun_isDropped_andTheNextCheckIsStillAnswered() throws IOException {
    client.send(ByteBuffer.wrap(new byte[] {0, 1, 0, 4, 0x21, 0x12}), session.localAddress());
    ControllingCheck check = ControllingCheck.of(teams, agent.local(), 1, 9, false, random);
    client.send(ByteBuffer.wrap(check.request()), session.localAddress());

    ByteBuffer response = ByteBuffer.allocate(1500);
    receiveWithin5s(response);

    assertThat(check.judge(response.array(), response.position()))
        .isEqualTo(ControllingCheck.Outcome.SUCCEEDED);
    assertThat(agent.stats().dropped()).isEqualTo(1);
    assertThat(session.stats().srtpRejected()).isZero();
  }

  @Test
  void withoutIce_aStunDatagramIsJustNotRtp() throws IOException {
    session.receiveStun(null);
    session.protect(null);
    byte[] request = ControllingCheck.of(teams, agent.local(), 1, 9, true, random).request();

    client.send(ByteBuffer.wrap(request), session.localAddress());

    await(
        () -> session.stats().malformedReceived() == 1,
        "the STUN datagram counted as malformed RTP");
    assertThat(agent.stats().answered()).isZero();
    assertThat(session.remoteAddress()).isEmpty();
  }

  private InetSocketAddress clientAddress() throws IOException {
    return (InetSocketAddress) client.getLocalAddress();
  }

  /**
   * Receives one datagram into {@code into} (as {@code DatagramChannel.receive}), or fails after 5
   * s.
   */
  private InetSocketAddress receiveWithin5s(ByteBuffer into) throws java.io.IOException {
    java.net.DatagramPacket packet = new java.net.DatagramPacket(new byte[1500], 1500);
    client.socket().receive(packet);
    into.put(packet.getData(), 0, packet.getLength());
    return (InetSocketAddress) packet.getSocketAddress();
  }
}
