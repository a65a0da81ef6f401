package io.tandem.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.callcontrol.CallAction;
import io.tandem.core.callcontrol.CallControl;
import io.tandem.core.interaction.DisconnectedBy;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.sip.sipp.Sipp;
import io.tandem.sip.sipp.SippResult;
import io.tandem.sip.stack.Transport;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agent's call control against SIPp as the carrier (the Teams side is the emulator's Direct
 * Routing): the carrier stays in the call until Tandem ends it, and its scenario checks what it
 * gets.
 */
class SippCallControlTest {

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

  @Test
  void holdResumeThenHangUp_theCarrierGetsTandemsBye() throws Exception {
    rig.agent("ann", "+14255550401");
    CallControl control = rig.node.callControl(ConnectRig.TENANT);
    CompletableFuture<SippResult> carrier =
        CompletableFuture.supplyAsync(
            () ->
                Sipp.scenario("carrier-call-answered-by-agent.xml")
                    .remote("127.0.0.1", port)
                    .service(ConnectRig.HELP_LINE)
                    .calls(1)
                    .timeout(Duration.ofSeconds(60))
                    .key("digit", "1")
                    .key("hangup_by", "tandem")
                    .run());
    InteractionEvent.Connected connected = await(InteractionEvent.Connected.class);

    control
        .request(connected.interaction(), new CallAction.Hold())
        .toCompletableFuture()
        .get(5, TimeUnit.SECONDS);
    await(InteractionEvent.Held.class);
    control
        .request(connected.interaction(), new CallAction.Resume())
        .toCompletableFuture()
        .get(5, TimeUnit.SECONDS);
    await(InteractionEvent.Resumed.class);
    control
        .request(connected.interaction(), new CallAction.HangUp())
        .toCompletableFuture()
        .get(5, TimeUnit.SECONDS);

    SippResult result = carrier.get(60, TimeUnit.SECONDS);
    assertThat(result.exitCode()).as(result.diagnostics()).isZero();
    assertThat(result.successful()).isEqualTo(1);
    assertThat(await(InteractionEvent.Disconnected.class).by()).isEqualTo(DisconnectedBy.AGENT);
    ConnectRig.await(() -> rig.node.activeCalls() == 0 ? true : null);
  }

  /** The first event of {@code type}, waiting 20 s at most. */
  private <E> E await(Class<E> type) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (rig.events(type).isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no " + type.getSimpleName() + " within 20 s");
      }
      Thread.sleep(50);
    }
    return rig.events(type).get(0);
  }
}
