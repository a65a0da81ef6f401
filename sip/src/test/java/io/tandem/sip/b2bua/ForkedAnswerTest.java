package io.tandem.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.interaction.DisconnectedBy;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.sip.sipp.Sipp;
import io.tandem.sip.sipp.SippProcess;
import io.tandem.sip.sipp.SippResult;
import io.tandem.sip.stack.Transport;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * An agent's INVITE answered by two forks (RFC 3261 §13.2.2.4): SIPp plays a forking Teams side
 * whose two endpoints both answer. Tandem keeps the first answer's dialog, ACKs the second and ends
 * it with BYE, and the call goes on with the first: the scenario fails on a BYE or ACK sent to the
 * wrong fork.
 */
class ForkedAnswerTest {

  @Test
  void theSecondForksAnswer_isAckedAndByed_theCallGoesOnWithTheFirst() throws Exception {
    Sipp.assumeAvailable();
    try (SippProcess teams =
            Sipp.scenario("teams-answers-from-two-forks.xml")
                // the node's first OPTIONS keepalive, answered by -aa, counts as a call that
                // never ends: SIPp is stopped once the INVITE's call is over
                .calls(2)
                .option("-aa")
                .timeout(Duration.ofSeconds(60))
                .startUas();
        ConnectRig rig = ConnectRig.withTeamsAt(teams.port())) {
      rig.agent("ann", "+14255550401");

      SippResult carrier =
          Sipp.scenario("carrier-call-answered-by-agent.xml")
              .remote("127.0.0.1", rig.node.endpoint().listenPoint(Transport.UDP).port())
              .service(ConnectRig.HELP_LINE)
              .key("digit", "1")
              .key("talk_ms", "3000")
              .calls(1)
              .timeout(Duration.ofSeconds(40))
              .run();
      SippResult forks = teams.awaitExit(Duration.ofSeconds(3));

      assertThat(carrier.exitCode()).as(carrier.diagnostics()).isZero();
      assertThat(forks.failed()).as(forks.diagnostics()).isZero();
      assertThat(forks.successful()).as(forks.diagnostics()).isEqualTo(1);
      assertThat(rig.events(InteractionEvent.Connected.class)).hasSize(1);
      ConnectRig.await(() -> rig.first(InteractionEvent.Disconnected.class));
      assertThat(rig.events(InteractionEvent.Disconnected.class))
          .singleElement()
          .satisfies(ended -> assertThat(ended.by()).isEqualTo(DisconnectedBy.CUSTOMER));
    }
  }
}
