package io.tandem.emulator.directrouting;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.journal.Direction;
import io.tandem.emulator.siptext.SipText;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The proxy's 200 OK to an SBC INVITE is retransmitted until the ACK (RFC 3261 §13.3.1.4: T1 = 500
 * ms doubling to T2 = 4 s), and a call never ACKed ends with BYE after 64×T1. The SBC is raw SIP
 * over a plain socket; the proxy's timers run on the fixture's manual clock, so the 32 s pass in
 * virtual time.
 */
class OkRetransmissionTest {

  private static final String ALICE = "+14255550101";
  static DirectRoutingFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = new DirectRoutingFixture();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @AfterEach
  void everyCallEnded() throws InterruptedException {
    fixture.assertNoCallLeft();
  }

  @Test
  void unacknowledgedOk_isRetransmittedAtHalfOneAndThreeAndAHalfSeconds_andStopsOnAck()
      throws Exception {
    try (TestSbc sbc = TestSbc.udp(fixture.port("udp"))) {
      SipText invite = SipText.parse(send(sbc));
      SipText ok = answer(sbc);
      assertThat(sbc.silentFor(Duration.ofMillis(700)))
          .as("JAIN-SIP does not retransmit the 2xx on its own (wall clock)")
          .isTrue();

      // Virtual seconds after the first 200: retransmissions due at 0.5, 1.5 and 3.5.
      assertRetransmittedAfter(sbc, Duration.ofMillis(500), ok);
      fixture.clock.advance(Duration.ofMillis(900));
      assertThat(sbc.silentFor(Duration.ofMillis(150))).isTrue();
      assertRetransmittedAfter(sbc, Duration.ofMillis(100), ok);
      fixture.clock.advance(Duration.ofMillis(1900));
      assertThat(sbc.silentFor(Duration.ofMillis(150))).isTrue();
      assertRetransmittedAfter(sbc, Duration.ofMillis(100), ok);
      fixture.clock.advance(Duration.ofMillis(500));
      assertThat(sbc.silentFor(Duration.ofMillis(150))).as("nothing more by 4 s").isTrue();
      assertThat(okCount(invite.callId()))
          .as("the first 200 and three retransmissions")
          .isEqualTo(4);

      String from = invite.header("From").orElseThrow();
      String to = ok.header("To").orElseThrow();
      sbc.send(InboundCallTest.inDialog("ACK", 1, invite.callId(), from, to, sbc));
      fixture.awaitJournal("call.connected", invite.callId());
      fixture.clock.advance(Duration.ofSeconds(40));
      assertThat(sbc.silentFor(Duration.ofMillis(300))).as("no 200 after the ACK").isTrue();
      assertThat(okCount(invite.callId())).isEqualTo(4);
      assertThat(fixture.journal("call.ackTimeout"))
          .noneMatch(e -> invite.callId().equals(e.callId()));

      sbc.send(InboundCallTest.inDialog("BYE", 2, invite.callId(), from, to, sbc));
      assertThat(sbc.nextFinal().cseqMethod()).isEqualTo("BYE");
    }
  }

  @Test
  void okNeverAcknowledged_over64T1_endsTheCallWithBye_overTcpToo() throws Exception {
    try (TestSbc sbc = TestSbc.tcp(fixture.port("tcp"))) {
      SipText invite = SipText.parse(send(sbc));
      SipText ok = answer(sbc);
      assertRetransmittedAfter(sbc, Duration.ofMillis(500), ok);

      fixture.clock.advance(Duration.ofMillis(31_400));
      assertThat(fixture.journal("call.ackTimeout"))
          .noneMatch(e -> invite.callId().equals(e.callId()));
      fixture.clock.advance(Duration.ofMillis(100));
      SipText bye = sbc.nextRequest("BYE");
      assertThat(bye.callId()).isEqualTo(invite.callId());
      assertThat(bye.header("From")).hasValueSatisfying(f -> assertThat(f).contains(ok.toTag()));
      assertThat(bye.requestUri()).contains("sbc1.customers.tandem.test");
      assertThat(fixture.awaitJournal("call.ackTimeout", invite.callId()).attributes())
          .containsEntry("after", "PT32S");
      sbc.send(bye.response(200, "OK", ""));
      assertThat(okCount(invite.callId()))
          .as("retransmitted at 0.5, 1.5, 3.5, 7.5 … 31.5 s: 1 + 10")
          .isEqualTo(11);
    }
  }

  @Test
  void byeBeforeAck_stopsTheRetransmissions() throws Exception {
    try (TestSbc sbc = TestSbc.udp(fixture.port("udp"))) {
      SipText invite = SipText.parse(send(sbc));
      SipText ok = answer(sbc);
      String from = invite.header("From").orElseThrow();
      sbc.send(
          InboundCallTest.inDialog(
              "BYE", 2, invite.callId(), from, ok.header("To").orElseThrow(), sbc));
      assertThat(sbc.nextFinal().cseqMethod()).isEqualTo("BYE");
      fixture.clock.advance(Duration.ofSeconds(40));
      assertThat(sbc.silentFor(Duration.ofMillis(300))).isTrue();
      assertThat(okCount(invite.callId())).isEqualTo(1);
      assertThat(fixture.journal("call.ackTimeout"))
          .noneMatch(e -> invite.callId().equals(e.callId()));
    }
  }

  @Test
  void retransmissionTimes_doubleFromT1_capAtT2_andStopBefore64T1() {
    assertThat(OkRetransmission.retransmissionTimes())
        .extracting(Duration::toMillis)
        .containsExactly(
            500L, 1_500L, 3_500L, 7_500L, 11_500L, 15_500L, 19_500L, 23_500L, 27_500L, 31_500L);
    assertThat(OkRetransmission.ACK_TIMEOUT).isEqualTo(Duration.ofSeconds(32));
  }

  private static String send(TestSbc sbc) throws Exception {
    String invite = sbc.fixture("invite-from-sbc.sip", Map.of("callee", ALICE));
    sbc.send(invite);
    return invite;
  }

  /** Alice answers after 3 s: the first 200. */
  private static SipText answer(TestSbc sbc) throws Exception {
    InboundCallTest.awaitProgress(sbc);
    fixture.clock.advance(Duration.ofSeconds(3));
    SipText ok = sbc.nextFinal();
    assertThat(ok.status()).isEqualTo(200);
    return ok;
  }

  private static void assertRetransmittedAfter(TestSbc sbc, Duration step, SipText first)
      throws Exception {
    fixture.clock.advance(step);
    SipText again = sbc.next(Duration.ofSeconds(2));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.cseqMethod()).isEqualTo("INVITE");
    assertThat(again.toTag()).isEqualTo(first.toTag());
    assertThat(again.body()).isEqualTo(first.body());
  }

  private static long okCount(String callId) {
    return fixture.journal("200").stream()
        .filter(e -> e.direction() == Direction.OUT && callId.equals(e.callId()))
        .filter(e -> String.valueOf(e.body()).contains("INVITE"))
        .count();
  }
}
