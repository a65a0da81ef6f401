package io.tandem.emulator.pstn.trunk;

import static io.tandem.emulator.pstn.trunk.CarrierTrunkCallTest.messages;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.siptext.SipText;
import io.tandem.media.codec.G711;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * How trunk calls end: busy, the caller's patience, the caller's talk time, an unreachable center.
 */
class CarrierTrunkOutcomesTest {

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
  void busyCenter_486_callEndsRejected_andTheCarrierAcks() throws Exception {
    {
      String callId = fixture.dial("{\"from\":\"+17165550123\",\"to\":\"+14255550191\"}");
      SipText invite = fixture.cc.await(callId, "INVITE");
      fixture.cc.respond(invite, 486, "Busy Here");
      SipText ack = fixture.cc.await(callId, "ACK");
      assertThat(ack.header("CSeq").orElseThrow()).isEqualTo("1 ACK");
      JsonNode view = fixture.awaitState(callId, "ENDED");
      assertThat(view.get("endReason").asString()).isEqualTo("REJECTED");
      assertThat(view.get("finalResponse").asString()).isEqualTo("486 Busy Here");
      assertThat(view.get("answeredAt").isNull()).isTrue();
    }
  }

  @Test
  void patienceRunsOutWhileRinging_earlyMediaHeard_thenCancel() throws Exception {
    {
      String callId =
          fixture.dial(
              "{\"from\":\"+17165550123\",\"to\":\"+14255550192\",\"patience\":\"PT20S\"}");
      SipText invite = fixture.cc.await(callId, "INVITE");
      fixture.cc.respond(invite, 100, "Trying");
      fixture.cc.respondWithMedia(invite, 183, "Session Progress");
      JsonNode ringing =
          fixture.awaitView(
              callId,
              v ->
                  v.get("earlyMedia").asBoolean()
                      && v.get("heard").get("soundSeconds").asDouble() > 0.2);
      assertThat(ringing.get("state").asString()).isEqualTo("RINGING");

      fixture.clock.advance(Duration.ofSeconds(19));
      assertThat(fixture.cc.has(callId, "CANCEL")).isFalse();
      fixture.clock.advance(Duration.ofSeconds(1));
      SipText cancel = fixture.cc.await(callId, "CANCEL");
      assertThat(cancel.requestUri()).isEqualTo(invite.requestUri());
      assertThat(cancel.header("CSeq").orElseThrow()).isEqualTo("1 CANCEL");
      fixture.cc.respond(cancel, 200, "OK");
      fixture.cc.respond(invite, 487, "Request Terminated");
      fixture.cc.await(callId, "ACK");
      JsonNode view = fixture.awaitState(callId, "ENDED");
      assertThat(view.get("endReason").asString()).isEqualTo("CALLER_GAVE_UP");
      assertThat(view.get("finalResponse").asString()).isEqualTo("487 Request Terminated");
      assertThat(fixture.journal(callId, "caller.patienceExhausted")).hasSize(1);
    }
  }

  @Test
  void patienceRunsOutBeforeAnyResponse_cancelWaitsForTheFirstProvisional() throws Exception {
    {
      String callId =
          fixture.dial("{\"from\":\"+17165550123\",\"to\":\"+14255550192\",\"patience\":\"PT5S\"}");
      SipText invite = fixture.cc.await(callId, "INVITE");
      fixture.clock.advance(Duration.ofSeconds(5));
      fixture.awaitState(callId, "CANCELLING");
      assertThat(fixture.cc.has(callId, "CANCEL")).isFalse();
      fixture.cc.respond(invite, 180, "Ringing");
      SipText cancel = fixture.cc.await(callId, "CANCEL");
      fixture.cc.respond(cancel, 200, "OK");
      fixture.cc.respond(invite, 487, "Request Terminated");
      assertThat(fixture.awaitState(callId, "ENDED").get("endReason").asString())
          .isEqualTo("CALLER_GAVE_UP");
    }
  }

  @Test
  void answerCrossesTheCancel_callerAcksAndHangsUp() throws Exception {
    {
      String callId =
          fixture.dial("{\"from\":\"+17165550123\",\"to\":\"+14255550192\",\"patience\":\"PT5S\"}");
      SipText invite = fixture.cc.await(callId, "INVITE");
      fixture.cc.respond(invite, 180, "Ringing");
      fixture.awaitState(callId, "RINGING");
      fixture.clock.advance(Duration.ofSeconds(5));
      SipText cancel = fixture.cc.await(callId, "CANCEL");
      fixture.cc.respond(cancel, 481, "Call/Transaction Does Not Exist");
      fixture.cc.respondWithMedia(invite, 200, "OK");
      fixture.cc.await(callId, "ACK");
      SipText bye = fixture.cc.await(callId, "BYE");
      fixture.cc.respond(bye, 200, "OK");
      assertThat(fixture.awaitState(callId, "ENDED").get("endReason").asString())
          .isEqualTo("CALLER_GAVE_UP");
    }
  }

  @Test
  void talkForAfterTheAnswer_callerSendsBye() throws Exception {
    {
      String callId =
          fixture.dial(
              "{\"from\":\"+17165550123\",\"to\":\"+14255550193\","
                  + "\"patience\":\"PT5S\",\"talkFor\":\"PT30S\"}");
      SipText invite = fixture.cc.await(callId, "INVITE");
      fixture.cc.respondWithMedia(invite, 200, "OK");
      fixture.cc.await(callId, "ACK");
      fixture.awaitState(callId, "CONNECTED");
      fixture.clock.advance(Duration.ofSeconds(29));
      assertThat(fixture.cc.has(callId, "BYE")).isFalse();
      assertThat(fixture.view(callId).get("state").asString())
          .as("patience stops at the answer")
          .isEqualTo("CONNECTED");
      fixture.clock.advance(Duration.ofSeconds(1));
      SipText bye = fixture.cc.await(callId, "BYE");
      assertThat(bye.requestUri())
          .isEqualTo("sip:queue@127.0.0.1:" + fixture.cc.port() + ";transport=udp");
      assertThat(bye.header("To").orElseThrow()).endsWith(";tag=" + fixture.cc.tag);
      assertThat(bye.header("CSeq").orElseThrow()).isEqualTo("2 BYE");
      fixture.cc.respond(bye, 200, "OK");
      JsonNode view = fixture.awaitState(callId, "ENDED");
      assertThat(view.get("endReason").asString()).isEqualTo("CALLER_HUNG_UP");
      assertThat(messages(view)).containsSubsequence("out BYE", "in 200 OK");
    }
  }

  @Test
  void unreachableCenterOverTcp_callEndsWithoutResponse() throws Exception {
    FakeContactCenter closed = FakeContactCenter.tcp(G711.PCMU);
    try (TrunkFixture fixture = new TrunkFixture(closed)) {
      closed.close();
      String callId = fixture.dial("{\"from\":\"+17165550123\",\"to\":\"+14255550194\"}");
      JsonNode view = fixture.awaitState(callId, "ENDED");
      assertThat(view.get("endReason").asString()).isEqualTo("NO_RESPONSE");
    }
  }
}
