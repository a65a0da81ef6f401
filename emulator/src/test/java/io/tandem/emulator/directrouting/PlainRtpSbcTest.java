package io.tandem.emulator.directrouting;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.siptext.SipText;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With {@code requireSrtp} off the emulated media processor also takes plain RTP/AVP. */
class PlainRtpSbcTest {

  static DirectRoutingFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = new DirectRoutingFixture(settings -> settings.withRequireSrtp(false));
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void plainOffer_answeredPlain_mediaIsPlainRtp() throws Exception {
    try (TestSbc sbc = TestSbc.udp(fixture.port("udp"));
        DatagramSocket rtp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      rtp.setSoTimeout(3000);
      String invite =
          InboundChecksTest.withContentLength(
              InboundChecksTest.plain(
                      sbc.fixture(
                          "invite-from-sbc.sip",
                          Map.of(
                              "callee",
                              "+14255550101",
                              "rtpPort",
                              Integer.toString(rtp.getLocalPort()))))
                  .replace("RTP/SAVP", "RTP/AVP"));
      SipText request = SipText.parse(invite);
      sbc.send(invite);
      assertThat(sbc.next().status()).isEqualTo(100);
      assertThat(sbc.next().status()).isEqualTo(180);
      SipText progress = sbc.next();
      assertThat(progress.status()).isEqualTo(183);
      assertThat(progress.body()).contains("RTP/AVP 0 101").doesNotContain("a=crypto");

      fixture.clock.advance(Duration.ofSeconds(3));
      SipText ok = sbc.nextFinal();
      assertThat(ok.status()).isEqualTo(200);
      DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
      rtp.receive(packet);
      assertThat(packet.getLength()).isEqualTo(12 + 160);

      String callId = request.header("Call-ID").orElseThrow();
      String from = request.header("From").orElseThrow();
      String to = ok.header("To").orElseThrow();
      sbc.send(InboundCallTest.inDialog("ACK", 1, callId, from, to, sbc));
      sbc.send(InboundCallTest.inDialog("BYE", 2, callId, from, to, sbc));
      assertThat(sbc.nextFinal().status()).isEqualTo(200);
    }
  }
}
