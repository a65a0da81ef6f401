package io.tandem.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.flow.Prompt;
import io.tandem.core.time.Timer;
import io.tandem.media.audio.PcmAudio;
import io.tandem.media.clock.Pacer;
import io.tandem.media.clock.ScheduledPacer;
import io.tandem.media.ice.ControllingCheck;
import io.tandem.media.ice.IceCredentials;
import io.tandem.media.rtp.RtpPacket;
import io.tandem.sip.media.RtpPorts;
import io.tandem.sip.sdp.SrtpMode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Agent legs under media bypass: ICE-lite SDP, checks answered on the RTP port, ICE restart. */
class RtpLegMediaIceTest {

  private static final Pattern UFRAG = Pattern.compile("a=ice-ufrag:(\\S+)");
  private static final Pattern PWD = Pattern.compile("a=ice-pwd:(\\S+)");
  private static final Pattern PORT = Pattern.compile("m=audio (\\d+)");

  private final Random random = new Random(5);
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
  private final Pacer pacer = new ScheduledPacer(timers, System::nanoTime);
  private final RtpLegMediaFactory factory =
      new RtpLegMediaFactory(
          new RtpPorts(
              InetAddress.getLoopbackAddress(),
              io.tandem.sip.sipp.LoopbackPorts.rtpFirst(),
              io.tandem.sip.sipp.LoopbackPorts.rtpLast(),
              pacer),
          new NoPrompts(),
          pacer,
          Runnable::run,
          (at, task) -> Timer.NONE,
          Clock.systemUTC(),
          Duration.ofSeconds(30));
  private final IceCredentials teams = IceCredentials.random(random);
  private DatagramChannel client;
  private @Nullable LegMedia leg;

  @BeforeEach
  void open() throws Exception {
    client = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
    client.socket().setSoTimeout(5000);
  }

  @AfterEach
  void close() throws Exception {
    if (leg != null) {
      leg.close();
    }
    client.close();
    timers.shutdownNow();
  }

  @Test
  void bypassOffer_isIceLite_withOneHostCandidateOnTheRtpPort() throws Exception {
    leg = factory.offer(SrtpMode.REQUIRED, true);
    String sdp = leg.localSdp();

    int port = Integer.parseInt(match(PORT, sdp));
    assertThat(sdp)
        .contains("\r\na=ice-lite\r\n")
        .contains("a=candidate:1 1 UDP 2130706431 127.0.0.1 " + port + " typ host\r\n")
        .contains("a=rtcp-mux\r\n");
    assertThat(sdp.split("a=candidate:", -1)).hasSize(2);
    assertThat(match(UFRAG, sdp)).hasSize(8);
    assertThat(match(PWD, sdp)).hasSize(24);
  }

  @Test
  void withoutBypass_noIceLines() throws Exception {
    leg = factory.offer(SrtpMode.REQUIRED, false);

    assertThat(leg.localSdp()).doesNotContain("ice-").doesNotContain("candidate");
  }

  @Test
  void nominatingCheck_afterTheAnswer_movesMediaToItsSource() throws Exception {
    leg = factory.offer(SrtpMode.OFF, true);
    IceCredentials ours = localCredentials(leg.localSdp());
    leg.answered(teamsAnswer(teams, 40000));

    byte[] response = check(ControllingCheck.of(teams, ours, 1, 7, true, random));
    leg.quiet();

    assertThat(ControllingCheck.errorCode(response, response.length)).isZero();
    ByteBuffer media = ByteBuffer.allocate(1500);
    receiveWithin5s(media);
    media.flip();
    assertThat(RtpPacket.parse(media).payload()).hasSize(160);
  }

  @Test
  void checkNamingAnUnannouncedFragment_afterTheAnswer_gets401() throws Exception {
    leg = factory.offer(SrtpMode.OFF, true);
    IceCredentials ours = localCredentials(leg.localSdp());
    leg.answered(teamsAnswer(teams, 40000));

    byte[] response =
        check(ControllingCheck.of(IceCredentials.random(random), ours, 1, 7, true, random));

    assertThat(ControllingCheck.errorCode(response, response.length)).isEqualTo(401);
  }

  @Test
  void reofferWithTheSameCredentials_keepsOurs_newOnesRestartIce() throws Exception {
    leg = factory.answer(teamsOffer(teams, 1), SrtpMode.OFF, true);
    IceCredentials first = localCredentials(leg.localSdp());

    Reoffer same = leg.reoffered(teamsOffer(teams, 2));
    assertThat(localCredentials(same.answerSdp())).isEqualTo(first);

    IceCredentials restarted = IceCredentials.random(random);
    Reoffer restart = leg.reoffered(teamsOffer(restarted, 3));
    IceCredentials second = localCredentials(restart.answerSdp());

    assertThat(second).isNotEqualTo(first);
    byte[] stale = check(ControllingCheck.of(teams, first, 1, 7, true, random));
    assertThat(ControllingCheck.errorCode(stale, stale.length)).isEqualTo(401);
    byte[] fresh = check(ControllingCheck.of(restarted, second, 1, 7, true, random));
    assertThat(ControllingCheck.errorCode(fresh, fresh.length)).isZero();
  }

  @Test
  void offerWithUnusableIcePassword_isRefused400() {
    String offer = teamsOffer(teams, 1).replace("a=ice-pwd:" + teams.pwd(), "a=ice-pwd:short");

    assertThatThrownBy(() -> factory.answer(offer, SrtpMode.OFF, true))
        .isInstanceOf(MediaRefusedException.class)
        .satisfies(e -> assertThat(((MediaRefusedException) e).status()).isEqualTo(400));
  }

  private byte[] check(ControllingCheck check) throws Exception {
    int port = Integer.parseInt(match(PORT, leg.localSdp()));
    client.send(ByteBuffer.wrap(check.request()), new InetSocketAddress("127.0.0.1", port));
    ByteBuffer response = ByteBuffer.allocate(1500);
    receiveWithin5s(response);
    byte[] bytes = new byte[response.position()];
    response.flip().get(bytes);
    return bytes;
  }

  private static IceCredentials localCredentials(String sdp) {
    return new IceCredentials(match(UFRAG, sdp), match(PWD, sdp));
  }

  private String teamsOffer(IceCredentials credentials, int version) {
    return teamsAnswer(credentials, 40000).replace("o=teams 1 1", "o=teams 1 " + version);
  }

  private static String teamsAnswer(IceCredentials credentials, int port) {
    return "v=0\r\no=teams 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
        + "m=audio "
        + port
        + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n"
        + "a=ice-ufrag:"
        + credentials.ufrag()
        + "\r\na=ice-pwd:"
        + credentials.pwd()
        + "\r\na=candidate:1 1 UDP 2130706431 127.0.0.1 "
        + port
        + " typ host\r\na=rtcp-mux\r\n";
  }

  private static String match(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    assertThat(matcher.find()).as(pattern + " in " + text).isTrue();
    return matcher.group(1);
  }

  /** Prompts the test never plays. */
  private static final class NoPrompts implements io.tandem.sip.media.PromptAudio {
    @Override
    public PcmAudio audioOf(Prompt prompt, @Nullable String language) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<PcmAudio> announcement(int position, @Nullable Duration expectedWait) {
      throw new UnsupportedOperationException();
    }

    @Override
    public PcmAudio musicOnHold() {
      throw new UnsupportedOperationException();
    }
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
