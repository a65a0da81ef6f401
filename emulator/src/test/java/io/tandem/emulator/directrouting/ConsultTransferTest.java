package io.tandem.emulator.directrouting;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.directrouting.sip.SipUri;
import io.tandem.emulator.siptext.SipText;
import io.tandem.emulator.world.EmulatedTenant;
import io.tandem.emulator.world.PstnGateway;
import io.tandem.emulator.world.TeamsUser;
import io.tandem.emulator.world.VoiceRoute;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Teams user's consultative transfer between an SBC → Teams call and a consultation call through
 * the same SBC (MICROSOFT-CONTRACTS §1.3: the SBC must accept INVITE with Replaces from Microsoft),
 * and the control API's refusals.
 */
class ConsultTransferTest {

  static final String TENANT = "0e0f0a0b-0000-4000-8000-0000000000e0";
  static final String UMA = "44444444-dddd-4eee-8fff-000000000001";
  static final String VIC = "44444444-dddd-4eee-8fff-000000000002";
  static final String SBC = "sbc.tailspin.test";
  static final String SBC2 = "sbc2.tailspin.test";

  @BeforeAll
  static void start() throws Exception {
    OutboundCallTest.fixture = new DirectRoutingFixture(s -> s.withOutboundTransport("udp"));
  }

  @AfterEach
  void everyCallEnded() throws InterruptedException {
    for (int i = 0; i < 100 && fixture().sip.activeCalls() > 0; i++) {
      Thread.sleep(20);
    }
    assertThat(fixture().sip.activeCalls()).as("calls left active").isZero();
  }

  @AfterAll
  static void stop() {
    fixture().close();
  }

  static DirectRoutingFixture fixture() {
    return OutboundCallTest.fixture;
  }

  static void tailspin(TestSbc sbc, TestSbc sbc2) {
    fixture()
        .emulator
        .world()
        .putTenant(
            new EmulatedTenant(
                TENANT,
                "Tailspin",
                List.of("tailspin.test"),
                List.of(),
                List.of(
                    new TeamsUser(UMA, "uma@tailspin.test", "Uma", "+14255550401", null),
                    new TeamsUser(VIC, "vic@tailspin.test", "Vic", "+14255550402", null)),
                List.of(),
                List.of(
                    new PstnGateway(SBC, sbc.port(), false, null, false, false, null, null),
                    new PstnGateway(SBC2, sbc2.port(), false, null, false, false, null, null)),
                List.of(
                    new VoiceRoute("\\+1206.*", List.of(SBC)),
                    new VoiceRoute("\\+1303.*", List.of(SBC2)))));
  }

  /** Call A: the SBC calls Uma, who answers after two seconds. */
  static ReferTest.Connected inboundToUma(TestSbc sbc) throws Exception {
    String invite =
        sbc.fixture(
            "invite-from-sbc.sip",
            Map.of("callee", "+14255550401", "sbcFqdn", SBC, "contactHost", SBC));
    SipText request = SipText.parse(invite);
    sbc.send(invite);
    InboundCallTest.awaitProgress(sbc);
    fixture().clock.advance(Duration.ofSeconds(2));
    SipText ok = sbc.nextFinal();
    ReferTest.Connected call =
        new ReferTest.Connected(
            sbc,
            request.header("Call-ID").orElseThrow(),
            request.header("From").orElseThrow(),
            ok.header("To").orElseThrow());
    sbc.send(InboundCallTest.inDialog("ACK", 1, call.callId(), call.from(), call.to(), sbc));
    fixture().awaitJournal("call.connected", call.callId());
    return call;
  }

  /** Call B: Uma dials out; the SBC answers with To-tag {@code sbcTag}. */
  static SipText outboundFromUma(TestSbc sbc, String number, String sbcTag) throws Exception {
    String callId = OutboundCallTest.dial(UMA, number, 201).get("callId").asString();
    SipText invite = sbc.nextRequest("INVITE");
    sbc.send(OutboundCallTest.okWithSdp(sbc, invite, sbcTag, 40004));
    sbc.nextRequest("ACK");
    fixture().awaitJournal("call.answered", callId);
    return invite;
  }

