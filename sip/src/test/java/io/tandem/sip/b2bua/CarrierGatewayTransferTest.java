package io.tandem.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.callcontrol.CallAction;
import io.tandem.core.callcontrol.CallTarget;
import io.tandem.core.interaction.DisconnectedBy;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.sip.sipp.Sipp;
import io.tandem.sip.sipp.SippProcess;
import io.tandem.sip.sipp.SippResult;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Transfers to phone numbers of the public network go out through the tenant's carrier gateway (an
 * outbound trunk; SIPp plays the gateway), not over Direct Routing: the caller (the emulator's
 * carrier trunk) talks to the number through Tandem, the agent's Teams leg gets BYE; a busy number
 * leaves the caller with the agent.
 */
class CarrierGatewayTransferTest {

  private static final String ABROAD = "+4930901820";
  private static final String CALLER = "+14255557777";

  @Test
  void blindTransferToANumberTheCarrierServes_answeredAtTheGateway_callerTalksToIt()
      throws Exception {
    Sipp.assumeAvailable();
    try (SippProcess gateway =
            Sipp.scenario("carrier-gateway-answers.xml")
                .key("caller", CALLER)
                .calls(1)
                .timeout(Duration.ofSeconds(60))
                .startUas();
        ConnectRig rig = ConnectRig.withCarrierGatewayAt(gateway.port())) {
      String call = talkToAnn(rig, "PT15S");
      InteractionId id = rig.first(InteractionEvent.Connected.class).interaction();

      transfer(rig, id);

      InteractionEvent.TransferStarted started =
          ConnectRig.await(() -> rig.first(InteractionEvent.TransferStarted.class));
      assertThat(started.target()).isEqualTo(ABROAD);
      InteractionEvent.Disconnected done =
          ConnectRig.await(() -> rig.first(InteractionEvent.Disconnected.class));
      assertThat(done.by()).isEqualTo(DisconnectedBy.AGENT);
      // the caller hears the gateway's 440 Hz tone through Tandem
      ConnectRig.await(() -> rig.toneShare(call) > 0.9 ? true : null);
      assertThat(rig.events(InteractionEvent.TransferFailed.class)).isEmpty();
      // nothing went to Microsoft for the number
      assertThat(rig.journal("INVITE")).noneMatch(text -> text.startsWith("INVITE sip:" + ABROAD));
      // the caller's hang-up ends the gateway's call too (BYE → 200 ends the scenario)
      SippResult result = gateway.awaitExit(Duration.ofSeconds(40));
      assertThat(result.exitCode()).as(result.diagnostics()).isZero();
      assertThat(result.successful()).isEqualTo(1);
    }
  }

  @Test
  void blindTransferToABusyNumber_transferFailed_callerBackWithTheAgent() throws Exception {
    Sipp.assumeAvailable();
    try (SippProcess gateway =
            Sipp.scenario("carrier-gateway-busy.xml")
                .calls(1)
                .timeout(Duration.ofSeconds(60))
                .startUas();
        ConnectRig rig = ConnectRig.withCarrierGatewayAt(gateway.port())) {
      String call = talkToAnn(rig, "PT60S");
      InteractionId id = rig.first(InteractionEvent.Connected.class).interaction();

      transfer(rig, id);

      InteractionEvent.TransferFailed failed =
          ConnectRig.await(() -> rig.first(InteractionEvent.TransferFailed.class));
      assertThat(failed.interaction()).isEqualTo(id);
      // Ann's Teams tone again, the call still up
      ConnectRig.await(() -> rig.toneShare(call) > 0.9 ? true : null);
      assertThat(rig.callView(call).path("state").asString()).isNotEqualTo("ENDED");
      assertThat(rig.events(InteractionEvent.Disconnected.class)).isEmpty();
      SippResult result = gateway.awaitExit(Duration.ofSeconds(20));
      assertThat(result.exitCode()).as(result.diagnostics()).isZero();
    }
  }

  /** A caller who pressed 1, queued for billing, and talks to Ann until {@code talkFor}. */
  private static String talkToAnn(ConnectRig rig, String talkFor) throws Exception {
    rig.agent("ann", "+14255550401");
    String call =
        rig.dial(
            "\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}],\"talkFor\":\"" + talkFor + "\"");
    ConnectRig.await(() -> rig.first(InteractionEvent.Connected.class));
    ConnectRig.await(() -> rig.toneShare(call) > 0.9 ? true : null);
    return call;
  }

  private static void transfer(ConnectRig rig, InteractionId id) throws Exception {
    rig.node
        .callControl(ConnectRig.TENANT)
        .request(id, new CallAction.Transfer(new CallTarget.PhoneNumber(ABROAD)))
        .toCompletableFuture()
        .get(5, TimeUnit.SECONDS);
  }
}
