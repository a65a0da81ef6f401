package io.tandem.graph.extend;

import static io.tandem.testkit.load.Waits.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.agent.AgentId;
import io.tandem.core.callcontrol.CallAction;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.queue.Announcements;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.RoutingStrategyKind;
import io.tandem.emulator.journal.JournalEntry;
import io.tandem.emulator.world.ClientBehaviour;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tandem's presence session for its agents on Extend calls, end to end against the emulator: the
 * call shows the agent {@code Busy/InACall} in Teams, its end clears the session, and the presence
 * Tandem reads back (polled into routing, as the server's feed does) never leaves the agent stuck
 * unavailable: the next caller reaches the same agent.
 */
class ExtendPresencePublishingTest {

  private static final String MENU_1 = "\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}]";
  private static final AgentId GUS = new AgentId("gus");
  private static final ClientBehaviour ANSWERS =
      new ClientBehaviour(
          Duration.ofMillis(500), ClientBehaviour.Response.ANSWER, null, null, null, null, null);
  private static final ClientBehaviour ANSWERS_THEN_HANGS_UP =
      new ClientBehaviour(
          Duration.ofMillis(500),
          ClientBehaviour.Response.ANSWER,
          Duration.ofSeconds(2),
          null,
          null,
          null,
          null);

  /** What the server publishes: every call but this channel's hand-over calls. */
  private static final Predicate<InteractionEvent.Arrived> NOT_HANDED_OVER =
      arrived ->
          !ExtendCalls.EXTEND_MODEL.equals(arrived.attributes().get(ExtendCalls.MODEL_ATTRIBUTE));

  private ExtendRig rig;

  @AfterEach
  void close() {
    if (rig != null) {
      rig.close();
    }
  }

  private static QueueConfig.Builder billing() {
    return QueueConfig.builder("billing")
        .skills("billing >= 1")
        .strategy(RoutingStrategyKind.SKILLS_PROFICIENCY)
        .ringTimeout(Duration.ofSeconds(6))
        .wrapUp(Duration.ofSeconds(1))
        .announcements(
            new Announcements("prompt:music-on-hold", Duration.ofSeconds(1), true, false));
  }

  @Test
  void stayInCall_busyInACallDuringTheCall_clearedAfter_andTheAgentTakesTheNextCaller()
      throws Exception {
    rig = new ExtendRig(OfferMode.STAY_IN_CALL);
    rig.staff(billing(), Map.of("gus", ANSWERS), 4);
    rig.publishCalls(arrived -> true);

    rig.dial(MENU_1);
    await(() -> connections() == 1, "connected to gus");
    await(() -> rig.teamsShows(GUS).equals("Busy/InACall"), "gus in a call in Teams");
    rig.request(new CallAction.HangUp()).join();
    await(() -> !rig.events(InteractionEvent.Disconnected.class).isEmpty(), "disconnected");
    await(() -> rig.teamsShows(GUS).equals("Available/Available"), "gus's session cleared");
    await(() -> rig.routable(GUS), "gus routable again");
    rig.dial(MENU_1);

    await(() -> connections() == 2, "the second caller connected");
    assertThat(rig.events(InteractionEvent.Connected.class))
        .extracting(InteractionEvent.Connected::agent)
        .containsExactly(GUS, GUS);
    await(() -> rig.teamsShows(GUS).equals("Busy/InACall"), "gus in the second call in Teams");
    assertThat(presenceRequests("setPresence")).hasSize(2);
  }

  @Test
  void handOver_isNotPublished_soTheAgentsOwnPresenceEndsTheCall() throws Exception {
    rig = new ExtendRig(OfferMode.HAND_OVER);
    rig.staff(billing(), Map.of("gus", ANSWERS_THEN_HANGS_UP), 4);
    rig.publishCalls(NOT_HANDED_OVER);

    rig.dial(MENU_1);
    await(() -> connections() == 1, "connected to gus");
    await(() -> !rig.events(InteractionEvent.Disconnected.class).isEmpty(), "call over");
    await(() -> rig.routable(GUS), "gus routable again");

    assertThat(presenceRequests("setPresence")).isEmpty();
  }

  private int connections() {
    return rig.events(InteractionEvent.Connected.class).size();
  }

  private List<JournalEntry> presenceRequests(String action) {
    return rig.journal(e -> e.kind().startsWith("POST ") && e.kind().endsWith("/" + action));
  }
}
