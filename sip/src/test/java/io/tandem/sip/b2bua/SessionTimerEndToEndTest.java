package io.tandem.sip.b2bua;

import static io.tandem.sip.b2bua.ConnectRig.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.interaction.InteractionEvent;
import io.tandem.sip.sipp.Sipp;
import io.tandem.sip.sipp.SippResult;
import io.tandem.sip.stack.Transport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Session timers (RFC 4028) on both legs, over real SIP: the emulator's Teams proxy answers agent
 * legs with a 3 s session Tandem must refresh (and ends sessions that are not refreshed, as
 * Microsoft does); SIPp carriers ask for 4 s sessions refreshed by either side, or for one below
 * Tandem's minimum (here 2 s).
 */
class SessionTimerEndToEndTest {

  private static final Duration TEAMS_SESSION = Duration.ofSeconds(3);
  private static final Duration MINIMUM = Duration.ofSeconds(2);

  private ConnectRig rig;
  private int port;

  @BeforeEach
  void start() throws Exception {
    rig =
        new ConnectRig(
            List.of("127.0.0.1"), ConnectSettings.DEFAULT_RTP_TIMEOUT, TEAMS_SESSION, MINIMUM);
    port = rig.node.endpoint().listenPoint(Transport.UDP).port();
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void agentLeg_tandemRefreshesTeamsSessionWithUpdate_callOutlivesTheInterval() throws Exception {
    rig.agent("ann", "+14255550401");
    String call =
        rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}],\"talkFor\":\"PT60S\"");
    await(() -> rig.first(InteractionEvent.Connected.class));

    // Three refreshes take 4.5 s: longer than the 2 s deadline of an unrefreshed session.
    await(() -> teamsEvents("call.sessionRefreshed") >= 3 ? true : null);

    assertThat(teamsEvents("call.sessionExpired")).isZero();
    assertThat(rig.journal("UPDATE"))
        .allSatisfy(
            update ->
                assertThat(update)
                    .contains("Session-Expires: 3;refresher=uac")
                    .contains("Supported: timer"));
    assertThat(rig.callView(call).path("state").asString()).isNotEqualTo("ENDED");
    assertThat(rig.events(InteractionEvent.Disconnected.class)).isEmpty();
  }

  @Test
  void carrierRefreshesButDoesNot_tandemEndsTheExpiredSession() throws Exception {
    SippResult result = carrier("carrier-session-not-refreshed.xml").run();

    assertThat(result.exitCode()).as(result.errors()).isZero();
    assertThat(result.successful()).isEqualTo(1);
    // The caller was in the virtual assistant: the expired session is its hang-up.
    await(() -> rig.first(InteractionEvent.Abandoned.class));
    await(() -> rig.node.activeCalls() == 0 ? true : null);
  }

  @Test
  void tandemRefreshesTheCarrierSession_withUpdate() {
    SippResult result = carrier("carrier-session-refreshed-by-tandem.xml").run();

    assertThat(result.exitCode()).as(result.errors()).isZero();
    assertThat(result.successful()).isEqualTo(1);
  }

  @Test
  void carrierSessionBelowTheMinimum_422WithMinSe_nothingCreated() {
    SippResult result = carrier("carrier-session-interval-too-small.xml").run();

    assertThat(result.exitCode()).as(result.errors()).isZero();
    assertThat(result.successful()).isEqualTo(1);
    assertThat(rig.events(InteractionEvent.Arrived.class)).isEmpty();
    assertThat(rig.node.activeCalls()).isZero();
  }

  private Sipp carrier(String scenario) {
    Sipp.assumeAvailable();
    return Sipp.scenario(scenario)
        .remote("127.0.0.1", port)
        .service(ConnectRig.HELP_LINE)
        .calls(1)
        .timeout(Duration.ofSeconds(30));
  }

  private long teamsEvents(String kind) {
    return rig.emulator.journal().after(0, e -> e.kind().equals(kind), 100).size();
  }
}
