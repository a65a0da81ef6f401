package io.tandem.emulator.pstn.trunk;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.siptext.SipText;
import io.tandem.media.codec.G711;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A trunk over TCP to a center that only takes PCMA: the caller switches law, and follows the
 * center's hold and resume re-INVITEs.
 */
class CarrierTrunkTcpTest {

  @Test
  void tcpTrunk_pcmaAnswer_holdAndResume() throws Exception {
    try (TrunkFixture fixture = new TrunkFixture(FakeContactCenter.tcp(G711.PCMA))) {
      FakeContactCenter cc = fixture.cc;
      String callId = fixture.dial("{\"from\":\"+17165550123\",\"to\":\"+14255550195\"}");
      SipText invite = cc.await("INVITE");
      assertThat(invite.requestUri()).endsWith(";user=phone;transport=tcp");
      assertThat(invite.header("Via").orElseThrow()).startsWith("SIP/2.0/TCP ");
      assertThat(invite.contactUri()).endsWith(";transport=tcp");
      cc.respondWithMedia(invite, 200, "OK");
      cc.await("ACK");
      JsonNode view =
          fixture.awaitView(callId, v -> v.get("heard").get("soundSeconds").asDouble() > 0.2);
      assertThat(view.get("media").get("law").asString()).isEqualTo("PCMA");
      awaitPackets(cc, 10);
      assertThat(cc.payloadTypes()).containsOnly(8);

      cc.sendInDialog(invite, "INVITE", "application/sdp", cc.sdp("sendonly"));
      SipText held = cc.awaitResponse("INVITE");
      assertThat(held.status()).isEqualTo(200);
      assertThat(held.body()).contains("a=recvonly").contains("RTP/AVP 8 101");
      cc.sendInDialog(invite, "ACK", "", "");
      assertThat(fixture.awaitView(callId, v -> v.get("media").get("held").asBoolean()))
          .isNotNull();
      Thread.sleep(100);
      long whileHeld = cc.packets();
      Thread.sleep(300);
      assertThat(cc.packets()).as("no audio while held").isLessThanOrEqualTo(whileHeld + 1);

      cc.sendInDialog(invite, "INVITE", "application/sdp", cc.sdp("sendrecv"));
      assertThat(cc.awaitResponse("INVITE").body()).contains("a=sendrecv");
      fixture.awaitView(callId, v -> !v.get("media").get("held").asBoolean());
      awaitPackets(cc, cc.packets() + 10);

      cc.sendInDialog(invite, "BYE", "", "");
      assertThat(cc.awaitResponse("BYE").status()).isEqualTo(200);
      assertThat(fixture.awaitState(callId, "ENDED").get("transport").asString()).isEqualTo("tcp");
    }
  }

  private static void awaitPackets(FakeContactCenter cc, long atLeast) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (cc.packets() < atLeast && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(cc.packets()).isGreaterThanOrEqualTo(atLeast);
  }
}
