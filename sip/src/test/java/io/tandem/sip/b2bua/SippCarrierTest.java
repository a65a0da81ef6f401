package io.tandem.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.interaction.DisconnectedBy;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.sip.sipp.Sipp;
import io.tandem.sip.sipp.SippResult;
import io.tandem.sip.stack.Transport;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The carrier side played by SIPp against a Connect node (the agents' Teams side is the emulator's
 * Direct Routing): the scenario files' expected outcomes hold against Tandem itself.
 */
class SippCarrierTest {

  private ConnectRig rig;
  private int port;

  @BeforeEach
  void start() throws Exception {
    Sipp.assumeAvailable();
    rig = new ConnectRig();
    port = rig.node.endpoint().listenPoint(Transport.UDP).port();
  }

  @AfterEach
  void stop() {
    if (rig != null) {
      rig.close();
    }
  }

  private Sipp carrier(String scenario) {
    return Sipp.scenario(scenario)
        .remote("127.0.0.1", port)
        .service(ConnectRig.HELP_LINE)
        .calls(1)
        .timeout(Duration.ofSeconds(40));
  }

  @Test
  void carrierCallAnsweredByAgent() throws Exception {
    rig.agent("ann", "+14255550401");

    SippResult result =
        carrier("carrier-call-answered-by-agent.xml")
            .key("digit", "1")
            .key("talk_ms", "6000")
            .run();

    assertThat(result.exitCode()).as(result.errors()).isZero();
    assertThat(result.successful()).isEqualTo(1);
    assertThat(rig.events(InteractionEvent.Connected.class))
        .singleElement()
        .satisfies(connected -> assertThat(connected.agent().value()).isEqualTo("ann"));
    ConnectRig.await(() -> rig.first(InteractionEvent.Disconnected.class));
    assertThat(rig.events(InteractionEvent.Disconnected.class))
        .singleElement()
        .satisfies(ended -> assertThat(ended.by()).isEqualTo(DisconnectedBy.CUSTOMER));
  }

  @Test
  void carrierHoldsAndResumes_answeredWithTheMirroredDirection_interactionHeldThenResumed()
      throws Exception {
    rig.agent("ann", "+14255550401");

    SippResult result = carrier("carrier-holds-agent.xml").run();

    assertThat(result.exitCode()).as(result.diagnostics()).isZero();
    assertThat(rig.events(InteractionEvent.Connected.class)).hasSize(1);
    assertThat(rig.events(InteractionEvent.Held.class)).hasSize(1);
    assertThat(rig.events(InteractionEvent.Resumed.class)).hasSize(1);
    assertThat(rig.events(InteractionEvent.Held.class).get(0).at())
        .isBeforeOrEqualTo(rig.events(InteractionEvent.Resumed.class).get(0).at());
    ConnectRig.await(() -> rig.first(InteractionEvent.Disconnected.class));
    assertThat(rig.events(InteractionEvent.Disconnected.class))
        .singleElement()
        .satisfies(ended -> assertThat(ended.by()).isEqualTo(DisconnectedBy.CUSTOMER));
  }

  @Test
  void divertedCall_theFirstCalledNumberIsAnAttribute() throws Exception {
    SippResult result = carrier("carrier-call-diverted.xml").run();

    assertThat(result.exitCode()).as(result.errors()).isZero();
    InteractionEvent.Arrived arrived =
        ConnectRig.await(() -> rig.first(InteractionEvent.Arrived.class));
    assertThat(arrived.attributes())
        .containsEntry(CarrierCall.ORIGINAL_CALLED_ATTRIBUTE, "+14255550111");
    assertThat(arrived.to()).isEqualTo(ConnectRig.HELP_LINE);
  }

  @Test
  void carrierHangsUpInQueue() throws Exception {
    SippResult result =
        carrier("carrier-hangs-up-in-queue.xml").key("digit", "1").key("queue_ms", "2000").run();

    assertThat(result.exitCode()).as(result.errors()).isZero();
    assertThat(rig.events(InteractionEvent.Queued.class)).hasSize(1);
    ConnectRig.await(() -> rig.first(InteractionEvent.Abandoned.class));
    assertThat(rig.events(InteractionEvent.Abandoned.class)).hasSize(1);
  }

