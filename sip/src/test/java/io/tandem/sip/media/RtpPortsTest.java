package io.tandem.sip.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.media.clock.ScheduledPacer;
import io.tandem.media.codec.G711;
import io.tandem.media.session.RtpListener;
import io.tandem.media.session.RtpSession;
import io.tandem.sip.sdp.Direction;
import io.tandem.sip.sdp.NegotiatedMedia;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RtpPortsTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final int FIRST = 47100;

  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
  private final RtpPorts ports =
      new RtpPorts(LOOPBACK, FIRST, FIRST + 4, new ScheduledPacer(timers, System::nanoTime));
  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable closeable : opened) {
      closeable.close();
    }
    timers.shutdownNow();
  }

  @Test
  void open_takesEvenPortsOfTheRange_andSkipsPortsInUse() throws Exception {
    DatagramChannel squatter =
        DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, FIRST + 2));
    opened.add(squatter);

    int a = open(G711.PCMU, 101).localAddress().getPort();
    int b = open(G711.PCMU, 101).localAddress().getPort();

    assertThat(List.of(a, b)).containsExactly(FIRST, FIRST + 4);
  }

  @Test
  void open_fullRange_isAnIOException_andAClosedSessionFreesItsPort() throws Exception {
    RtpSession first = open(G711.PCMU, 101);
    open(G711.PCMU, 101);
    open(G711.PCMA, 101);

    assertThatThrownBy(() -> ports.open(G711.PCMU, 101, RtpListener.IGNORE))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no free RTP port in 47100-47104");
    first.close();
    assertThat(open(G711.PCMU, 101).localAddress().getPort()).isEqualTo(FIRST);
  }

  @Test
  void open_negotiatedMedia_usesItsCodecAndTelephoneEvents_andSendsToTheFarEnd() throws Exception {
    NegotiatedMedia media =
        new NegotiatedMedia(
            G711.PCMA, new InetSocketAddress(LOOPBACK, 6000), 96, Direction.SENDRECV, 20);

    RtpSession session = track(ports.open(media, RtpListener.IGNORE));

    assertThat(session.options().codec()).isEqualTo(G711.PCMA);
    assertThat(session.options().dtmf().payloadType()).isEqualTo(96);
    assertThat(session.remoteAddress()).contains(new InetSocketAddress(LOOPBACK, 6000));
  }

  @Test
  void open_holdWithoutAddress_sendsNowhere() throws Exception {
    NegotiatedMedia hold =
        new NegotiatedMedia(
            G711.PCMU, new InetSocketAddress("0.0.0.0", 6000), -1, Direction.RECVONLY, 20);

    RtpSession session = track(ports.open(hold, RtpListener.IGNORE));

    assertThat(session.remoteAddress()).isEmpty();
    assertThat(session.options().dtmf().payloadType()).isEqualTo(101);
  }

  @Test
  void adopt_sameCodec_keepsTheSession_otherCodec_reopensOnTheSamePort() throws Exception {
    RtpSession offered = open(G711.PCMU, 101);
    int port = offered.localAddress().getPort();
    InetSocketAddress teams = new InetSocketAddress(LOOPBACK, 51000);

    RtpSession same =
        ports.adopt(offered, new NegotiatedMedia(G711.PCMU, teams, 101, Direction.SENDRECV, 20));
    RtpSession reopened =
        track(ports.adopt(same, new NegotiatedMedia(G711.PCMA, teams, 97, Direction.SENDRECV, 20)));

    assertThat(same).isSameAs(offered);
    assertThat(offered.isClosed()).isTrue();
    assertThat(reopened.localAddress().getPort()).isEqualTo(port);
    assertThat(reopened.options().codec()).isEqualTo(G711.PCMA);
    assertThat(reopened.options().dtmf().payloadType()).isEqualTo(97);
    assertThat(reopened.remoteAddress()).contains(teams);
  }

  @Test
  void constructor_rejectsOddOrEmptyRanges() {
    var pacer = new ScheduledPacer(timers, System::nanoTime);
    assertThatThrownBy(() -> new RtpPorts(LOOPBACK, 20001, 20010, pacer))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RtpPorts(LOOPBACK, 20000, 19998, pacer))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RtpPorts(LOOPBACK, 80, 100, pacer))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private RtpSession open(G711 codec, int dtmf) throws IOException {
    return track(ports.open(codec, dtmf, RtpListener.IGNORE));
  }

  private RtpSession track(RtpSession session) {
    opened.add(session);
    return session;
  }
}
