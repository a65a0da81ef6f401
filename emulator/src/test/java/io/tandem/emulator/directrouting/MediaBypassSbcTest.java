package io.tandem.emulator.directrouting;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.siptext.SipText;
import io.tandem.media.ice.IceCredentials;
import io.tandem.media.ice.StunAttribute;
import io.tandem.media.ice.StunMessage;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With {@code mediaBypass} the Teams client answers an ICE-lite SBC with its own ICE lines, checks
 * the SBC's candidate as the controlling agent once answered, and ends the call when nothing
 * answers its checks.
 */
class MediaBypassSbcTest {

  private static final IceCredentials SBC = new IceCredentials("sbcF", "sbcPasswordOf22charsXX");

  static DirectRoutingFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = new DirectRoutingFixture(settings -> settings.withMediaBypass(true));
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void unansweredChecks_endTheCallWithBye_andAreJournaled() throws Exception {
    try (TestSbc sbc = TestSbc.udp(fixture.port("udp"));
        DatagramSocket rtp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      rtp.setSoTimeout(3000);
      String invite = iceLiteInvite(sbc, rtp.getLocalPort());
      SipText request = SipText.parse(invite);
      sbc.send(invite);
      assertThat(sbc.next().status()).isEqualTo(100);
      assertThat(sbc.next().status()).isEqualTo(180);
      SipText progress = sbc.next();
      assertThat(progress.status()).isEqualTo(183);
      assertThat(progress.body())
          .contains("a=ice-ufrag:")
          .contains("a=ice-pwd:")
          .contains("typ host")
          .doesNotContain("a=ice-lite");

      fixture.clock.advance(Duration.ofSeconds(3));
      SipText ok = sbc.nextFinal();
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ufrag(ok.body())).isEqualTo(ufrag(progress.body()));
      String callId = request.header("Call-ID").orElseThrow();
      String from = request.header("From").orElseThrow();
      String to = ok.header("To").orElseThrow();
      sbc.send(InboundCallTest.inDialog("ACK", 1, callId, from, to, sbc));

      // The first check: USERNAME <sbc>:<client>, PRIORITY, ICE-CONTROLLING, signed, no nomination.
      DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
      rtp.receive(packet);
      StunMessage check = StunMessage.parse(packet.getData(), packet.getLength());
      assertThat(check.type()).isEqualTo(StunMessage.BINDING_REQUEST);
      assertThat(check.username()).contains(SBC.ufrag() + ":" + ufrag(ok.body()));
      assertThat(check.priority()).isPresent();
      assertThat(check.has(StunAttribute.ICE_CONTROLLING)).isTrue();
      assertThat(check.has(StunAttribute.USE_CANDIDATE)).isFalse();
      assertThat(check.integrityMatches(SBC.key())).isTrue();
      assertThat(check.fingerprintMatches()).isTrue();

      // Each retransmission comes once its wait passed: five transmissions, then the call ends.
      for (int sent = 1; sent < TeamsMediaIce.RETRANSMISSIONS.size(); sent++) {
        fixture.clock.advance(Duration.ofSeconds(2));
        rtp.receive(packet);
        StunMessage again = StunMessage.parse(packet.getData(), packet.getLength());
        assertThat(again.transactionId()).isEqualTo(check.transactionId());
      }
      fixture.clock.advance(Duration.ofSeconds(2));
      SipText bye = sbc.nextRequest("BYE");
      assertThat(bye.header("Reason").orElseThrow()).contains("ICE connectivity checks failed");
      assertThat(fixture.awaitJournal("ice.failed", callId).attributes().get("reason"))
          .isEqualTo("no response to 5 transmissions");
      assertThat(fixture.journal("ice.nominated")).noneMatch(e -> callId.equals(e.callId()));
      assertThat(rtpPacketsAmong(rtp)).as("media sent without ICE").isZero();
    }
  }

  private static String iceLiteInvite(TestSbc sbc, int rtpPort) throws Exception {
    String invite =
        sbc.fixture(
            "invite-from-sbc.sip",
            Map.of("callee", "+14255550101", "rtpPort", Integer.toString(rtpPort)));
    invite =
        invite.replace("t=0 0\r\n", "t=0 0\r\na=ice-lite\r\n")
            + "a=ice-ufrag:"
            + SBC.ufrag()
            + "\r\na=ice-pwd:"
            + SBC.pwd()
            + "\r\na=candidate:1 1 UDP 2130706431 127.0.0.1 "
            + rtpPort
            + " typ host\r\na=rtcp-mux\r\n";
    return InboundChecksTest.withContentLength(invite);
  }

  private static String ufrag(String sdp) {
    return Arrays.stream(sdp.split("\r\n"))
        .filter(line -> line.startsWith("a=ice-ufrag:"))
        .map(line -> line.substring("a=ice-ufrag:".length()))
        .findFirst()
        .orElseThrow();
  }

  /** How many datagrams still queued on {@code rtp} are RTP (first byte 128-191). */
  private static int rtpPacketsAmong(DatagramSocket rtp) throws Exception {
    rtp.setSoTimeout(50);
    int count = 0;
    DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
    for (int i = 0; i < 20; i++) {
      try {
        rtp.receive(packet);
      } catch (java.net.SocketTimeoutException drained) {
        return count;
      }
      int first = packet.getData()[0] & 0xff;
      if (first >= 128 && first <= 191) {
        count++;
      }
    }
    return count;
  }
}
