package io.tandem.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.interaction.InteractionEvent;
import io.tandem.sip.sipp.Sipp;
import io.tandem.sip.sipp.SippProcess;
import io.tandem.sip.sipp.SippResult;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Teams users calling the public network through Tandem as their tenant's SBC: the emulator's
 * Direct Routing sends Ann's call to a German number to Tandem (the tenant's voice route), Tandem
 * relays it to the carrier gateway of its outbound trunk (SIPp), and answers, refusals and hang-ups
 * travel between the two; a number no outbound trunk serves is refused 404 and reaches no carrier.
 * Nothing of this is a contact-center interaction.
 */
class TeamsCallsOutTest {

  private static final String ANN_ID = "77777777-aaaa-4bbb-8ccc-000000000001";
  private static final String ANN_NUMBER = "+14255550401";
  private static final String BERLIN = "+4930901820";

  @Test
  void answeredAtTheCarrier_connectedInTeams_teamsHangsUp_theCarrierGetsBye() throws Exception {
    Sipp.assumeAvailable();
    try (SippProcess gateway =
            Sipp.scenario("carrier-gateway-answers.xml")
                .key("caller", ANN_NUMBER)
                .calls(1)
                .timeout(Duration.ofSeconds(60))
                .startUas();
        ConnectRig rig = ConnectRig.withCarrierGatewayAt(gateway.port())) {
      String call = placed(rig.teamsDials(ANN_ID, BERLIN));

      ConnectRig.await(() -> rig.teamsCallState(ANN_ID, call).equals("CONNECTED") ? true : null);
      // Tandem answered Microsoft as the SBC: its FQDN in Contact, never an IP
      String ok =
          rig.journal("200").stream()
              .filter(text -> text.contains("CSeq: 1 INVITE") && text.contains("m=audio"))
              .findFirst()
              .orElseThrow();
      assertThat(ok).contains("Contact: <sip:" + ConnectRig.SBC);
      assertThat(rig.events).noneMatch(event -> event instanceof InteractionEvent);
      // the gateway's tone reaches Ann through Tandem's relay (SRTP on her side)
      long before = rig.teamsCall(ANN_ID, call).path("packetsReceived").asLong();
      ConnectRig.await(
          () ->
              rig.teamsCall(ANN_ID, call).path("packetsReceived").asLong() > before + 25
                  ? true
                  : null);

      rig.teamsHangsUp(ANN_ID, call);

      SippResult result = gateway.awaitExit(Duration.ofSeconds(20));
      assertThat(result.exitCode()).as(result.diagnostics()).isZero();
      assertThat(result.successful()).isEqualTo(1);
      ConnectRig.await(() -> rig.node.activeCalls() == 0 ? true : null);
    }
  }

  @Test
  void busyAtTheCarrier_theTeamsCallFailsWithTheCarriersStatus() throws Exception {
    Sipp.assumeAvailable();
    try (SippProcess gateway =
            Sipp.scenario("carrier-gateway-busy.xml")
                .calls(1)
                .timeout(Duration.ofSeconds(60))
                .startUas();
        ConnectRig rig = ConnectRig.withCarrierGatewayAt(gateway.port())) {
      String call = placed(rig.teamsDials(ANN_ID, BERLIN));

      ConnectRig.await(() -> rig.teamsCallState(ANN_ID, call).equals("FAILED") ? true : null);
      assertThat(rig.journal("486")).isNotEmpty();
      SippResult result = gateway.awaitExit(Duration.ofSeconds(20));
      assertThat(result.exitCode()).as(result.diagnostics()).isZero();
      ConnectRig.await(() -> rig.node.activeCalls() == 0 ? true : null);
    }
  }

  @Test
  void aNumberNoOutboundTrunkServes_isRefused404() throws Exception {
    try (ConnectRig rig = ConnectRig.withCarrierGatewayAt(1)) {
      String call = placed(rig.teamsDials(ANN_ID, "+33142765432"));

      ConnectRig.await(() -> rig.teamsCallState(ANN_ID, call).equals("FAILED") ? true : null);
      assertThat(rig.journal("404"))
          .anySatisfy(text -> assertThat(text).contains("no carrier trunk serves +33142765432"));
      assertThat(rig.node.activeCalls()).isZero();
    }
  }

  private static String placed(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    String body = response.body();
    int at = body.indexOf("\"callId\":\"") + 10;
    return body.substring(at, body.indexOf('"', at));
  }
}
