package io.tandem.acs.unify;

import static io.tandem.testkit.load.Waits.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.agent.AgentId;
import io.tandem.core.interaction.DisconnectedBy;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.queue.Announcements;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.RoutingStrategyKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A PSTN caller reaches the resource account; the Unify channel answers the IncomingCall, runs the
 * menu with play/recognize, queues the caller with looping music on hold, invites agents into the
 * call as Teams extension users and stays in the call while they talk, all against the emulator's
 * ACS Call Automation on the wall clock.
 */
class UnifyCallsEndToEndTest {

  private final UnifyRig rig = new UnifyRig();

  UnifyCallsEndToEndTest() throws Exception {}

  @AfterEach
  void close() {
    rig.close();
  }

  private static QueueConfig.Builder billing() {
    return QueueConfig.builder("billing")
        .skills("billing >= 1")
        .strategy(RoutingStrategyKind.SKILLS_PROFICIENCY)
        .ringTimeout(Duration.ofSeconds(4))
        .wrapUp(Duration.ofSeconds(1))
        .announcements(
            new Announcements("prompt:music-on-hold", Duration.ofSeconds(1), true, false));
  }

  @Test
  void caller_pressesMenuKey_hearsHoldMusic_talksToTheAgent_andHangsUp() throws Exception {
    rig.staff(billing(), List.of("ann"));

    rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}],\"talkFor\":\"PT2S\"");

    await(() -> !rig.events(InteractionEvent.WrapUpCompleted.class).isEmpty(), "wrap-up done");
    InteractionEvent.Arrived arrived = rig.events(InteractionEvent.Arrived.class).get(0);
    assertThat(arrived.from()).isEqualTo("+447700900123");
    assertThat(arrived.to()).isEqualTo("66666666-ffff-4aaa-8bbb-000000000001");
    assertThat(arrived.attributes())
        .containsEntry(UnifyCalls.MODEL_ATTRIBUTE, UnifyCalls.UNIFY_MODEL)
        .containsKey(UnifyCalls.CONNECTION_ATTRIBUTE);
    assertThat(rig.events(InteractionEvent.Queued.class))
        .singleElement()
        .satisfies(queued -> assertThat(queued.queue().value()).isEqualTo("billing"));
    assertThat(rig.events(InteractionEvent.Connected.class))
        .singleElement()
        .satisfies(connected -> assertThat(connected.agent()).isEqualTo(new AgentId("ann")));
    assertThat(rig.events(InteractionEvent.Disconnected.class))
        .singleElement()
        .satisfies(ended -> assertThat(ended.by()).isEqualTo(DisconnectedBy.CUSTOMER));
    assertThat(rig.promptsFetched).contains("/prompts/welcome.wav", "/prompts/music-on-hold.wav");
    assertThat(
            rig.journal(entry -> entry.kind().startsWith("POST /calling/callConnections:answer")))
        .hasSize(1);
    assertThat(rig.journal(entry -> entry.kind().equals("callback CallConnected"))).hasSize(1);
    assertThat(rig.node.rejectedTokens).hasValue(0);
    assertThat(rig.node.refusedBodies).hasValue(0);
    await(() -> rig.unify.activeCalls() == 0, "the application holds no call");
  }

  @Test
  void aKeyTypedAheadDuringTheWelcome_answersTheMenu_withoutItsPromptOrARecognize()
      throws Exception {
    rig.staff(billing(), List.of());

    rig.dial("\"digits\":[{\"after\":\"PT0.6S\",\"digits\":\"2\"}],\"patience\":\"PT20S\"");

    await(() -> !rig.events(InteractionEvent.Ended.class).isEmpty(), "ended by the flow");
    assertThat(rig.events(InteractionEvent.Ended.class).get(0).reason())
        .contains("caller-chose-goodbye");
    assertThat(rig.journal(entry -> entry.kind().contains(":startContinuousDtmfRecognition")))
        .hasSize(1);
    assertThat(rig.journal(entry -> entry.kind().contains(":recognize"))).isEmpty();
    assertThat(
            rig.journal(
                entry ->
                    entry.kind().contains(":play")
                        && String.valueOf(entry.body()).contains("menu.wav")))
        .as("the menu's prompt is skipped: its answer was typed ahead")
        .isEmpty();
    assertThat(rig.events(InteractionEvent.Queued.class)).isEmpty();
  }

  @Test
  void digitsKeyedOverContinuousDtmf_endAtTheTerminator_andBecomeTheAttribute() throws Exception {
    rig.staff(billing(), List.of());

    rig.dial(
        "\"digits\":[{\"after\":\"PT2S\",\"digits\":\"3\"},"
            + "{\"after\":\"PT3S\",\"digits\":\"123456#\"}],\"patience\":\"PT20S\"");

    await(() -> !rig.events(InteractionEvent.Queued.class).isEmpty(), "queued");
    assertThat(rig.events(InteractionEvent.AttributesChanged.class))
        .anySatisfy(changed -> assertThat(changed.attributes()).containsEntry("account", "123456"));
    assertThat(rig.journal(entry -> entry.kind().contains(":recognize"))).isEmpty();
  }

  @Test
  void aQueueThatAnnouncesTheWait_tellsTheCallerTheirPlaceAndExpectedWait() throws Exception {
    rig.staff(
        billing()
            .announcements(
                new Announcements("prompt:music-on-hold", Duration.ofSeconds(1), true, true)),
        List.of("ann"));
    // Three calls handled by Ann (outside ACS: the domain learns the queue's handle time), and a
    // fourth that keeps her busy, so that the caller waits.
    rig.node
        .onTenant(
            tenant -> {
              for (int i = 0; i < 4; i++) {
                var call =
                    tenant.arrive(
                        null,
                        io.tandem.core.interaction.Channel.VOICE,
                        "+1555000" + i,
                        "x",
                        java.util.Map.of());
                tenant.enqueue(call, new io.tandem.core.queue.QueueId("billing"), null);
                tenant.acceptOffer(tenant.state().agent(new AgentId("ann")).reservation());
                if (i < 3) {
                  tenant.customerHungUp(call);
                  tenant.completeWrapUp(new AgentId("ann"), null, null);
                }
              }
              return null;
            })
        .join();

    rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}],\"patience\":\"PT6S\"");

    await(() -> !rig.events(InteractionEvent.Abandoned.class).isEmpty(), "abandoned");
    assertThat(rig.promptsFetched)
        .contains(
            "/prompts/you-are-number.wav",
            "/prompts/1.wav",
            "/prompts/expected-wait.wav",
            "/prompts/less-than-a-minute.wav");
  }

  @Test
  void agentWhoDeclines_isSkipped_andTheNextAgentGetsTheCaller() throws Exception {
    rig.staff(billing(), List.of("dan", "ann"));

    rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}],\"talkFor\":\"PT1S\"");

    await(() -> !rig.events(InteractionEvent.Connected.class).isEmpty(), "connected");
    assertThat(rig.events(InteractionEvent.OfferDeclined.class))
        .singleElement()
        .satisfies(declined -> assertThat(declined.agent()).isEqualTo(new AgentId("dan")));
    assertThat(rig.events(InteractionEvent.Connected.class).get(0).agent())
        .isEqualTo(new AgentId("ann"));
  }

  @Test
  void agentWhoDoesNotAnswer_beforeTheDeadline_isRona_andTheInvitationIsCancelled()
      throws Exception {
    rig.staff(billing(), List.of("nia", "ann"));

    rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}],\"talkFor\":\"PT1S\"");

    await(() -> !rig.events(InteractionEvent.Connected.class).isEmpty(), "connected");
    assertThat(rig.events(InteractionEvent.OfferTimedOut.class))
        .singleElement()
        .satisfies(rona -> assertThat(rona.agent()).isEqualTo(new AgentId("nia")));
    await(
        () ->
            !rig.journal(entry -> entry.kind().contains("participants:cancelAddParticipant"))
                .isEmpty(),
        "the application cancelled Nia's invitation");
  }

  @Test
  void agentWhoHangsUp_endsTheCallForTheCaller() throws Exception {
    rig.staff(billing(), List.of("gil"));

    rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}],\"talkFor\":\"PT30S\"");

    await(() -> !rig.events(InteractionEvent.Disconnected.class).isEmpty(), "disconnected");
    assertThat(rig.events(InteractionEvent.Disconnected.class).get(0).by())
        .isEqualTo(DisconnectedBy.AGENT);
    await(
        () -> !rig.journal(entry -> entry.kind().contains(":terminate")).isEmpty(),
        "the application ended the call for the caller");
    await(() -> rig.unify.activeCalls() == 0, "the application holds no call");
  }

  @Test
  void callerWhoHangsUpWhileQueued_isAbandoned_andNothingIsLeftBehind() throws Exception {
    rig.staff(billing(), List.of());

    rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}],\"patience\":\"PT4S\"");

    await(() -> !rig.events(InteractionEvent.Abandoned.class).isEmpty(), "abandoned");
    await(() -> rig.unify.activeCalls() == 0, "the application holds no call");
    assertThat(rig.events(InteractionEvent.Queued.class)).hasSize(1);
  }

  @Test
  void forgedOrMissingCallbackTokens_areRefusedWith401_andReachNothing() throws Exception {
    String event =
        "[{\"id\":\"forged-1\",\"type\":\"Microsoft.Communication.CallDisconnected\","
            + "\"data\":{\"callConnectionId\":\"x\"}}]";

    assertThat(rig.node.post("/callbacks", event, null)).isEqualTo(401);
    assertThat(rig.node.post("/callbacks", event, "Bearer not.a.jwt")).isEqualTo(401);
    assertThat(rig.node.post("/eventgrid", "[]", "Bearer eyJhbGciOiJub25lIn0.e30.")).isEqualTo(401);
    assertThat(rig.node.rejectedTokens).hasValue(3);
    assertThat(rig.events).isEmpty();
  }

  @Test
  void aWrongAccessKey_isRefusedByTheService_andTheCallFailsVisibly() throws Exception {
    try (UnifyRig wrongKey =
        new UnifyRig(
            settings -> settings,
            java.util.Base64.getEncoder().encodeToString("not-the-key".getBytes()))) {
      wrongKey.staff(billing(), List.of());

      wrongKey.dial("\"patience\":\"PT10S\"");

      await(() -> !wrongKey.events(InteractionEvent.Failed.class).isEmpty(), "failed");
      assertThat(wrongKey.events(InteractionEvent.Failed.class).get(0).reason())
          .isEqualTo("answer-failed");
      // The service refused the answer (401 7509): the call was never connected.
      assertThat(wrongKey.journal(entry -> entry.kind().startsWith("callback CallConnected")))
          .isEmpty();
      await(() -> wrongKey.unify.activeCalls() == 0, "nothing held");
    }
  }
}
