package io.tandem.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.interaction.DisconnectedBy;
import io.tandem.core.interaction.InteractionEvent;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Connect model end to end over real SIP and RTP: the emulator's PSTN caller on its carrier
 * trunk → Tandem (answer, menu by RFC 4733 digit, queue with music) → the agent's Teams number over
 * the emulator's Direct Routing proxy → relay → hang-ups, with the tenant's events checked.
 */
class ConnectCallsEndToEndTest {

  private static final String ANN = "+14255550401";
  private static final String DAN_DECLINES = "+14255550402";
  private static final String NIA_NEVER_ANSWERS = "+14255550403";

  private ConnectRig rig;

  @BeforeEach
  void start() throws Exception {
    rig = new ConnectRig();
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void callerPressesOne_waitsWithMusic_talksToTheAgent_andHangsUp() throws Exception {
    String call =
        rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}],\"talkFor\":\"PT7S\"");
    InteractionEvent.Queued queued = await(() -> first(InteractionEvent.Queued.class));
    assertThat(queued.queue().value()).isEqualTo("billing");
    // Nobody is there yet: the caller hears music on hold.
    long heardWhileQueued = await(() -> heardPackets(call) > 100 ? heardPackets(call) : null);

    rig.agent("ann", ANN);

    InteractionEvent.Connected connected = await(() -> first(InteractionEvent.Connected.class));
    assertThat(connected.agent().value()).isEqualTo("ann");
    InteractionEvent.Disconnected ended = await(() -> first(InteractionEvent.Disconnected.class));
    assertThat(ended.by()).isEqualTo(DisconnectedBy.CUSTOMER);
    JsonNode view = rig.callView(call);
    assertThat(view.path("state").asString()).isEqualTo("ENDED");
    // After the bridge the caller heard the Teams side's 440 Hz tone, relayed by Tandem.
    assertThat(view.path("heard").path("packets").asLong()).isGreaterThan(heardWhileQueued);
    ConnectRig.await(() -> rig.node.activeCalls() == 0 ? true : null);
    // Direct Routing found nothing to warn about (FQDN Contact, +E.164 with user=phone, X-MS-SBC).
    assertThat(rig.emulator.journal().after(0, e -> e.kind().startsWith("sip.warning"), 10))
        .isEmpty();
    String invite =
        rig.emulator.journal().after(0, e -> e.kind().equals("INVITE"), 100).stream()
            .map(e -> String.valueOf(e.body()))
            .filter(text -> text.startsWith("INVITE sip:" + ANN))
            .findFirst()
            .orElseThrow();
    assertThat(invite)
        .contains(";user=phone")
        .contains("Contact: <sip:+14255557777@" + ConnectRig.SBC)
        .contains("X-MS-SBC: Tandem/Connect/test");
  }

  @Test
  void aDeclineMovesTheCallerToTheNextAgent() throws Exception {
    rig.agent("dan", DAN_DECLINES);
    String call =
        rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}],\"talkFor\":\"PT6S\"");

    InteractionEvent.OfferDeclined declined =
        await(() -> first(InteractionEvent.OfferDeclined.class));
    assertThat(declined.agent().value()).isEqualTo("dan");
    rig.agent("ann", ANN);

    InteractionEvent.Connected connected = await(() -> first(InteractionEvent.Connected.class));
    assertThat(connected.agent().value()).isEqualTo("ann");
    assertThat(rig.callView(call).path("state").asString()).isNotEqualTo("FAILED");
  }

  @Test
  void anAgentWhoNeverAnswersIsCancelledAtTheRingTimeout() throws Exception {
    rig.agent("nia", NIA_NEVER_ANSWERS);
    rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}],\"talkFor\":\"PT9S\"");

    InteractionEvent.OfferTimedOut timedOut =
        await(() -> first(InteractionEvent.OfferTimedOut.class));
    assertThat(timedOut.agent().value()).isEqualTo("nia");
    // Tandem cancelled the INVITE to Teams (RONA): the emulator saw the CANCEL.
    await(
        () ->
            rig.emulator.journal().after(0, e -> e.kind().equals("CANCEL"), 10).isEmpty()
                ? null
                : true);
  }

  @Test
  void aCallerWhoHangsUpInTheQueueHasAbandoned() throws Exception {
    String call =
        rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}],\"talkFor\":\"PT3S\"");

    await(() -> first(InteractionEvent.Abandoned.class));
    assertThat(rig.callView(call).path("state").asString()).isEqualTo("ENDED");
    await(() -> rig.node.activeCalls() == 0 ? true : null);
  }

  private long heardPackets(String call) throws Exception {
    return rig.callView(call).path("heard").path("packets").asLong();
  }

  private <E> E first(Class<E> type) {
    return rig.events(type).stream().findFirst().orElse(null);
  }

  /** Polls {@code probe} until it returns non-null (15 s at most). */
  private static <T> T await(Callable<T> probe) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (true) {
      T value = probe.call();
      if (value != null) {
        return value;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 15 s");
      }
      Thread.sleep(25);
    }
  }
}
