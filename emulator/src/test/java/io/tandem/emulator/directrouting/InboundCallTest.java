package io.tandem.emulator.directrouting;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.siptext.SipText;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SBC → Teams user calls over UDP and TCP: progress, answer, forks, failures, BYE, CANCEL. */
class InboundCallTest {

  static DirectRoutingFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = new DirectRoutingFixture();
  }

  @org.junit.jupiter.api.AfterEach
  void everyCallEnded() throws InterruptedException {
    fixture.assertNoCallLeft();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void invite_userAnswers_trying_ringing_progressWithSdp_ok_thenByeEndsIt() throws Exception {
    try (TestSbc sbc = TestSbc.udp(fixture.port("udp"));
        java.net.DatagramSocket rtp =
            new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
      rtp.setSoTimeout(3000);
      String invite =
          sbc.fixture(
              "invite-from-sbc.sip",
              Map.of("callee", "+14255550101", "rtpPort", Integer.toString(rtp.getLocalPort())));
      SipText request = SipText.parse(invite);
      sbc.send(invite);

      assertThat(sbc.next().status()).isEqualTo(100);
      SipText ringing = sbc.next();
      assertThat(ringing.status()).isEqualTo(180);
      assertThat(ringing.toTag()).isNotEmpty();
      SipText progress = sbc.next();
      assertThat(progress.status()).isEqualTo(183);
      assertThat(progress.header("Content-Type")).hasValue("application/sdp");
      assertThat(progress.body())
          .contains("m=audio ")
          .contains("RTP/SAVP 0 101")
          .contains("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:");
      assertThat(progress.toTag()).isEqualTo(ringing.toTag());

      fixture.clock.advance(Duration.ofSeconds(3));
      SipText ok = sbc.next();
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.toTag()).isEqualTo(ringing.toTag());
      assertThat(ok.header("Session-Expires")).hasValue("1800;refresher=uac");
      assertThat(ok.header("Require")).hasValue("timer");
      assertThat(ok.header("Contact"))
          .hasValueSatisfying(c -> assertThat(c).contains("sip.pstnhub.microsoft.com"));
      assertThat(ok.body()).contains("a=rtpmap:101 telephone-event/8000");
      java.net.DatagramPacket packet = new java.net.DatagramPacket(new byte[2048], 2048);
      rtp.receive(packet);
      assertThat(
              SrtpOnTheWire.decrypt(ok.body(), packet.getData(), packet.getLength()).payloadType())
          .isEqualTo(0);

      String callId = request.header("Call-ID").orElseThrow();
      String from = request.header("From").orElseThrow();
      String to = ok.header("To").orElseThrow();
      sbc.send(inDialog("ACK", 1, callId, from, to, sbc));
      sbc.send(inDialog("BYE", 2, callId, from, to, sbc));
      SipText byeOk = sbc.next();
      assertThat(byeOk.status()).isEqualTo(200);
      assertThat(byeOk.cseqMethod()).isEqualTo("BYE");
    }
  }

  @Test
  void declined_603_withReason_andRetryOfTheSameCallIsJournalledAsViolation() throws Exception {
    try (TestSbc sbc = TestSbc.udp(fixture.port("udp"))) {
      sbc.send(sbc.fixture("invite-from-sbc.sip", Map.of("callee", "+14255550102")));
      awaitProgress(sbc);
      fixture.clock.advance(Duration.ofSeconds(2));
      SipText declined = sbc.nextFinal();
      assertThat(declined.status()).isEqualTo(603);
      assertThat(declined.reasonPhrase()).isEqualTo("Decline");
      assertThat(declined.header("Reason"))
          .hasValueSatisfying(r -> assertThat(r).startsWith("Q.850;cause=21"));
      assertThat(fixture.journal("sip.violation")).isEmpty();

      try (TestSbc secondDatacenter =
          TestSbc.udp(fixture.port("sip2.pstnhub.microsoft.com", "udp"))) {
        String retry =
            secondDatacenter.fixture("invite-from-sbc.sip", Map.of("callee", "+14255550102"));
        secondDatacenter.send(retry);
        awaitProgress(secondDatacenter);
        assertThat(fixture.journal("sip.violation"))
            .singleElement()
            .satisfies(v -> assertThat(v.attributes().get("rule")).isEqualTo("603-not-retried"));
        fixture.clock.advance(Duration.ofSeconds(2));
        assertThat(secondDatacenter.nextFinal().status()).isEqualTo(603);
      }
    }
  }

  @Test
  void busyUser_486() throws Exception {
    try (TestSbc sbc = TestSbc.udp(fixture.port("udp"))) {
      sbc.send(sbc.fixture("invite-from-sbc.sip", Map.of("callee", "+14255550104")));
      awaitProgress(sbc);
      fixture.clock.advance(Duration.ofSeconds(1));
      SipText busy = sbc.nextFinal();
      assertThat(busy.status()).isEqualTo(486);
      assertThat(busy.header("Reason"))
          .hasValueSatisfying(r -> assertThat(r).startsWith("Q.850;cause=17"));
    }
  }

  @Test
  void noAnswer_ringsUntilTimeout_480() throws Exception {
    try (TestSbc sbc = TestSbc.tcp(fixture.port("tcp"))) {
      sbc.send(sbc.fixture("invite-from-sbc.sip", Map.of("callee", "+14255550103")));
      assertThat(sbc.next().status()).isEqualTo(100);
      assertThat(sbc.next().status()).isEqualTo(180);
      assertThat(sbc.next().status()).isEqualTo(183);
      fixture.clock.advance(Duration.ofSeconds(59));
      assertThat(sbc.silentFor(Duration.ofMillis(200))).isTrue();
      fixture.clock.advance(Duration.ofSeconds(1));
      SipText timedOut = sbc.nextFinal();
      assertThat(timedOut.status()).isEqualTo(480);
      assertThat(timedOut.header("Reason"))
          .hasValueSatisfying(r -> assertThat(r).startsWith("Q.850;cause=19"));
    }
  }

  @Test
  void trunkAtMaxConcurrentSessions_503_retryAfter1() throws Exception {
    try (TestSbc sbc = TestSbc.udp(fixture.port("udp"))) {
      java.util.List<SipText> ringing = new java.util.ArrayList<>();
      for (int i = 0; i < 3; i++) {
        String invite = sbc.fixture("invite-from-sbc.sip", Map.of("callee", "+14255550103"));
        sbc.send(invite);
        ringing.add(SipText.parse(invite));
        assertThat(sbc.next().status()).isEqualTo(100);
        assertThat(sbc.next().status()).isEqualTo(180);
        assertThat(sbc.next().status()).isEqualTo(183);
      }
      sbc.send(sbc.fixture("invite-from-sbc.sip", Map.of("callee", "+14255550101")));
      SipText overloaded = sbc.nextFinal();
      assertThat(overloaded.status()).isEqualTo(503);
      assertThat(overloaded.header("Retry-After")).hasValue("1");
      for (SipText invite : ringing) {
        sbc.send(InboundChecksTest.cancel(invite));
      }
      int terminated = 0;
      while (terminated < 3) {
        if (sbc.nextFinal().status() == 487) {
          terminated++;
        }
      }
    }
  }

  @Test
  void reInvite_sendonly_answeredRecvonly_thenUnhold() throws Exception {
    try (TestSbc sbc = TestSbc.udp(fixture.port("udp"))) {
      String invite = sbc.fixture("invite-from-sbc.sip", Map.of("callee", "+14255550101"));
      SipText request = SipText.parse(invite);
      sbc.send(invite);
      awaitProgress(sbc);
      fixture.clock.advance(Duration.ofSeconds(3));
      SipText ok = sbc.nextFinal();
      String callId = request.header("Call-ID").orElseThrow();
      String from = request.header("From").orElseThrow();
      String to = ok.header("To").orElseThrow();
      sbc.send(inDialog("ACK", 1, callId, from, to, sbc));
      String sdp = request.body().replace("a=sendrecv", "a=sendonly");
      String hold =
          inDialog("INVITE", 2, callId, from, to, sbc)
              .replace(
                  "Content-Length: 0\r\n\r\n",
                  "Contact: <sip:sbc1.customers.tandem.test:"
                      + sbc.port()
                      + ">\r\nContent-Type: application/sdp\r\nContent-Length: "
                      + sdp.length()
                      + "\r\n\r\n"
                      + sdp);
      sbc.send(hold);
      SipText held = sbc.nextFinal();
      assertThat(held.status()).isEqualTo(200);
      assertThat(held.body()).contains("a=recvonly");
      sbc.send(inDialog("ACK", 2, callId, from, to, sbc));
      assertThat(fixture.journal("call.held"))
          .anySatisfy(e -> assertThat(e.callId()).isEqualTo(callId));
      sbc.send(inDialog("BYE", 3, callId, from, to, sbc));
      assertThat(sbc.nextFinal().status()).isEqualTo(200);
    }
  }

  /** Reads 100, 180 and 183: the Teams client rings, its answer timer runs. */
  static void awaitProgress(TestSbc sbc) throws InterruptedException {
    while (sbc.next().status() != 183) {
      // 100 Trying, 180 Ringing
    }
  }

  static String inDialog(
      String method, int cseq, String callId, String from, String to, TestSbc sbc) {
    return method
        + " sip:sip.pstnhub.microsoft.com SIP/2.0\r\n"
        + "Via: SIP/2.0/"
        + sbc.transport().toUpperCase()
        + " sbc1.customers.tandem.test:"
        + sbc.port()
        + ";branch=z9hG4bK"
        + method.toLowerCase()
        + cseq
        + Long.toHexString(System.nanoTime())
        + ";rport\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: "
        + from
        + "\r\n"
        + "To: "
        + to
        + "\r\n"
        + "Call-ID: "
        + callId
        + "\r\n"
        + "CSeq: "
        + cseq
        + " "
        + method
        + "\r\n"
        + "Content-Length: 0\r\n\r\n";
  }
}
