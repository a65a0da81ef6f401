package io.tandem.emulator.directrouting;

import static org.assertj.core.api.Assertions.assertThat;

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

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void invite_userAnswers_trying_ringing_progressWithSdp_ok_thenByeEndsIt() throws Exception {
    try (TestSbc sbc = TestSbc.udp(fixture.port("udp"))) {
      String invite = sbc.fixture("invite-from-sbc.sip", Map.of("callee", "+14255550101"));
      SipMessage request = SipMessage.parse(invite);
      sbc.send(invite);

      assertThat(sbc.next().status()).isEqualTo(100);
      SipMessage ringing = sbc.next();
      assertThat(ringing.status()).isEqualTo(180);
      assertThat(ringing.toTag()).isNotEmpty();
      SipMessage progress = sbc.next();
      assertThat(progress.status()).isEqualTo(183);
      assertThat(progress.header("Content-Type")).hasValue("application/sdp");
      assertThat(progress.body()).contains("m=audio ").contains("RTP/AVP 0 101");
      assertThat(progress.toTag()).isEqualTo(ringing.toTag());

      fixture.clock.advance(Duration.ofSeconds(3));
      SipMessage ok = sbc.next();
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.toTag()).isEqualTo(ringing.toTag());
      assertThat(ok.header("Session-Expires")).hasValue("1800;refresher=uac");
      assertThat(ok.header("Require")).hasValue("timer");
      assertThat(ok.header("Contact"))
          .hasValueSatisfying(c -> assertThat(c).contains("sip.pstnhub.microsoft.com"));
      assertThat(ok.body()).contains("a=rtpmap:101 telephone-event/8000");

      String callId = request.header("Call-ID").orElseThrow();
      String from = request.header("From").orElseThrow();
      String to = ok.header("To").orElseThrow();
      sbc.send(inDialog("ACK", 1, callId, from, to, sbc));
      sbc.send(inDialog("BYE", 2, callId, from, to, sbc));
      SipMessage byeOk = sbc.next();
      assertThat(byeOk.status()).isEqualTo(200);
      assertThat(byeOk.cseqMethod()).isEqualTo("BYE");
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
