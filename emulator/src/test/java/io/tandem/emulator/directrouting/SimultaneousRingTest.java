package io.tandem.emulator.directrouting;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.JournalEntry;
import io.tandem.emulator.siptext.SipText;
import io.tandem.emulator.world.ClientBehaviour;
import io.tandem.emulator.world.EmulatedTenant;
import io.tandem.emulator.world.PstnGateway;
import io.tandem.emulator.world.TeamsUser;
import io.tandem.emulator.world.VoiceRoute;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Simultaneous ring (MICROSOFT-CONTRACTS §1.6): an SBC → Teams call to a user whose client has
 * {@code simultaneousRingTo} rings the client and sends a new INVITE from Microsoft to the SBC for
 * that number; the first answer wins. The test's raw-SIP socket is both the calling SBC and the SBC
 * the branch reaches.
 */
class SimultaneousRingTest {

  static final String TENANT = "0d0e0f00-0000-4000-8000-00000000abcd";
  static final String SBC = "sbc.woodgrove.test";
  static final String ANSWERS = "44444444-dddd-4eee-8fff-000000000001";
  static final String DECLINES = "44444444-dddd-4eee-8fff-000000000002";
  static final String MOBILE = "+12065551001";

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

  /** Two users who ring {@link #MOBILE} too: one answers after 2 s, one declines after 2 s. */
  static void tenant(TestSbc sbc) {
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
                    user(ANSWERS, "+14257124001", ClientBehaviour.Response.ANSWER),
                    user(DECLINES, "+14257124002", ClientBehaviour.Response.DECLINE)),
                List.of(),
                List.of(new PstnGateway(SBC, sbc.port(), false, null, true, true, null, null)),
                List.of(new VoiceRoute("\\+1206.*", List.of(SBC)))));
  }

  static TeamsUser user(String id, String number, ClientBehaviour.Response response) {
    return new TeamsUser(
        id,
        number.substring(8) + "@woodgrove.test",
        "User " + number.substring(8),
        number,
        new ClientBehaviour(Duration.ofSeconds(2), response, null, null, null, null, null)
            .withSimultaneousRingTo(MOBILE));
  }

  @Test
  void teamsAnswersFirst_branchCancelledWithCallCompletedElsewhere() throws Exception {
    try (TestSbc sbc = TestSbc.udp(fixture.port("udp"))) {
      tenant(sbc);
      SipText call = dial(sbc, "+14257124001");
      Seen seen = untilBranchInviteAndProgress(sbc);
      SipText branch = seen.branch;
      assertThat(branch.requestUri())
          .isEqualTo("sip:" + MOBILE + "@" + SBC + ":" + sbc.port() + ";user=phone;transport=udp");
      assertThat(branch.callId()).isNotEqualTo(call.callId());
      assertThat(branch.header("History-Info"))
          .hasValue(
              "<sip:+14257124001@sip.pstnhub.microsoft.com;user=phone?Reason=SIP;cause=302;"
                  + "text=\"Move Temporarily\">;index=1");
      assertThat(branch.header("From").orElseThrow())
          .startsWith("<sip:+17168712781@sip.pstnhub.microsoft.com;user=phone>;tag=");
      assertThat(branch.header("P-Asserted-Identity"))
          .hasValue("<sip:+17168712781@sip.pstnhub.microsoft.com;user=phone>");
      sbc.send(branch.response(180, "Ringing", "mobile1"));
      fixture.awaitWorld("user.ringing", call.callId(), ANSWERS);

      fixture.clock.advance(Duration.ofSeconds(2));
      List<SipText> after = new ArrayList<>();
      SipText cancel = null;
      SipText ok = null;
      while (cancel == null || ok == null) {
        SipText message = sbc.next();
        if (!message.isResponse() && message.method().equals("CANCEL")) {
          cancel = message;
        } else if (message.isResponse() && message.status() == 200) {
          ok = message;
        }
        after.add(message);
      }
      assertThat(ok.callId()).isEqualTo(call.callId());
      assertThat(cancel.callId()).isEqualTo(branch.callId());
      assertThat(cancel.header("Reason"))
          .hasValue("SIP;cause=200;text=\"Call completed elsewhere\"");
      sbc.send(cancel.response(200, "OK", "mobile1"));
      sbc.send(branch.response(487, "Request Terminated", "mobile1"));
      assertThat(sbc.nextRequest("ACK").callId()).isEqualTo(branch.callId());
      assertThat(sip("call.branchCancelled", call.callId()).attributes())
          .containsEntry("branch", "pstn");
      assertThat(sip("call.answered", call.callId()).attributes()).containsEntry("user", ANSWERS);

      hangUp(sbc, call, ok);
    }
  }

  @Test
  void branchAnswersFirst_teamsClientStopsRinging_callIsTheBranchs() throws Exception {
    try (TestSbc sbc = TestSbc.udp(fixture.port("udp"))) {
      tenant(sbc);
      SipText call = dial(sbc, "+14257124001");
      SipText branch = untilBranchInviteAndProgress(sbc).branch;
      fixture.awaitWorld("user.ringing", call.callId(), ANSWERS);

      sbc.send(OutboundCallTest.okWithSdp(sbc, branch, "mobile2", 40010));
      SipText ack = null;
      SipText ok = null;
      while (ack == null || ok == null) {
        SipText message = sbc.next();
        if (!message.isResponse() && message.method().equals("ACK")) {
          ack = message;
        } else if (message.isResponse() && message.status() == 200) {
          ok = message;
        }
      }
      assertThat(ack.callId()).isEqualTo(branch.callId());
      assertThat(ok.callId()).isEqualTo(call.callId());
      fixture.awaitWorld("user.offerCancelled", call.callId(), ANSWERS);
      assertThat(sip("call.answered", call.callId()).attributes())
          .containsEntry("answeredBy", "simultaneousRing")
          .containsEntry("to", MOBILE);
      fixture.clock.advance(Duration.ofSeconds(2));
      assertThat(world("user.answered", call.callId())).as("the client stopped ringing").isEmpty();

      sbc.send(InboundCallTest.inDialog("ACK", 1, call.callId(), from(call), to(ok), sbc));
      sbc.send(InboundCallTest.inDialog("BYE", 2, call.callId(), from(call), to(ok), sbc));
      SipText branchBye = null;
      SipText byeOk = null;
      while (branchBye == null || byeOk == null) {
        SipText message = sbc.next();
        if (!message.isResponse() && message.method().equals("BYE")) {
          branchBye = message;
        } else if (message.isResponse() && message.cseqMethod().equals("BYE")) {
          byeOk = message;
        }
      }
      assertThat(branchBye.callId())
          .as("the caller's BYE ends the branch")
          .isEqualTo(branch.callId());
      sbc.send(branchBye.response(200, "OK", ""));
    }
  }

  @Test
  void bothDecline_branchFirst_thenTheClient_callerGetsTheClients603() throws Exception {
    try (TestSbc sbc = TestSbc.udp(fixture.port("udp"))) {
      tenant(sbc);
      SipText call = dial(sbc, "+14257124002");
      SipText branch = untilBranchInviteAndProgress(sbc).branch;
      sbc.send(branch.response(603, "Decline", "mobile3"));
      assertThat(sbc.nextRequest("ACK").callId()).isEqualTo(branch.callId());
      assertThat(fixture.awaitJournal("call.branchFailed", call.callId()).attributes())
          .containsEntry("branch", "pstn")
          .containsEntry("status", "603");
      assertThat(sbc.silentFor(Duration.ofMillis(200))).as("the client still rings").isTrue();

      fixture.clock.advance(Duration.ofSeconds(2));
      SipText declined = sbc.nextFinal();
      assertThat(declined.callId()).isEqualTo(call.callId());
      assertThat(declined.status()).isEqualTo(603);
      assertThat(declined.header("Reason"))
          .hasValueSatisfying(r -> assertThat(r).startsWith("Q.850;cause=21"));
    }
  }

  @Test
  void clientDeclinesFirst_branchKeepsRinging_thenBusy_callerGetsTheClients603() throws Exception {
    try (TestSbc sbc = TestSbc.udp(fixture.port("udp"))) {
      tenant(sbc);
      SipText call = dial(sbc, "+14257124002");
      SipText branch = untilBranchInviteAndProgress(sbc).branch;
      sbc.send(branch.response(180, "Ringing", "mobile4"));
      fixture.awaitWorld("user.ringing", call.callId(), DECLINES);
      fixture.clock.advance(Duration.ofSeconds(2));
      fixture.awaitWorld("user.declined", call.callId(), DECLINES);
      assertThat(sip("call.branchFailed", call.callId()).attributes())
          .containsEntry("branch", "teams")
          .containsEntry("status", "603");
      assertThat(sbc.silentFor(Duration.ofMillis(200)))
          .as("no final while the branch rings")
          .isTrue();

      sbc.send(branch.response(486, "Busy Here", "mobile4"));
      SipText declined = sbc.nextFinal();
      while (!declined.callId().equals(call.callId())) {
        declined = sbc.nextFinal();
      }
      assertThat(declined.status()).isEqualTo(603);
    }
  }

  @Test
  void callerCancels_whileBothRing_branchCancelledToo() throws Exception {
    try (TestSbc sbc = TestSbc.udp(fixture.port("udp"))) {
      tenant(sbc);
      SipText call = dial(sbc, "+14257124001");
      SipText branch = untilBranchInviteAndProgress(sbc).branch;
      sbc.send(branch.response(180, "Ringing", "mobile5"));
      String cancel =
          InboundCallTest.inDialog("CANCEL", 1, call.callId(), from(call), "<sip:x@y>", sbc)
              .replaceFirst("Via: [^\\r]*", "Via: " + call.header("Via").orElseThrow())
              .replaceFirst("To: [^\\r]*", "To: " + call.header("To").orElseThrow());
      sbc.send(cancel);
      SipText branchCancel = sbc.nextRequest("CANCEL");
      assertThat(branchCancel.callId()).isEqualTo(branch.callId());
      assertThat(branchCancel.header("Reason")).isEmpty();
      sbc.send(branchCancel.response(200, "OK", "mobile5"));
      sbc.send(branch.response(487, "Request Terminated", "mobile5"));
      fixture.awaitWorld("user.offerCancelled", call.callId(), ANSWERS);
      fixture.awaitJournal("call.ended", branch.callId());
    }
  }

  @Test
  void simultaneousRingTo_isScriptedByTheControlApiAndTheWorldFile_andMustBeE164()
      throws Exception {
    fixture
        .emulator
        .world()
        .putTenant(
            new EmulatedTenant(
                TENANT,
                "Woodgrove",
                List.of("woodgrove.test"),
                List.of(),
                List.of(user(ANSWERS, "+14257124001", ClientBehaviour.Response.ANSWER)),
                List.of(),
                List.of(),
                List.of()));
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    java.util.function.Function<String, java.net.http.HttpResponse<String>> put =
        body -> {
          try {
            return http.send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            fixture.emulator.httpBaseUrl()
                                + "/emulator/users/"
                                + ANSWERS
                                + "/client"))
                    .header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
          } catch (Exception failed) {
            throw new AssertionError(failed);
          }
        };
    assertThat(
            put.apply("{\"response\":\"NO_ANSWER\",\"simultaneousRingTo\":\"+12065551002\"}")
                .statusCode())
        .isEqualTo(200);
    assertThat(fixture.emulator.world().user(ANSWERS).orElseThrow().client().simultaneousRingTo())
        .isEqualTo("+12065551002");
    assertThat(put.apply("{\"simultaneousRingTo\":\"2065551002\"}").statusCode()).isEqualTo(400);
    assertThat(fixture.emulator.world().user(ANSWERS).orElseThrow().client().simultaneousRingTo())
        .isEqualTo("+12065551002");

    String yaml =
        "tenants:\n  - id: t1\n    displayName: T\n    users:\n      - id: u1\n"
            + "        userPrincipalName: u1@t.test\n        phoneNumber: \"+14255550111\"\n"
            + "        client: {response: ANSWER, simultaneousRingTo: \"%s\"}\n";
    assertThat(
            io.tandem.emulator.world.WorldSpecs.read(
                    new java.io.ByteArrayInputStream(
                        yaml.formatted("+12065551003")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    "inline")
                .tenants()
                .get(0)
                .users()
                .get(0)
                .client()
                .simultaneousRingTo())
        .isEqualTo("+12065551003");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                io.tandem.emulator.world.WorldSpecs.read(
                    new java.io.ByteArrayInputStream(
                        yaml.formatted("sip:bob")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    "inline"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("simultaneousRingTo");
  }

  private record Seen(SipText branch, List<SipText> toCaller) {}

  /** Reads until both the branch INVITE and the 183 to the caller arrived. */
  private static Seen untilBranchInviteAndProgress(TestSbc sbc) throws Exception {
    SipText branch = null;
    boolean progress = false;
    List<SipText> toCaller = new ArrayList<>();
    while (branch == null || !progress) {
      SipText message = sbc.next();
      if (!message.isResponse() && message.method().equals("INVITE")) {
        branch = message;
      } else if (message.isResponse()) {
        toCaller.add(message);
        progress |= message.status() == 183;
      }
    }
    return new Seen(branch, toCaller);
  }

  private static SipText dial(TestSbc sbc, String callee) throws Exception {
    String invite = ForwardingTest.inviteFrom(sbc, callee);
    sbc.send(invite);
    return SipText.parse(invite);
  }

  private static void hangUp(TestSbc sbc, SipText call, SipText ok) throws Exception {
    sbc.send(InboundCallTest.inDialog("ACK", 1, call.callId(), from(call), to(ok), sbc));
    sbc.send(InboundCallTest.inDialog("BYE", 2, call.callId(), from(call), to(ok), sbc));
    SipText byeOk = sbc.next();
    while (!(byeOk.isResponse() && byeOk.cseqMethod().equals("BYE"))) {
      byeOk = sbc.next();
    }
    assertThat(byeOk.status()).isEqualTo(200);
  }

  private static String from(SipText call) {
    return call.header("From").orElseThrow();
  }

  private static String to(SipText ok) {
    return ok.header("To").orElseThrow();
  }

  private static JournalEntry sip(String kind, String callId) throws InterruptedException {
    return fixture.awaitJournal(kind, callId);
  }

  private static List<JournalEntry> world(String kind, String callId) {
    return fixture
        .emulator
        .journal()
        .after(
            0,
            e -> e.channel() == Channel.WORLD && e.kind().equals(kind) && callId.equals(e.callId()),
            10);
  }
}