  @Test
  void carrierSendsMalformedInvite_400_nothingCreated() {
    SippResult result = carrier("carrier-sends-malformed-invite.xml").run();

    assertThat(result.exitCode()).as(result.errors()).isZero();
    assertThat(rig.events(InteractionEvent.Arrived.class)).isEmpty();
    assertThat(rig.node.activeCalls()).isZero();
  }

  @Test
  void carrierFromAnUnknownAddress_403_nothingCreated() {
    // The trunk admits 127.0.0.1 only; the carrier sends from 127.0.0.2.
    SippResult result = carrier("carrier-unknown-trunk.xml").localHost("127.0.0.2").run();

    assertThat(result.exitCode()).as(result.diagnostics()).isZero();
    assertThat(result.successful()).isEqualTo(1);
    assertThat(rig.events(InteractionEvent.Arrived.class)).isEmpty();
    assertThat(rig.node.activeCalls()).isZero();
  }

  @Test
  void carrierOnAnotherAddress_getsEveryResponseAndRequestThere() throws Exception {
    rig.close();
    rig = new ConnectRig(java.util.List.of("127.0.0.2"));
    port = rig.node.endpoint().listenPoint(Transport.UDP).port();

    SippResult result =
        carrier("carrier-hangs-up-in-queue.xml")
            .localHost("127.0.0.2")
            .key("digit", "1")
            .key("queue_ms", "2000")
            .run();

    assertThat(result.exitCode()).as(result.diagnostics()).isZero();
    assertThat(rig.events(InteractionEvent.Queued.class)).hasSize(1);
    ConnectRig.await(() -> rig.first(InteractionEvent.Abandoned.class));
    assertThat(rig.events(InteractionEvent.Abandoned.class)).hasSize(1);
  }

  @Test
  void aCallerWhoSendsNoRtp_isHungUpWithBye_afterTheRtpTimeout_asAnAbandon() throws Exception {
    rig.close();
    rig = new ConnectRig(java.util.List.of("127.0.0.1"), Duration.ofSeconds(7));
    port = rig.node.endpoint().listenPoint(Transport.UDP).port();
    long started = System.nanoTime();

    // Answered, no RTP, waits for Tandem's BYE: the menu times out into the queue (5 s), then
    // the inactivity timer (7 s, checked every 1.75 s) hangs up.
    SippResult result = carrier("carrier-call-ended-by-agent.xml").run();

    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(result.exitCode()).as(result.diagnostics()).isZero();
    assertThat(took).isBetween(Duration.ofSeconds(7), Duration.ofSeconds(20));
    assertThat(rig.events(InteractionEvent.Queued.class)).hasSize(1);
    // the tenant learns of the hang-up after the BYE has left: wait for it
    ConnectRig.await(() -> rig.first(InteractionEvent.Abandoned.class));
    assertThat(rig.events(InteractionEvent.Abandoned.class)).hasSize(1);
    assertThat(rig.events(InteractionEvent.Connected.class)).isEmpty();
    ConnectRig.await(() -> rig.node.activeCalls() == 0 ? true : null);
  }

  @Test
  void callersAndAgentsWhoSendRtp_stayUpPastTheRtpTimeout() throws Exception {
    rig.close();
    rig = new ConnectRig(java.util.List.of("127.0.0.1"), Duration.ofSeconds(2));
    port = rig.node.endpoint().listenPoint(Transport.UDP).port();
    rig.agent("ann", "+14255550401");

    // The carrier streams a tone throughout and talks 6 s with the agent, whose Teams side
    // streams one too; both legs outlive the 2-s timer, and the carrier hangs up itself.
    SippResult result =
        carrier("carrier-call-answered-by-agent.xml")
            .key("digit", "1")
            .key("talk_ms", "6000")
            .run();

    assertThat(result.exitCode()).as(result.diagnostics()).isZero();
    assertThat(rig.events(InteractionEvent.Connected.class)).hasSize(1);
    ConnectRig.await(() -> rig.first(InteractionEvent.Disconnected.class));
    assertThat(rig.events(InteractionEvent.Disconnected.class))
        .singleElement()
        .satisfies(ended -> assertThat(ended.by()).isEqualTo(DisconnectedBy.CUSTOMER));
  }
}
