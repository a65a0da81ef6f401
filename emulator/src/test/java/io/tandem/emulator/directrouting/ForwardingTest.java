package io.tandem.emulator.directrouting;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.siptext.SipText;
import io.tandem.emulator.world.ClientBehaviour;
import io.tandem.emulator.world.EmulatedTenant;
import io.tandem.emulator.world.PstnGateway;
import io.tandem.emulator.world.TeamsUser;
import io.tandem.emulator.world.VoiceRoute;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Call forwarding of an SBC → Teams call (MICROSOFT-CONTRACTS §1.6): to a PSTN number, a new INVITE
 * from Microsoft to the SBC with History-Info exactly as Microsoft's example and
 * P-Asserted-Identity, each only when the trunk asks for it; to another Teams user, 181 then that
 * user's forks ringing.
 */
class ForwardingTest {

  static final String TENANT = "0d0e0f00-0000-4000-8000-00000000f0f0";
  static final String SBC = "sbc.woodgrove.test";
  static final String W2 = "33333333-cccc-4ddd-8eee-000000000002";
  static final String W3 = "33333333-cccc-4ddd-8eee-000000000003";
  static final String W4 = "33333333-cccc-4ddd-8eee-000000000004";

  static DirectRoutingFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = new DirectRoutingFixture(s -> s.withOutboundTransport("udp"));
  }

  @AfterEach
  void everyCallEnded() throws InterruptedException {
    fixture.assertNoCallLeft();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  /**
   * Woodgrove: +14257123456 forwards to user W2 (+14257123457), who is busy and forwards to
   * +12065550999 — the chain of Microsoft's History-Info example; W3 forwards to W4, who answers.
   */
  static void woodgrove(TestSbc sbc, boolean history, boolean pai) {
    fixture
        .emulator
        .world()
        .putTenant(
            new EmulatedTenant(
                TENANT,
                "Woodgrove",
                List.of("woodgrove.test"),
                List.of(),
                List.of(
                    user("1", "+14257123456", ClientBehaviour.Response.ANSWER, W2),
                    user("2", "+14257123457", ClientBehaviour.Response.BUSY, "+12065550999"),
                    user("3", "+14257123458", ClientBehaviour.Response.ANSWER, W4),
                    user("4", "+14257123459", ClientBehaviour.Response.ANSWER, null)),
                List.of(),
                List.of(new PstnGateway(SBC, sbc.port(), false, null, pai, history, null, null)),
                List.of(new VoiceRoute("\\+1206.*", List.of(SBC)))));
  }

  static TeamsUser user(
      String n, String number, ClientBehaviour.Response response, String forwardTo) {
    return new TeamsUser(
        "33333333-cccc-4ddd-8eee-00000000000" + n,
        "w" + n + "@woodgrove.test",
        "W" + n,
        number,
        new ClientBehaviour(Duration.ofSeconds(2), response, null, null, null, null, forwardTo));
  }

  @Test
  void forwardedToPstn_newInviteToSbc_historyInfoAsMicrosoftsExample_pai_legsJoined()
      throws Exception {
    try (TestSbc sbc = TestSbc.udp(fixture.port("udp"))) {
      woodgrove(sbc, true, true);
      String inbound = inviteFrom(sbc, "+14257123456");
      SipText request = SipText.parse(inbound);
      sbc.send(inbound);
      assertThat(sbc.next().status()).isEqualTo(100);
      SipText forwarding = sbc.next();
      assertThat(forwarding.status()).isEqualTo(181);
      assertThat(forwarding.reasonPhrase()).isEqualTo("Call Is Being Forwarded");

      SipText invite = sbc.nextRequest("INVITE");
      assertThat(invite.header("Call-ID")).isNotEqualTo(request.header("Call-ID"));
      assertThat(invite.requestUri())
          .isEqualTo("sip:+12065550999@" + SBC + ":" + sbc.port() + ";user=phone;transport=udp");
      assertThat(invite.header("History-Info")).hasValue(contractExample());
      assertThat(invite.header("P-Asserted-Identity"))
          .hasValue("<sip:+17168712781@sip.pstnhub.microsoft.com;user=phone>");
      assertThat(invite.header("From").orElseThrow())
          .startsWith("<sip:+17168712781@sip.pstnhub.microsoft.com;user=phone>;tag=");
      assertThat(fixture.journal("user.ringing")).isEmpty();

      sbc.send(invite.response(180, "Ringing", "pstn1"));
      sbc.send(OutboundCallTest.okWithSdp(sbc, invite, "pstn1", 40002));
      sbc.nextRequest("ACK");
      SipText ok = sbc.nextFinal();
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.header("Call-ID")).isEqualTo(request.header("Call-ID"));
      assertThat(ok.body()).contains("m=audio");

      String callId = request.header("Call-ID").orElseThrow();
      String from = request.header("From").orElseThrow();
      String to = ok.header("To").orElseThrow();
      sbc.send(InboundCallTest.inDialog("ACK", 1, callId, from, to, sbc));
      sbc.send(InboundCallTest.inDialog("BYE", 2, callId, from, to, sbc));
      SipText byeOk = sbc.next();
      SipText byeOfForwardedLeg = byeOk.isResponse() ? sbc.nextRequest("BYE") : byeOk;
      assertThat(byeOfForwardedLeg.method()).isEqualTo("BYE");
      assertThat(byeOfForwardedLeg.header("Call-ID")).isEqualTo(invite.header("Call-ID"));
      sbc.send(byeOfForwardedLeg.response(200, "OK", ""));
    }
  }

  @Test
  void trunkWithoutHistoryOrPai_neitherHeader_forwardTargetBusy_486ToTheCaller() throws Exception {
    try (TestSbc sbc = TestSbc.udp(fixture.port("udp"))) {
      woodgrove(sbc, false, false);
      sbc.send(inviteFrom(sbc, "+14257123456"));
      SipText invite = sbc.nextRequest("INVITE");
      assertThat(invite.header("History-Info")).isEmpty();
      assertThat(invite.header("P-Asserted-Identity")).isEmpty();
      sbc.send(invite.response(486, "Busy Here", "pstn2"));
      SipText busy = sbc.nextFinal();
      while (busy.cseqMethod().equals("INVITE") && busy.status() != 486) {
        busy = sbc.nextFinal();
      }
      assertThat(busy.status()).isEqualTo(486);
      assertThat(busy.header("Reason"))
          .hasValueSatisfying(r -> assertThat(r).startsWith("Q.850;cause=17"));
    }
  }

  @Test
  void forwardedToTeamsUser_181_thenTheTargetsForksRing_targetAnswers() throws Exception {
    try (TestSbc sbc = TestSbc.udp(fixture.port("udp"))) {
      woodgrove(sbc, true, true);
      String inbound = inviteFrom(sbc, "+14257123458");
      SipText request = SipText.parse(inbound);
      String callId = request.header("Call-ID").orElseThrow();
      sbc.send(inbound);
      assertThat(sbc.next().status()).isEqualTo(100);
      assertThat(sbc.next().status()).isEqualTo(181);
      SipText ringing = sbc.next();
      assertThat(ringing.status()).isEqualTo(180);
      assertThat(sbc.next().status()).isEqualTo(183);
      fixture.awaitWorld("user.ringing", callId, W4);
      fixture.clock.advance(Duration.ofSeconds(2));
      SipText ok = sbc.nextFinal();
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.toTag()).isEqualTo(ringing.toTag());
      fixture.awaitWorld("user.answered", callId, W4);
      String from = request.header("From").orElseThrow();
      String to = ok.header("To").orElseThrow();
      sbc.send(InboundCallTest.inDialog("ACK", 1, callId, from, to, sbc));
      sbc.send(InboundCallTest.inDialog("BYE", 2, callId, from, to, sbc));
      assertThat(sbc.nextFinal().status()).isEqualTo(200);
      assertThat(
              fixture
                  .emulator
                  .journal()
                  .after(
                      0,
                      e -> e.channel() == Channel.WORLD && W3.equals(e.attributes().get("user")),
                      10))
          .as("W3 forwards unconditionally: its client never rings")
          .isEmpty();
    }
  }

  @Test
  void historyInfo_indexesGrowPerHop() {
    assertThat(
            Forwarding.historyInfo(
                List.of(
                    new Forwarding.Hop("+1", 302, "Move Temporarily"),
                    new Forwarding.Hop("+2", 302, "Move Temporarily"),
                    new Forwarding.Hop("+3", 496, "User Busy"))))
        .contains(">;index=1,<")
        .contains(">;index=1.1,<")
        .endsWith(">;index=1.1.1");
  }

  static String inviteFrom(TestSbc sbc, String callee) throws Exception {
    return sbc.fixture(
        "invite-from-sbc.sip", Map.of("callee", callee, "sbcFqdn", SBC, "contactHost", SBC));
  }

  /** Microsoft's example, its folded second line unfolded (RFC 3261 §7.3.1). */
  static String contractExample() throws Exception {
    try (InputStream in =
        ForwardingTest.class.getResourceAsStream("/directrouting/history-info-example.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll(",\\s+", ",").trim();
    }
  }
}
