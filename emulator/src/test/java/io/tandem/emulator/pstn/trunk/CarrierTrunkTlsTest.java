package io.tandem.emulator.pstn.trunk;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.siptext.SipText;
import org.junit.jupiter.api.Test;

/**
 * A trunk over TLS: the carrier connects to the center (certificate {@code tandem.test} from the
 * test CA), presenting the emulator's certificate, and the call runs as over UDP.
 */
class CarrierTrunkTlsTest {

  @Test
  void tlsTrunk_callConnectsAndEnds() throws Exception {
    try (TrunkFixture fixture = new TrunkFixture(FakeContactCenter.tls())) {
      FakeContactCenter cc = fixture.cc;
      String callId = fixture.dial("{\"from\":\"+17165550123\",\"to\":\"+14255550196\"}");
      SipText invite = cc.await(callId, "INVITE");
      assertThat(invite.requestUri())
          .isEqualTo("sip:+14255550196@tandem.test:" + cc.port() + ";user=phone;transport=tls");
      assertThat(invite.header("Via").orElseThrow()).startsWith("SIP/2.0/TLS ");
      assertThat(cc.peerSubject()).contains("sip.pstnhub.microsoft.com");
      cc.respondWithMedia(invite, 200, "OK");
      cc.await(callId, "ACK");
      fixture.awaitView(callId, v -> v.get("heard").get("soundSeconds").asDouble() > 0.2);
      cc.sendInDialog(invite, "BYE", "", "");
      assertThat(cc.awaitResponse(callId, "BYE").status()).isEqualTo(200);
      assertThat(fixture.awaitState(callId, "ENDED").get("transport").asString()).isEqualTo("tls");
    }
  }
}
