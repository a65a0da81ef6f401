package io.tandem.emulator.directrouting;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.siptext.SipText;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The proxy's session timer on SBC → Teams calls (RFC 4028): the 200 makes a timer-capable SBC the
 * refresher of a 1800 s session; a refresh (UPDATE) restarts the deadline (1800 − 32 s), and a
 * session left unrefreshed past it ends with BYE and a Reason; an SBC that does not support timers
 * is never timed out.
 */
class SessionExpiryTest {

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
  void refreshedByUpdate_thenUnrefreshed_byeWithReasonAtTheDeadline() throws Exception {
    try (TestSbc sbc = TestSbc.udp(fixture.port("udp"))) {
      Call call = connect(sbc, "invite-from-sbc.sip");

      fixture.clock.advance(Duration.ofSeconds(1700));
      assertThat(sbc.silentFor(Duration.ofMillis(200))).as("within the deadline").isTrue();
      sbc.send(InboundCallTest.inDialog("UPDATE", 2, call.callId(), call.from(), call.to(), sbc));
      SipText refreshed = sbc.nextFinal();
      assertThat(refreshed.status()).isEqualTo(200);
      assertThat(refreshed.header("Session-Expires")).hasValue("1800;refresher=uac");
      fixture.awaitJournal("call.sessionRefreshed", call.callId());

      fixture.clock.advance(Duration.ofSeconds(1700));
      assertThat(sbc.silentFor(Duration.ofMillis(200))).as("the refresh moved it").isTrue();
      fixture.clock.advance(Duration.ofSeconds(100));

      SipText bye = sbc.nextRequest("BYE");
      assertThat(bye.header("Reason").orElseThrow()).contains("cause=408").contains("expired");
      sbc.send(bye.response(200, "OK", ""));
      fixture.awaitJournal("call.sessionExpired", call.callId());
    }
  }

  @Test
  void sbcWithoutTimerSupport_isNeverTimedOut() throws Exception {
    try (TestSbc sbc = TestSbc.udp(fixture.port("udp"))) {
      Call call = connect(sbc, "invite-from-sbc-without-timer");
      assertThat(call.ok().header("Require")).isEmpty();

      fixture.clock.advance(Duration.ofSeconds(7200));

      assertThat(sbc.silentFor(Duration.ofMillis(300))).as("no BYE").isTrue();
      sbc.send(InboundCallTest.inDialog("BYE", 2, call.callId(), call.from(), call.to(), sbc));
      assertThat(sbc.nextFinal().status()).isEqualTo(200);
    }
  }

  /** An answered, acknowledged call to Alice (answers after 3 s) as the SBC sees it. */
  private record Call(String callId, String from, String to, SipText ok) {}

  /** Calls Alice with the fixture INVITE, without its Supported header for "…-without-timer". */
  private static Call connect(TestSbc sbc, String kind) throws Exception {
    String invite = sbc.fixture("invite-from-sbc.sip", Map.of("callee", "+14255550101"));
    if (kind.endsWith("-without-timer")) {
      invite = invite.replace("Supported: timer\r\n", "");
    }
    SipText request = SipText.parse(invite);
    sbc.send(invite);
    InboundCallTest.awaitProgress(sbc);
    fixture.clock.advance(Duration.ofSeconds(3));
    SipText ok = sbc.nextFinal();
    assertThat(ok.status()).isEqualTo(200);
    Call call =
        new Call(
            request.header("Call-ID").orElseThrow(),
            request.header("From").orElseThrow(),
            ok.header("To").orElseThrow(),
            ok);
    sbc.send(InboundCallTest.inDialog("ACK", 1, call.callId(), call.from(), call.to(), sbc));
    fixture.awaitJournal("call.connected", call.callId());
    return call;
  }
}
