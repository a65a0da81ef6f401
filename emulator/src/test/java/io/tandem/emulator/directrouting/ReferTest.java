package io.tandem.emulator.directrouting;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.directrouting.sip.SipUri;
import io.tandem.emulator.journal.JournalEntry;
import io.tandem.emulator.siptext.SipText;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Teams user's scripted transfer of an SBC call (MICROSOFT-CONTRACTS §1.5): REFER to an SBC that
 * allows it (Refer-To, Referred-By, 202, NOTIFY sipfrag, BYE), the proxy as referee for an SBC that
 * does not (the target rings, the SBC leg is re-INVITEd), and the NOTIFYs the proxy refuses.
 */
class ReferTest {

  static final String TENANT = "8f1c1b6e-2f7a-4a53-9d6c-0b1e5f0c7a11";
  static final String ALICE = "11111111-aaaa-4bbb-8ccc-000000000001";
  static final String ERIN = "11111111-aaaa-4bbb-8ccc-000000000005";
  static final String FRANK = "11111111-aaaa-4bbb-8ccc-000000000006";

  static DirectRoutingFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = new DirectRoutingFixture();
  }

  @AfterEach
  void everyCallEnded() throws InterruptedException {
    fixture.assertNoCallLeft();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  /** An answered, acknowledged SBC → Teams call as the SBC sees it. */
  record Connected(TestSbc sbc, String callId, String from, String to) {}

  static Connected connect(TestSbc sbc, String fixtureName, String callee, Duration answerAfter)
      throws Exception {
    String invite = sbc.fixture(fixtureName, Map.of("callee", callee));
    SipText request = SipText.parse(invite);
    sbc.send(invite);
    InboundCallTest.awaitProgress(sbc);
    fixture.clock.advance(answerAfter);
    SipText ok = sbc.nextFinal();
    assertThat(ok.status()).isEqualTo(200);
    Connected call =
        new Connected(
            sbc,
            request.header("Call-ID").orElseThrow(),
            request.header("From").orElseThrow(),
            ok.header("To").orElseThrow());
    sbc.send(InboundCallTest.inDialog("ACK", 1, call.callId, call.from, call.to, sbc));
    awaitJournal("call.connected", call.callId);
    return call;
  }

  @Test
  void transferToNumber_referWithE164ReferTo_202_notifyTryingThenOk_byeEndsProxyLeg()
      throws Exception {
    try (TestSbc sbc = TestSbc.udp(fixture.port("udp"))) {
      Connected call = connect(sbc, "invite-from-sbc.sip", "+14255550105", Duration.ofSeconds(1));
      fixture.clock.advance(Duration.ofSeconds(5));

      SipText refer = sbc.nextRequest("REFER");
      assertThat(refer.requestUri()).startsWith("sip:+17168712781@sbc1.customers.tandem.test:");
      assertThat(refer.header("Call-ID")).hasValue(call.callId);
      assertThat(refer.header("Refer-To"))
          .hasValue("<sip:+14255550199@sip.pstnhub.microsoft.com;user=phone>");
      String referredBy = refer.header("Referred-By").orElseThrow();
      assertReferredBy(referredBy, ERIN);
      assertThat(refer.header("Refer-To").orElseThrow().length()).isLessThanOrEqualTo(400);
      assertThat(referredBy.length()).isLessThanOrEqualTo(400);
      assertThat(refer.header("Contact").orElseThrow()).contains("sip.pstnhub.microsoft.com");

      sbc.send(refer.response(202, "Accepted", ""));
      awaitJournal("transfer.accepted", call.callId);
      String referTo = refer.header("To").orElseThrow();
      String referFrom = refer.header("From").orElseThrow();
      sbc.send(
          notify(
              sbc,
              call,
              referTo,
              referFrom,
              2,
              "refer",
              "active;expires=60",
              "SIP/2.0 100 Trying"));
      assertThat(sbc.nextFinal().status()).isEqualTo(200);
      sbc.send(
          notify(
              sbc,
              call,
              referTo,
              referFrom,
              3,
              "refer",
              "terminated;reason=noresource",
              "SIP/2.0 200 OK"));
      SipText notifyOk = sbc.nextFinal();
      assertThat(notifyOk.status()).isEqualTo(200);
      assertThat(notifyOk.cseqMethod()).isEqualTo("NOTIFY");

      SipText bye = sbc.nextRequest("BYE");
      assertThat(bye.header("Call-ID")).hasValue(call.callId);
      sbc.send(bye.response(200, "OK", ""));
      assertThat(fixture.journal("transfer.completed"))
          .anySatisfy(e -> assertThat(e.callId()).isEqualTo(call.callId));

      // the subscription ended with the final NOTIFY: another one belongs to nothing
      sbc.send(notify(sbc, call, referTo, referFrom, 4, "refer", "terminated", "SIP/2.0 200 OK"));
      assertThat(sbc.nextFinal().status()).isEqualTo(481);
    }
  }

  @Test
  void transferToTeamsUser_referToCarriesMriAndTenant_notifyFailureKeepsTheCall() throws Exception {
    try (TestSbc sbc = TestSbc.udp(fixture.port("udp"))) {
      Connected call = connect(sbc, "invite-from-sbc.sip", "+14255550106", Duration.ofSeconds(1));
      fixture.clock.advance(Duration.ofSeconds(5));

      SipText refer = sbc.nextRequest("REFER");
      SipUri referTo = SipUri.parse(refer.header("Refer-To").orElseThrow());
      assertThat(referTo.user()).isNull();
      assertThat(referTo.host()).isEqualTo("sip.pstnhub.microsoft.com");
      assertThat(referTo.parameter("x-m")).isEqualTo("8:orgid:" + ALICE);
      assertThat(referTo.parameter("x-t")).isEqualTo(TENANT);
      assertReferredBy(refer.header("Referred-By").orElseThrow(), FRANK);

      sbc.send(refer.response(202, "Accepted", ""));
      String to = refer.header("To").orElseThrow();
      String from = refer.header("From").orElseThrow();
      sbc.send(
          notify(
              sbc,
              call,
              to,
              from,
              2,
              "refer;id=" + cseqOf(refer),
              "terminated",
              "SIP/2.0 486 Busy Here"));
      assertThat(sbc.nextFinal().status()).isEqualTo(200);
      awaitJournal("transfer.failed", call.callId);
      assertThat(sbc.silentFor(Duration.ofMillis(200))).as("no BYE: the call stays").isTrue();

      sbc.send(InboundCallTest.inDialog("BYE", 3, call.callId, call.from, call.to, sbc));
      assertThat(sbc.nextFinal().status()).isEqualTo(200);
    }
  }

  @Test
  void referRefusedBySbc_transferFails_callStays() throws Exception {
    try (TestSbc sbc = TestSbc.udp(fixture.port("udp"))) {
      Connected call = connect(sbc, "invite-from-sbc.sip", "+14255550105", Duration.ofSeconds(1));
      fixture.clock.advance(Duration.ofSeconds(5));
      SipText refer = sbc.nextRequest("REFER");
      sbc.send(refer.response(603, "Decline", ""));
      JournalEntry failed = awaitJournal("transfer.failed", call.callId);
      assertThat(failed.attributes()).containsEntry("status", "603");
      sbc.send(InboundCallTest.inDialog("BYE", 2, call.callId, call.from, call.to, sbc));
      assertThat(sbc.nextFinal().status()).isEqualTo(200);
    }
  }

  @Test
  void notifyRejects_noReferPending_481_otherEvent_489_bodyNotSipfrag_400_unknownCall_481()
      throws Exception {
    try (TestSbc sbc = TestSbc.udp(fixture.port("udp"))) {
      Connected call = connect(sbc, "invite-from-sbc.sip", "+14255550101", Duration.ofSeconds(3));
      String to = call.to;
      String from = call.from;
      sbc.send(notify(sbc, call, from, to, 2, "refer", "active", "SIP/2.0 100 Trying"));
      SipText noSubscription = sbc.nextFinal();
      assertThat(noSubscription.status()).isEqualTo(481);
      assertThat(noSubscription.reasonPhrase()).isEqualTo("Subscription does not exist");

      sbc.send(notify(sbc, call, from, to, 3, "presence", "active", "SIP/2.0 100 Trying"));
      SipText badEvent = sbc.nextFinal();
      assertThat(badEvent.status()).isEqualTo(489);
      assertThat(badEvent.header("Allow-Events")).hasValue("refer");

      Connected unknown = new Connected(sbc, "no-such-call-" + System.nanoTime(), from, to);
      sbc.send(notify(sbc, unknown, from, to, 1, "refer", "active", "SIP/2.0 200 OK"));
      assertThat(sbc.nextFinal().status()).isEqualTo(481);

      sbc.send(InboundCallTest.inDialog("BYE", 4, call.callId, call.from, call.to, sbc));
      assertThat(sbc.nextFinal().status()).isEqualTo(200);
    }
  }

  @Test
  void notifyWithoutSipfragStatusLine_400() throws Exception {
    try (TestSbc sbc = TestSbc.udp(fixture.port("udp"))) {
      Connected call = connect(sbc, "invite-from-sbc.sip", "+14255550105", Duration.ofSeconds(1));
      fixture.clock.advance(Duration.ofSeconds(5));
      SipText refer = sbc.nextRequest("REFER");
      sbc.send(refer.response(202, "Accepted", ""));
      String to = refer.header("To").orElseThrow();
      String from = refer.header("From").orElseThrow();
      sbc.send(notify(sbc, call, to, from, 2, "refer", "active", "transfer going fine"));
      assertThat(sbc.nextFinal().status()).isEqualTo(400);
      sbc.send(notify(sbc, call, to, from, 3, "refer;id=999", "active", "SIP/2.0 100 Trying"));
      assertThat(sbc.nextFinal().status()).as("id of no REFER").isEqualTo(481);
      sbc.send(InboundCallTest.inDialog("BYE", 4, call.callId, call.from, call.to, sbc));
      assertThat(sbc.nextFinal().status()).isEqualTo(200);
    }
  }

  @Test
  void sbcWithoutReferInAllow_proxyIsReferee_targetRings_answers_sbcLegReInvited()
      throws Exception {
    try (TestSbc sbc = TestSbc.udp(fixture.port("udp"))) {
      Connected call =
          connect(sbc, "invite-from-sbc-without-refer.sip", "+14255550106", Duration.ofSeconds(1));
      fixture.clock.advance(Duration.ofSeconds(5));
      awaitWorld("user.ringing", call.callId, ALICE);
      assertThat(sbc.silentFor(Duration.ofMillis(100))).as("no REFER to this SBC").isTrue();
      fixture.clock.advance(Duration.ofSeconds(3));

      SipText reInvite = sbc.nextRequest("INVITE");
      assertThat(reInvite.header("Call-ID")).hasValue(call.callId);
      assertThat(reInvite.toTag()).isNotEmpty();
      assertThat(reInvite.header("Content-Type")).hasValue("application/sdp");
      assertThat(reInvite.body()).contains("m=audio").contains("o=- ").contains(" 2 IN IP4");
      sbc.send(
          sbc.fixture(
              "ok-with-sdp.sip",
              Map.of(
                  "via", "Via: " + String.join("\r\nVia: ", reInvite.headerValues("Via")),
                  "from", reInvite.header("From").orElseThrow(),
                  "to", reInvite.header("To").orElseThrow(),
                  "callId", call.callId,
                  "cseq", reInvite.header("CSeq").orElseThrow())));
      SipText ack = sbc.nextRequest("ACK");
      assertThat(ack.header("CSeq").orElseThrow()).isEqualTo(cseqOf(reInvite) + " ACK");
      awaitJournal("transfer.completed", call.callId);
      awaitWorld("user.callEnded", call.callId, FRANK);

      sbc.send(InboundCallTest.inDialog("BYE", 2, call.callId, call.from, call.to, sbc));
      assertThat(sbc.nextFinal().status()).isEqualTo(200);
      awaitWorld("user.callEnded", call.callId, ALICE);
    }
  }

  @Test
  void refereeMode_targetDeclines_transferFails_callStaysWithTransferor() throws Exception {
    try (TestSbc sbc = TestSbc.udp(fixture.port("udp"))) {
      Connected call =
          connect(sbc, "invite-from-sbc-without-refer.sip", "+14255550107", Duration.ofSeconds(1));
      fixture.clock.advance(Duration.ofSeconds(5));
      awaitWorld("user.ringing", call.callId, "11111111-aaaa-4bbb-8ccc-000000000002");
      fixture.clock.advance(Duration.ofSeconds(2));
      JournalEntry failed = awaitJournal("transfer.failed", call.callId);
      assertThat(failed.attributes()).containsEntry("status", "603");
      assertThat(sbc.silentFor(Duration.ofMillis(150))).as("no re-INVITE, no BYE").isTrue();
      sbc.send(InboundCallTest.inDialog("BYE", 2, call.callId, call.from, call.to, sbc));
      assertThat(sbc.nextFinal().status()).isEqualTo(200);
    }
  }

  private static void assertReferredBy(String referredBy, String transferor) {
    SipUri uri = SipUri.parse(referredBy);
    assertThat(uri.host()).isEqualTo("sip.pstnhub.microsoft.com");
    assertThat(uri.parameter("x-m")).isEqualTo("8:orgid:" + transferor);
    assertThat(uri.parameter("x-t")).isEqualTo(TENANT);
    assertThat(uri.parameter("x-ti")).matches("[0-9a-f-]{36}");
    String callUri =
        new String(
            Base64.getDecoder()
                .decode(URLDecoder.decode(uri.parameter("x-tt"), StandardCharsets.UTF_8)),
            StandardCharsets.UTF_8);
    assertThat(callUri).startsWith("https://").contains(uri.parameter("x-ti"));
  }

  static String notify(
      TestSbc sbc,
      Connected call,
      String from,
      String to,
      int cseq,
      String event,
      String subscriptionState,
      String sipfrag)
      throws Exception {
    return sbc.fixture(
        "notify-sipfrag.sip",
        Map.of(
            "from", from,
            "to", to,
            "callId", call.callId,
            "cseq", Integer.toString(cseq),
            "event", event,
            "subscriptionState", subscriptionState,
            "sipfrag", sipfrag));
  }

  static String cseqOf(SipText request) {
    return request.header("CSeq").orElseThrow().split(" ")[0];
  }

  static JournalEntry awaitJournal(String kind, String callId) throws InterruptedException {
    return fixture.awaitJournal(kind, callId);
  }

  static void awaitWorld(String kind, String callId, String user) throws InterruptedException {
    fixture.awaitWorld(kind, callId, user);
  }
}
