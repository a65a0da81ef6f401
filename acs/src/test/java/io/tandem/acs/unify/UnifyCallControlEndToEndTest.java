package io.tandem.acs.unify;

import static io.tandem.testkit.load.Waits.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.agent.AgentId;
import io.tandem.core.callcontrol.CallAction;
import io.tandem.core.callcontrol.CallActionRefused;
import io.tandem.core.callcontrol.CallTarget;
import io.tandem.core.interaction.DisconnectedBy;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.InteractionState;
import io.tandem.core.queue.Announcements;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.RoutingStrategyKind;
import io.tandem.emulator.journal.JournalEntry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The agent's call control over ACS, against the emulator: hold and resume, hang-up, blind transfer
 * to a Teams user (answered; declined → the agent has the caller back), consultation (answered →
 * conference → the caller handed to the consulted party; declined → the caller still holds),
 * transfer to a queue (the next agent gets the caller), and the refusals.
 */
class UnifyCallControlEndToEndTest {

  private static final String CALLER = "4:+447700900123";

  private final UnifyRig rig = new UnifyRig();

  UnifyCallControlEndToEndTest() throws Exception {}

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
            new Announcements("prompt:music-on-hold", Duration.ofSeconds(30), false, false));
  }

  /** A caller who presses 1 and stays on the line; returns the interaction once Ann talks. */
  private InteractionId callerWithAnn(List<String> agents) throws Exception {
    rig.staff(billing(), agents);
    rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}],\"talkFor\":\"PT60S\"");
    await(() -> !rig.events(InteractionEvent.Connected.class).isEmpty(), "Ann connected");
    return rig.events(InteractionEvent.Arrived.class).get(0).interaction();
  }

  private void request(InteractionId id, CallAction action) throws Exception {
    rig.unify.request(id, action).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private boolean accepted(InteractionId id, CallAction action) {
    try {
      request(id, action);
      return true;
    } catch (Exception refused) {
      assertThat(refused.getCause()).isInstanceOf(CallActionRefused.class);
      return false;
    }
  }

  private CallActionRefused.Reason refusal(InteractionId id, CallAction action) {
    ExecutionException failed =
        org.junit.jupiter.api.Assertions.assertThrows(
            ExecutionException.class,
            () -> rig.unify.request(id, action).toCompletableFuture().get(10, TimeUnit.SECONDS));
    assertThat(failed.getCause()).isInstanceOf(CallActionRefused.class);
    return ((CallActionRefused) failed.getCause()).reason();
  }

  private InteractionState state(InteractionId id) {
    return rig.node.onTenant(tenant -> tenant.state().interaction(id).state()).join();
  }

  private List<JournalEntry> requests(String path) {
    return rig.journal(entry -> entry.kind().startsWith("POST") && entry.kind().contains(path));
  }

  private int callbacks(String type) {
    return rig.journal(entry -> entry.kind().equals("callback " + type)).size();
  }

  @Test
  void hold_resume_andHangUp_areCarriedOutOnTheCall() throws Exception {
    InteractionId id = callerWithAnn(List.of("ann"));

    request(id, new CallAction.Hold());
    await(() -> state(id) == InteractionState.ON_HOLD, "on hold");
    assertThat(requests(":hold"))
        .singleElement()
        .satisfies(hold -> assertThat(hold.body()).contains(CALLER, "music-on-hold"));
    assertThat(refusal(id, new CallAction.Hold())).isEqualTo(CallActionRefused.Reason.NOT_NOW);

    request(id, new CallAction.Resume());
    await(() -> state(id) == InteractionState.CONNECTED, "resumed");
    assertThat(requests(":unhold")).hasSize(1);

    request(id, new CallAction.HangUp());
    await(() -> !rig.events(InteractionEvent.Disconnected.class).isEmpty(), "disconnected");
    assertThat(rig.events(InteractionEvent.Disconnected.class).get(0).by())
        .isEqualTo(DisconnectedBy.AGENT);
    assertThat(requests(":terminate")).hasSize(1);
    await(() -> rig.unify.activeCalls() == 0, "the application holds no call");
    assertThat(refusal(id, new CallAction.Hold())).isEqualTo(CallActionRefused.Reason.NOT_LIVE);
  }

  @Test
  void requestsTheCallsStateDoesNotAllow_areRefused_andChangeNothing() throws Exception {
    rig.staff(billing(), List.of());
    rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}],\"patience\":\"PT20S\"");
    await(() -> !rig.events(InteractionEvent.Queued.class).isEmpty(), "queued");
    InteractionId queued = rig.events(InteractionEvent.Arrived.class).get(0).interaction();

    assertThat(refusal(queued, new CallAction.Hold())).isEqualTo(CallActionRefused.Reason.NOT_NOW);
    assertThat(refusal(new InteractionId("no-such-call"), new CallAction.Hold()))
        .isEqualTo(CallActionRefused.Reason.NOT_LIVE);
    assertThat(state(queued)).isEqualTo(InteractionState.QUEUED);
    assertThat(rig.unify.carries(queued)).isTrue();
    assertThat(rig.unify.carries(new InteractionId("no-such-call"))).isFalse();
  }

  @Test
  void whileTalking_resumeConferenceAndHandOverAreRefused() throws Exception {
    InteractionId id = callerWithAnn(List.of("ann"));

    assertThat(refusal(id, new CallAction.Resume())).isEqualTo(CallActionRefused.Reason.NOT_NOW);
    assertThat(refusal(id, new CallAction.Conference()))
        .isEqualTo(CallActionRefused.Reason.NOT_NOW);
    assertThat(refusal(id, new CallAction.Transfer(null)))
        .isEqualTo(CallActionRefused.Reason.NOT_NOW);
    assertThat(refusal(id, new CallAction.Transfer(CallTarget.parse("queue:nowhere"))))
        .isEqualTo(CallActionRefused.Reason.NOT_NOW);
    assertThat(state(id)).isEqualTo(InteractionState.CONNECTED);
    assertThat(requests("participants:remove")).isEmpty();
  }

  @Test
  void blindTransferToATeamsUserWhoAnswers_endsTheAgentsPart() throws Exception {
    InteractionId id = callerWithAnn(List.of("ann"));

    request(id, new CallAction.Transfer(new CallTarget.TeamsUser(UnifyRig.TOM)));

    await(() -> !rig.events(InteractionEvent.Disconnected.class).isEmpty(), "agent done");
    assertThat(rig.events(InteractionEvent.TransferStarted.class))
        .singleElement()
        .satisfies(started -> assertThat(started.target()).isEqualTo("teams:" + UnifyRig.TOM));
    assertThat(rig.events(InteractionEvent.Disconnected.class).get(0).by())
        .isEqualTo(DisconnectedBy.AGENT);
    assertThat(requests(":transferToParticipant"))
        .singleElement()
        .satisfies(
            transfer -> assertThat(transfer.body()).contains("8:orgid:" + UnifyRig.TOM, CALLER));
    await(() -> rig.unify.activeCalls() == 0, "the application holds no call");
    assertThat(requests(":terminate")).isEmpty();
  }

  @Test
  void blindTransferThatFails_givesTheAgentTheCallerBack() throws Exception {
    InteractionId id = callerWithAnn(List.of("ann"));
    request(id, new CallAction.Hold());

    request(id, new CallAction.Transfer(new CallTarget.TeamsUser(UnifyRig.ZOE)));

    await(() -> !rig.events(InteractionEvent.TransferFailed.class).isEmpty(), "transfer failed");
    assertThat(state(id)).isEqualTo(InteractionState.CONNECTED);
    assertThat(requests(":unhold")).hasSize(1);
    assertThat(rig.unify.activeCalls()).isEqualTo(1);
    // The talk goes on: the agent can hold again, then hang up.
    request(id, new CallAction.Hold());
    await(() -> state(id) == InteractionState.ON_HOLD, "on hold again");
    request(id, new CallAction.HangUp());
    await(() -> rig.unify.activeCalls() == 0, "the application holds no call");
  }

  @Test
  void consultation_answered_becomesAConference_thenTheCallerIsHandedOver() throws Exception {
    InteractionId id = callerWithAnn(List.of("ann"));

    request(id, new CallAction.Consult(new CallTarget.TeamsUser(UnifyRig.TOM)));
    await(() -> state(id) == InteractionState.CONSULTING, "consulting");
    assertThat(requests(":hold")).hasSize(1);
    // Accepted once Tom joined (refused while he rings), as an agent pressing again would see.
    await(() -> accepted(id, new CallAction.Conference()), "conference once Tom joined");
    await(() -> state(id) == InteractionState.CONFERENCED, "conferenced");
    assertThat(requests(":unhold")).hasSize(1);

    request(id, new CallAction.Transfer(null));
    await(() -> !rig.events(InteractionEvent.Disconnected.class).isEmpty(), "agent done");
    assertThat(rig.events(InteractionEvent.TransferStarted.class).get(0).target())
        .isEqualTo("teams:" + UnifyRig.TOM);
    assertThat(requests("participants:remove"))
        .singleElement()
        .satisfies(remove -> assertThat(remove.body()).contains(UnifyRig.AGENTS.get("ann")));
    assertThat(rig.journal(entry -> entry.kind().equals("call.applicationLeft"))).hasSize(1);
    assertThat(requests(":terminate")).isEmpty();
    await(() -> rig.unify.activeCalls() == 0, "the application left the call");
  }

  @Test
  void consultationDeclined_leavesTheCallerOnHold_andResumeBringsThemBack() throws Exception {
    InteractionId id = callerWithAnn(List.of("ann"));

    request(id, new CallAction.Consult(new CallTarget.TeamsUser(UnifyRig.ZOE)));
    await(() -> callbacks("AddParticipantFailed") == 1, "Zoe declined");
    await(() -> state(id) == InteractionState.ON_HOLD, "back on hold");
    assertThat(rig.events(InteractionEvent.ConsultStarted.class)).hasSize(1);
    assertThat(refusal(id, new CallAction.Conference()))
        .isEqualTo(CallActionRefused.Reason.NOT_NOW);

    request(id, new CallAction.Resume());
    await(() -> state(id) == InteractionState.CONNECTED, "talking again");
    assertThat(requests(":unhold")).hasSize(1);
  }

  @Test
  void transferToAQueue_takesTheAgentOut_andTheNextAgentGetsTheCaller() throws Exception {
    InteractionId id = callerWithAnn(List.of("ann", "eve"));

    request(id, new CallAction.Transfer(CallTarget.parse("queue:billing")));

    await(() -> rig.events(InteractionEvent.Connected.class).size() == 2, "Eve connected");
    assertThat(rig.events(InteractionEvent.TransferredToQueue.class))
        .singleElement()
        .satisfies(moved -> assertThat(moved.fromAgent()).isEqualTo(new AgentId("ann")));
    assertThat(rig.events(InteractionEvent.Connected.class).get(1).agent())
        .isEqualTo(new AgentId("eve"));
    assertThat(requests("participants:remove"))
        .singleElement()
        .satisfies(remove -> assertThat(remove.body()).contains(UnifyRig.AGENTS.get("ann")));
    assertThat(state(id)).isEqualTo(InteractionState.CONNECTED);
    // Eve works the call now: her hang-up ends it.
    request(id, new CallAction.HangUp());
    await(() -> rig.unify.activeCalls() == 0, "the application holds no call");
    assertThat(rig.events(InteractionEvent.Disconnected.class))
        .singleElement()
        .satisfies(ended -> assertThat(ended.agent()).isEqualTo(new AgentId("eve")));
  }

  @Test
  void aConsultationWithAQueue_isNoAction() {
    assertThatThrownBy(() -> new CallAction.Consult(CallTarget.parse("queue:billing")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
