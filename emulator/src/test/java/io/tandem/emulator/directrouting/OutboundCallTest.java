package io.tandem.emulator.directrouting;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.http.Json;
import io.tandem.emulator.journal.JournalEntry;
import io.tandem.emulator.siptext.SipText;
import io.tandem.emulator.world.EmulatedTenant;
import io.tandem.emulator.world.PstnGateway;
import io.tandem.emulator.world.TeamsUser;
import io.tandem.emulator.world.VoiceRoute;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Teams → SBC calls (MICROSOFT-CONTRACTS §1.4) placed through the control API, each gateway a raw
 * UDP test SBC: addressing of the INVITE, answer and BYE, failover on 503 and on silence (the
 * silent leg cancelled), no failover on 486 or 603, demoted SBCs last, OPTIONS pings, and the
 * control API's refusals.
 */
class OutboundCallTest {

  static final String TENANT = "0a0b0c0d-0000-4000-8000-00000000a0a0";
  static final String NINA = "22222222-bbbb-4ccc-8ddd-000000000001";
  static final String NOBODY_NUMBERLESS = "22222222-bbbb-4ccc-8ddd-000000000002";
  static int tenantVersion;
  static String A;
  static String B;

  static DirectRoutingFixture fixture;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    fixture =
        new DirectRoutingFixture(s -> s.withOutboundTransport("udp").withGatewayShuffleSeed(7L));
  }

  @AfterEach
  void everyCallEnded() throws InterruptedException {
    fixture.assertNoCallLeft();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  /** Northwind: A (forwardPai) and B; routes [A] then [B] for +1206…, so A is tried first. */
  static void northwind(TestSbc a, TestSbc b, boolean optionsToA) {
    tenantVersion++;
    A = "sbc-a" + tenantVersion + ".northwind.test";
    B = "sbc-b" + tenantVersion + ".northwind.test";
    fixture
        .emulator
        .world()
        .putTenant(
            new EmulatedTenant(
                TENANT,
                "Northwind",
                List.of("northwind.test"),
                List.of(),
                List.of(
                    new TeamsUser(NINA, "nina@northwind.test", "Nina", "+14255550301", null),
                    new TeamsUser(
                        NOBODY_NUMBERLESS, "nobody@northwind.test", "Nobody", null, null)),
                List.of(),
                List.of(
                    new PstnGateway(A, a.port(), optionsToA, null, true, false, null, null),
                    new PstnGateway(B, b.port(), false, null, false, false, 10, List.of(503))),
                List.of(
                    new VoiceRoute("\\+1206.*", List.of(A)),
                    new VoiceRoute("\\+1206.*", List.of(B)))));
  }

  @Test
  void dial_inviteAddressedAsMicrosoft_ringing_ok_ackAndMedia_byeFromSbc() throws Exception {
    try (TestSbc a = TestSbc.udp(fixture.port("udp"));
        TestSbc b = TestSbc.udp(fixture.port("udp"));
        DatagramSocket rtp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      northwind(a, b, false);
      JsonNode placed = dial(NINA, "+12065550123", 201);
      assertThat(placed.get("gateways").toString()).isEqualTo("[\"" + A + "\",\"" + B + "\"]");
      String callId = placed.get("callId").asString();

      SipText invite = a.nextRequest("INVITE");
      assertThat(invite.requestUri())
          .isEqualTo("sip:+12065550123@" + A + ":" + a.port() + ";user=phone;transport=udp");
      assertThat(invite.header("Call-ID")).hasValue(callId);
      assertThat(invite.header("From").orElseThrow())
          .startsWith("<sip:+14255550301@sip.pstnhub.microsoft.com;user=phone>;tag=");
      assertThat(invite.header("To")).hasValue("<sip:+12065550123@" + A + ";user=phone>");
      assertThat(invite.header("Contact").orElseThrow())
          .isEqualTo("<sip:sip.pstnhub.microsoft.com:" + fixture.port("udp") + ";transport=udp>");
      assertThat(invite.header("Record-Route").orElseThrow())
          .startsWith("<sip:sip.pstnhub.microsoft.com:")
          .endsWith(";lr>");
      assertThat(invite.header("P-Asserted-Identity"))
          .hasValue("<sip:+14255550301@sip.pstnhub.microsoft.com;user=phone>");
      assertThat(invite.headers().stream().map(h -> h[0].toLowerCase()))
          .noneMatch(name -> name.startsWith("x-ms-"));
      assertThat(invite.header("Content-Type")).hasValue("application/sdp");
      assertThat(invite.body())
          .contains("m=audio ")
          .contains("RTP/SAVP 0 8 101")
          .contains("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:");

      a.send(invite.response(100, "Trying", ""));
      a.send(invite.response(180, "Ringing", "sbcA1"));
      a.send(okWithSdp(a, invite, "sbcA1", rtp.getLocalPort()));
      SipText ack = a.nextRequest("ACK");
      assertThat(ack.requestUri()).contains(A);
      assertThat(ack.header("To").orElseThrow()).contains("tag=sbcA1");
      rtp.setSoTimeout(3000);
      DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
      rtp.receive(packet);
      SrtpOnTheWire.decrypt(invite.body(), packet.getData(), packet.getLength());
      assertThat(state(NINA, callId)).isEqualTo("CONNECTED");
      assertThat(b.silentFor(Duration.ofMillis(50))).isTrue();

      a.send(byeFromSbc(a, invite, "sbcA1"));
      assertThat(a.nextFinal().status()).isEqualTo(200);
      fixture.awaitJournal("call.ended", callId);
      assertThat(state(NINA, callId)).isEqualTo("ENDED");
    }
  }

  @Test
  void firstGateway503_failsOverToNext_withoutPai_thenUserHangsUpWithBye() throws Exception {
    try (TestSbc a = TestSbc.udp(fixture.port("udp"));
        TestSbc b = TestSbc.udp(fixture.port("udp"))) {
      northwind(a, b, false);
      String callId = dial(NINA, "+12065550123", 201).get("callId").asString();
      SipText first = a.nextRequest("INVITE");
      a.send(first.response(503, "Service Unavailable", "sbcA2"));
      SipText second = b.nextRequest("INVITE");
      assertThat(second.header("Call-ID")).hasValue(callId);
      assertThat(second.requestUri()).startsWith("sip:+12065550123@" + B + ":" + b.port());
      assertThat(second.header("P-Asserted-Identity")).isEmpty();
      b.send(okWithSdp(b, second, "sbcB2", 40000));
      b.nextRequest("ACK");
      assertThat(fixture.journal("call.failover"))
          .anySatisfy(
              e ->
                  assertThat(e.attributes())
                      .containsEntry("gateway", A)
                      .containsEntry("status", "503"));

      hangUp(NINA, callId);
      SipText bye = b.nextRequest("BYE");
      assertThat(bye.header("Call-ID")).hasValue(callId);
      b.send(bye.response(200, "OK", ""));
      fixture.awaitJournal("call.ended", callId);
    }
  }

  @Test
  void noRingingWithinFailoverTime_silentLegCancelled_nextGatewayTried() throws Exception {
    try (TestSbc a = TestSbc.udp(fixture.port("udp"));
        TestSbc b = TestSbc.udp(fixture.port("udp"))) {
      northwind(a, b, false);
      String callId = dial(NINA, "+12065550123", 201).get("callId").asString();
      SipText invite = a.nextRequest("INVITE");
      a.send(invite.response(100, "Trying", ""));
      fixture.clock.advance(Duration.ofSeconds(9));
      assertThat(b.silentFor(Duration.ofMillis(100))).isTrue();
      fixture.clock.advance(Duration.ofSeconds(1));
      SipText cancel = a.nextRequest("CANCEL");
      assertThat(cancel.header("Call-ID")).hasValue(callId);
      assertThat(cancel.header("CSeq").orElseThrow()).endsWith(" CANCEL");
      a.send(cancel.response(200, "OK", ""));
      a.send(invite.response(487, "Request Terminated", "sbcA3"));
      SipText next = b.nextRequest("INVITE");
      assertThat(next.header("Call-ID")).hasValue(callId);
      assertThat(fixture.journal("call.failover"))
          .anySatisfy(e -> assertThat(e.attributes()).containsEntry("status", "timeout"));
      b.send(next.response(486, "Busy Here", "sbcB3"));
      fixture.awaitJournal("call.failed", callId);
      assertThat(state(NINA, callId)).isEqualTo("FAILED");
    }
  }

  @Test
  void busy486_and_decline603_areNotFailedOver() throws Exception {
    for (int status : new int[] {486, 603}) {
      try (TestSbc a = TestSbc.udp(fixture.port("udp"));
          TestSbc b = TestSbc.udp(fixture.port("udp"))) {
        northwind(a, b, false);
        String callId = dial(NINA, "+12065550123", 201).get("callId").asString();
        SipText invite = a.nextRequest("INVITE");
        a.send(invite.response(180, "Ringing", "sbcA4"));
        a.send(invite.response(status, status == 486 ? "Busy Here" : "Decline", "sbcA4"));
        JournalEntry failed = fixture.awaitJournal("call.failed", callId);
        assertThat(failed.attributes()).containsEntry("status", Integer.toString(status));
        assertThat(b.silentFor(Duration.ofMillis(150))).as("no INVITE to B").isTrue();
      }
    }
  }

  @Test
  void demotedGateway_isTriedAfterTheHealthyOne_whateverTheRoutePriority() throws Exception {
    try (TestSbc a = TestSbc.udp(fixture.port("udp"));
        TestSbc b = TestSbc.udp(fixture.port("udp"))) {
      northwind(a, b, false);
      b.send(b.fixture("options-from-sbc.sip", Map.of("contactHost", B)));
      assertThat(b.nextFinal().status()).isEqualTo(200);
      JsonNode placed = dial(NINA, "+12065550123", 201);
      assertThat(placed.get("gateways").toString()).isEqualTo("[\"" + B + "\",\"" + A + "\"]");
      SipText invite = b.nextRequest("INVITE");
      b.send(invite.response(603, "Decline", "sbcB5"));
      fixture.awaitJournal("call.failed", placed.get("callId").asString());
      fixture.clock.advance(Duration.ofMinutes(3).plusSeconds(1));
      assertThat(dial(NINA, "+12065550123", 201).get("gateways").toString())
          .as("B silent for over three minutes: demoted again")
          .isEqualTo("[\"" + A + "\",\"" + B + "\"]");
      SipText again = a.nextRequest("INVITE");
      a.send(again.response(603, "Decline", "sbcA5"));
      fixture.awaitJournal("call.failed", again.header("Call-ID").orElseThrow());
    }
  }

  @Test
  void optionsPing_everyMinute_toGatewaysWithSendSipOptions() throws Exception {
    try (TestSbc a = TestSbc.udp(fixture.port("udp"));
        TestSbc b = TestSbc.udp(fixture.port("udp"))) {
      northwind(a, b, true);
      fixture.clock.advance(Duration.ofSeconds(60));
      SipText options = a.nextRequest("OPTIONS");
      assertThat(options.requestUri()).isEqualTo("sip:" + A + ":" + a.port() + ";transport=udp");
      assertThat(options.header("Contact").orElseThrow()).contains("sip.pstnhub.microsoft.com");
      a.send(options.response(200, "OK", "sbcOpt"));
      fixture.awaitJournal("options.answered", options.header("Call-ID").orElseThrow());
      assertThat(b.silentFor(Duration.ofMillis(100))).as("B has sendSipOptions false").isTrue();
      fixture.clock.advance(Duration.ofSeconds(60));
      assertThat(a.nextRequest("OPTIONS").header("Call-ID"))
          .isNotEqualTo(options.header("Call-ID"));
    }
  }

  @Test
  void
      controlRefusals_unknownUser404_malformed400_notE164_400_noNumber422_noRoute422_unknownCall404()
          throws Exception {
    try (TestSbc a = TestSbc.udp(fixture.port("udp"));
        TestSbc b = TestSbc.udp(fixture.port("udp"))) {
      northwind(a, b, false);
      assertProblem(
          post("/emulator/teams/users/no-such-user/calls", "{\"to\":\"+12065550123\"}"), 404);
      assertProblem(post("/emulator/teams/users/" + NINA + "/calls", "{\"to\":"), 400);
      assertProblem(
          post("/emulator/teams/users/" + NINA + "/calls", "{\"to\":\"12065550123\"}"), 400);
      assertProblem(
          post(
              "/emulator/teams/users/" + NOBODY_NUMBERLESS + "/calls", "{\"to\":\"+12065550123\"}"),
          422);
      assertProblem(post("/emulator/teams/users/" + NINA + "/calls", "{\"to\":\"+4930555\"}"), 422);
      HttpResponse<String> unknown =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          fixture.emulator.httpBaseUrl()
                              + "/emulator/teams/users/"
                              + NINA
                              + "/calls/nope"))
                  .DELETE()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertProblem(unknown, 404);
    }
  }

  static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(Json.parse(response.body()).get("status").asInt()).isEqualTo(status);
  }

  static JsonNode dial(String userId, String to, int expected) throws Exception {
    HttpResponse<String> response =
        post("/emulator/teams/users/" + userId + "/calls", "{\"to\":\"" + to + "\"}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
    return Json.parse(response.body());
  }

  static String state(String userId, String callId) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        fixture.emulator.httpBaseUrl()
                            + "/emulator/teams/users/"
                            + userId
                            + "/calls/"
                            + callId))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return Json.parse(response.body()).get("state").asString();
  }

  static void hangUp(String userId, String callId) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        fixture.emulator.httpBaseUrl()
                            + "/emulator/teams/users/"
                            + userId
                            + "/calls/"
                            + callId))
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(204);
  }

  static HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(fixture.emulator.httpBaseUrl() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void sbcAnswersPlainRtp_toTheSrtpOffer_violationJournalled_andTheCallIsHungUp() throws Exception {
    try (TestSbc a = TestSbc.udp(fixture.port("udp"));
        TestSbc b = TestSbc.udp(fixture.port("udp"))) {
      northwind(a, b, false);
      String callId = dial(NINA, "+12065550123", 201).get("callId").asString();
      SipText invite = a.nextRequest("INVITE");

      a.send(
          InboundChecksTest.withContentLength(
              InboundChecksTest.plain(okWithSdp(a, invite, "sbcA1", 40000))
                  .replace("RTP/SAVP", "RTP/AVP")));

      a.nextRequest("ACK");
      SipText bye = a.nextRequest("BYE");
      a.send(bye.response(200, "OK", ""));
      fixture.awaitJournal("sip.violation", callId);
    }
  }

  /** The SBC's 200 OK with its SDP answer. */
  static String okWithSdp(TestSbc sbc, SipText invite, String toTag, int rtpPort) throws Exception {
    return sbc.fixture(
        "ok-with-sdp.sip",
        Map.of(
            "via", "Via: " + String.join("\r\nVia: ", invite.headerValues("Via")),
            "from", invite.header("From").orElseThrow(),
            "to", invite.header("To").orElseThrow() + ";tag=" + toTag,
            "callId", invite.header("Call-ID").orElseThrow(),
            "cseq", invite.header("CSeq").orElseThrow(),
            "contactHost", hostOf(invite),
            "rtpPort", Integer.toString(rtpPort)));
  }

  private static String hostOf(SipText invite) {
    String uri = invite.requestUri();
    return uri.substring(uri.indexOf('@') + 1, uri.indexOf(':', uri.indexOf('@')));
  }

  /** BYE from the SBC inside the dialog the INVITE formed. */
  static String byeFromSbc(TestSbc sbc, SipText invite, String sbcTag) {
    String to = invite.header("From").orElseThrow();
    String from = invite.header("To").orElseThrow() + ";tag=" + sbcTag;
    String contact = invite.header("Contact").orElseThrow();
    String target = contact.substring(contact.indexOf('<') + 1, contact.indexOf('>'));
    return InboundCallTest.inDialog("BYE", 1, invite.header("Call-ID").orElseThrow(), from, to, sbc)
        .replace("BYE sip:sip.pstnhub.microsoft.com SIP/2.0", "BYE " + target + " SIP/2.0");
  }
}
