package io.tandem.emulator.pstn.trunk;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.siptext.SipText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The contact center transfers a trunk caller with REFER; the caller is the transferee. */
class CarrierTrunkTransferTest {

  private static TrunkFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = new TrunkFixture(FakeContactCenter.udp());
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  @Test
  void referToAnotherTrunkNumber_callerCallsIt_andNotifiesTheOutcome() throws Exception {
    {
      FakeContactCenter cc = fixture.cc;
      String callId = connected(fixture);
      SipText invite = cc.await(callId, "INVITE");
      cc.respondWithMedia(invite, 200, "OK");
      cc.await(callId, "ACK");
      fixture.awaitState(callId, "CONNECTED");

      cc.sendInDialog(
          invite,
          "REFER",
          "",
          "",
          "Refer-To: <sip:+14255550199@cc.tandem.test;user=phone>",
          "Referred-By: <sip:queue@cc.tandem.test>");
      assertThat(cc.awaitResponse(callId, "REFER").status()).isEqualTo(202);
      SipText trying = cc.await(callId, "NOTIFY");
      assertThat(trying.header("Event").orElseThrow()).isEqualTo("refer");
      assertThat(trying.header("Subscription-State").orElseThrow()).startsWith("active");
      assertThat(trying.header("Content-Type").orElseThrow())
          .isEqualTo("message/sipfrag;version=2.0");
      assertThat(trying.body()).isEqualTo("SIP/2.0 100 Trying\r\n");
      cc.respond(trying, 200, "OK");

      SipText second = cc.await("INVITE");
      assertThat(second.requestUri()).startsWith("sip:+14255550199@cc.tandem.test:");
      assertThat(second.header("From").orElseThrow()).contains("sip:+17165550123@");
      assertThat(second.header("Referred-By").orElseThrow())
          .isEqualTo("<sip:queue@cc.tandem.test>");
      String newCallId = second.header("Call-ID").orElseThrow();
      assertThat(newCallId).isNotEqualTo(callId);
      cc.respondWithMedia(second, 200, "OK");
      cc.await(newCallId, "ACK");

      SipText done = cc.await(callId, "NOTIFY");
      assertThat(done.header("Subscription-State").orElseThrow())
          .isEqualTo("terminated;reason=noresource");
      assertThat(done.body()).isEqualTo("SIP/2.0 200 OK\r\n");
      cc.respond(done, 200, "OK");
      cc.sendInDialog(invite, "BYE", "", "");
      assertThat(cc.awaitResponse(callId, "BYE").status()).isEqualTo(200);

      JsonNode original = fixture.awaitState(callId, "ENDED");
      assertThat(original.get("endReason").asString()).isEqualTo("TRANSFERRED");
      assertThat(original.get("transfer").get("newCallId").asString()).isEqualTo(newCallId);
      assertThat(original.get("transfer").get("emulated").asBoolean()).isTrue();
      assertThat(original.get("transfer").get("status").asInt()).isEqualTo(200);
      assertThat(fixture.view(newCallId).get("state").asString()).isEqualTo("CONNECTED");
      assertThat(fixture.journal(callId, "trunk.transfer.completed")).hasSize(1);
      cc.sendInDialog(second, "BYE", "", "");
      assertThat(cc.awaitResponse(newCallId, "BYE").status()).isEqualTo(200);
    }
  }

  @Test
  void referToANumberNoTrunkServes_journalledNotEmulated_reportedAnswered() throws Exception {
    {
      FakeContactCenter cc = fixture.cc;
      String callId = connected(fixture);
      SipText invite = cc.await(callId, "INVITE");
      cc.respondWithMedia(invite, 200, "OK");
      cc.await(callId, "ACK");
      fixture.awaitState(callId, "CONNECTED");

      cc.sendInDialog(
          invite, "REFER", "", "", "Refer-To: <sip:+33123456789@elsewhere.example;user=phone>");
      assertThat(cc.awaitResponse(callId, "REFER").status()).isEqualTo(202);
      assertThat(cc.await(callId, "NOTIFY").body()).isEqualTo("SIP/2.0 100 Trying\r\n");
      SipText done = cc.await(callId, "NOTIFY");
      assertThat(done.body()).isEqualTo("SIP/2.0 200 OK\r\n");
      assertThat(fixture.journal(callId, "trunk.transfer.notEmulated")).hasSize(1);
      JsonNode view = fixture.view(callId);
      assertThat(view.get("transfer").get("target").asString()).isEqualTo("+33123456789");
      assertThat(view.get("transfer").get("emulated").asBoolean()).isFalse();
      hangUp(cc, invite);
    }
  }

  @Test
  void referWithoutReferTo_400() throws Exception {
    {
      FakeContactCenter cc = fixture.cc;
      String callId = connected(fixture);
      SipText invite = cc.await(callId, "INVITE");
      cc.respondWithMedia(invite, 200, "OK");
      cc.await(callId, "ACK");
      fixture.awaitState(callId, "CONNECTED");
      cc.sendInDialog(invite, "REFER", "", "");
      assertThat(cc.awaitResponse(callId, "REFER").status()).isEqualTo(400);
      hangUp(cc, invite);
    }
  }

  private static void hangUp(FakeContactCenter cc, SipText invite) throws Exception {
    cc.sendInDialog(invite, "BYE", "", "");
    assertThat(cc.awaitResponse(invite.callId(), "BYE").status()).isEqualTo(200);
  }

  private static String connected(TrunkFixture fixture) throws Exception {
    return fixture.dial("{\"from\":\"+17165550123\",\"to\":\"+14255550190\"}");
  }
}