  @Test
  void consultTransfer_inviteWithReplacesOfTheConsultation_sbcAccepts_userLeaves_legsJoined()
      throws Exception {
    try (TestSbc sbc = TestSbc.udp(fixture().port("udp"));
        TestSbc sbc2 = TestSbc.udp(fixture().port("udp"))) {
      tailspin(sbc, sbc2);
      ReferTest.Connected callA = inboundToUma(sbc);
      SipText inviteB = outboundFromUma(sbc, "+12065550123", "sbcTagB");
      String callB = inviteB.header("Call-ID").orElseThrow();
      String microsoftTagB =
          SipUri.parse(inviteB.header("From").orElseThrow()).headerParameter("tag");

      HttpResponse<String> accepted = consult(UMA, callA.callId(), callB);
      assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

      SipText replacing = sbc.nextRequest("INVITE");
      assertThat(replacing.header("Replaces"))
          .hasValue(callB + ";to-tag=sbcTagB;from-tag=" + microsoftTagB);
      assertThat(replacing.header("Call-ID")).isNotIn(List.of(callA.callId(), callB));
      assertThat(replacing.requestUri())
          .isEqualTo("sip:+12065550123@" + SBC + ":" + sbc.port() + ";user=phone;transport=udp");
      assertThat(replacing.header("From").orElseThrow())
          .startsWith("<sip:+17168712781@sip.pstnhub.microsoft.com;user=phone>;tag=");
      assertThat(SipUri.parse(replacing.header("Referred-By").orElseThrow()).parameter("x-m"))
          .isEqualTo("8:orgid:" + UMA);
      assertThat(replacing.body()).contains("m=audio");

      sbc.send(OutboundCallTest.okWithSdp(sbc, replacing, "sbcTagR", 40006));
      sbc.nextRequest("ACK");
      fixture().awaitJournal("transfer.completed", callA.callId());
      fixture().awaitWorld("user.callEnded", callA.callId(), UMA);

      sbc.send(OutboundCallTest.byeFromSbc(sbc, inviteB, "sbcTagB"));
      assertThat(sbc.nextFinal().status()).as("the SBC ends the replaced dialog").isEqualTo(200);

      sbc.send(InboundCallTest.inDialog("BYE", 2, callA.callId(), callA.from(), callA.to(), sbc));
      SipText first = sbc.next();
      SipText byeReplacing = first.isResponse() ? sbc.nextRequest("BYE") : first;
      assertThat(byeReplacing.header("Call-ID")).isEqualTo(replacing.header("Call-ID"));
      sbc.send(byeReplacing.response(200, "OK", ""));
    }
  }

  @Test
  void refusals_404_400_409() throws Exception {
    try (TestSbc sbc = TestSbc.udp(fixture().port("udp"));
        TestSbc sbc2 = TestSbc.udp(fixture().port("udp"))) {
      tailspin(sbc, sbc2);
      ReferTest.Connected callA = inboundToUma(sbc);
      SipText inviteB = outboundFromUma(sbc, "+12065550123", "sbcTagB2");
      String callB = inviteB.header("Call-ID").orElseThrow();
      SipText inviteC = outboundFromUma(sbc2, "+13035550123", "sbcTagC");
      String callC = inviteC.header("Call-ID").orElseThrow();

      OutboundCallTest.assertProblem(consult("no-such-user", callA.callId(), callB), 404);
      OutboundCallTest.assertProblem(
          OutboundCallTest.post("/emulator/teams/users/" + UMA + "/consultTransfer", "{"), 400);
      OutboundCallTest.assertProblem(consult(UMA, callA.callId(), callA.callId()), 400);
      OutboundCallTest.assertProblem(consult(UMA, callA.callId(), "no-such-call"), 404);
      OutboundCallTest.assertProblem(consult(VIC, callA.callId(), callB), 409);
      OutboundCallTest.assertProblem(consult(UMA, callB, callA.callId()), 409);
      OutboundCallTest.assertProblem(consult(UMA, callA.callId(), callC), 409);

      sbc.send(OutboundCallTest.byeFromSbc(sbc, inviteB, "sbcTagB2"));
      assertThat(sbc.nextFinal().status()).isEqualTo(200);
      sbc2.send(OutboundCallTest.byeFromSbc(sbc2, inviteC, "sbcTagC"));
      assertThat(sbc2.nextFinal().status()).isEqualTo(200);
      sbc.send(InboundCallTest.inDialog("BYE", 2, callA.callId(), callA.from(), callA.to(), sbc));
      assertThat(sbc.nextFinal().status()).isEqualTo(200);
    }
  }

  static HttpResponse<String> consult(String userId, String callA, String callB) throws Exception {
    return OutboundCallTest.post(
        "/emulator/teams/users/" + userId + "/consultTransfer",
        "{\"callA\":\"" + callA + "\",\"callB\":\"" + callB + "\"}");
  }
}
