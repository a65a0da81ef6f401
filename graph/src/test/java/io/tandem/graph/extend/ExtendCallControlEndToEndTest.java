package io.tandem.graph.extend;

import static io.tandem.testkit.load.Waits.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.agent.AgentId;
import io.tandem.core.callcontrol.CallAction;
import io.tandem.core.callcontrol.CallActionRefused;
import io.tandem.core.callcontrol.CallTarget;
import io.tandem.core.interaction.DisconnectedBy;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.queue.Announcements;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueId;
import io.tandem.core.queue.RoutingStrategyKind;
import io.tandem.emulator.journal.JournalEntry;
import io.tandem.emulator.world.ClientBehaviour;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The agent's call control in the Extend channel's stay-in-call mode, end to end against the
 * emulator's Graph: the agent is invited into the caller's call and the bot, staying in it, holds,
 * consults, conferences, transfers and hangs up for the agent; each outcome is an interaction
 * event.
 */
class ExtendCallControlEndToEndTest {

  private static final String CONSULTEE = "5c5c5c5c-0000-4000-8000-000000000001";
  private static final String DECLINER = "5c5c5c5c-0000-4000-8000-000000000002";
  private static final String LEAVER = "5c5c5c5c-0000-4000-8000-000000000003";
  private static final String NUMBER = "+14255557777";
  private static final String MENU_1 = "\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}]";

  private static final ClientBehaviour ANSWERS =
      new ClientBehaviour(
          Duration.ofMillis(500), ClientBehaviour.Response.ANSWER, null, null, null, null, null);
  private static final ClientBehaviour DECLINES =
      new ClientBehaviour(
          Duration.ofMillis(500), ClientBehaviour.Response.DECLINE, null, null, null, null, null);
  private static final ClientBehaviour ANSWERS_AFTER_3S =
      new ClientBehaviour(
          Duration.ofSeconds(3), ClientBehaviour.Response.ANSWER, null, null, null, null, null);
  private static final ClientBehaviour ANSWERS_THEN_HANGS_UP =
      new ClientBehaviour(
          Duration.ofMillis(500),
          ClientBehaviour.Response.ANSWER,
          Duration.ofSeconds(2),
          null,
          null,
          null,
          null);

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
        .wrapUp(Duration.ofSeconds(30))
        .announcements(
            new Announcements("prompt:music-on-hold", Duration.ofSeconds(1), true, false));
  }

  /** A stay-in-call rig with Dana (answers in 2 s) and two Teams users who are not agents. */
  private void connectedToDana() throws Exception {
    rig = new ExtendRig(OfferMode.STAY_IN_CALL);
    rig.teamsUser(CONSULTEE, "cora", ANSWERS);
    rig.teamsUser(DECLINER, "dora", DECLINES);
    rig.staff(billing(), Map.of("dana", ClientBehaviour.ANSWERS), 4);
    rig.dial(MENU_1);
    await(() -> !rig.events(InteractionEvent.Connected.class).isEmpty(), "connected");
  }

  @Test
  void offer_invitesTheAgentIntoTheCallersCall_theMusicStops_andTheBotStaysIn() throws Exception {
    connectedToDana();

    assertThat(rig.events(InteractionEvent.Connected.class).get(0).agent())
        .isEqualTo(new AgentId("dana"));
    String callId = callId();
    assertThat(requests("POST /v1.0/communications/calls/" + callId + "/participants/invite"))
        .hasSize(1);
    await(
        () ->
            !requests("POST /v1.0/communications/calls/" + callId + "/cancelMediaProcessing")
                .isEmpty(),
        "the music stopped");
    assertThat(requests("POST /v1.0/communications/calls/" + callId + "/transfer")).isEmpty();
    assertThat(rig.journal(e -> e.kind().equals("call.partiesJoined"))).isEmpty();
    assertThat(rig.extend.activeCalls()).isEqualTo(1);
    assertThat(rig.extend.carries(interaction())).isTrue();
  }

  @Test
  void holdAndResume_startAndStopHoldMusicOnTheCaller() throws Exception {
    connectedToDana();

    rig.request(new CallAction.Hold()).join();
    await(() -> !rig.events(InteractionEvent.Held.class).isEmpty(), "held");
    assertThat(journal("participant.holdMusicStarted")).hasSize(1);
    assertRefused(rig.request(new CallAction.Hold()), CallActionRefused.Reason.NOT_NOW);

    rig.request(new CallAction.Resume()).join();
    await(() -> !rig.events(InteractionEvent.Resumed.class).isEmpty(), "resumed");
    assertThat(journal("participant.holdMusicStopped")).hasSize(1);
    assertRefused(rig.request(new CallAction.Resume()), CallActionRefused.Reason.NOT_NOW);
  }

  @Test
  void consultATeamsUser_conference_thenTransfer_leavesCallerWithTheConsultedUser()
      throws Exception {
    connectedToDana();

    rig.request(new CallAction.Consult(new CallTarget.TeamsUser(CONSULTEE))).join();
    await(() -> !rig.events(InteractionEvent.ConsultStarted.class).isEmpty(), "consulting");
    assertThat(journal("participant.holdMusicStarted")).hasSize(1);
    assertRefused(rig.request(new CallAction.Conference()), CallActionRefused.Reason.NOT_NOW);
    await(() -> !journal("user.answered").isEmpty() && conferenceAccepted(), "conferenced");
    await(() -> !rig.events(InteractionEvent.Conferenced.class).isEmpty(), "conferenced");
    assertThat(journal("participant.holdMusicStopped")).hasSize(1);

    rig.request(new CallAction.Transfer(null)).join();

    await(() -> !rig.events(InteractionEvent.Disconnected.class).isEmpty(), "agent left");
    assertThat(rig.events(InteractionEvent.TransferStarted.class))
        .singleElement()
        .satisfies(started -> assertThat(started.target()).isEqualTo("teams:" + CONSULTEE));
    assertThat(
            requestsStartingWith(
                "DELETE /v1.0/communications/calls/" + callId() + "/participants/"))
        .hasSize(1);
    assertThat(rig.extend.activeCalls()).isEqualTo(1);
    assertThat(rig.events(InteractionEvent.Abandoned.class)).isEmpty();
    assertRefused(rig.request(new CallAction.Hold()), CallActionRefused.Reason.NOT_NOW);
  }

  @Test
  void consultedPartyHangsUpDuringTheConference_callerAndAgentTalkOn() throws Exception {
    rig = new ExtendRig(OfferMode.STAY_IN_CALL);
    rig.teamsUser(
        LEAVER,
        "lee",
        new ClientBehaviour(
            Duration.ofMillis(500),
            ClientBehaviour.Response.ANSWER,
            Duration.ofSeconds(4),
            null,
            null,
            null,
            null));
    rig.staff(billing(), Map.of("dana", ClientBehaviour.ANSWERS), 4);
    rig.dial(MENU_1);
    await(() -> !rig.events(InteractionEvent.Connected.class).isEmpty(), "connected");

    rig.request(new CallAction.Consult(new CallTarget.TeamsUser(LEAVER))).join();
    await(this::conferenceAccepted, "conferenced");

    await(() -> !rig.events(InteractionEvent.Resumed.class).isEmpty(), "back to caller and agent");
    assertThat(rig.events(InteractionEvent.Conferenced.class)).hasSize(1);
    assertThat(rig.events(InteractionEvent.Disconnected.class)).isEmpty();
    rig.request(new CallAction.Hold()).join();
    await(() -> !rig.events(InteractionEvent.Held.class).isEmpty(), "the agent still has the call");
  }

  @Test
  void consultDeclined_theCallerStillHolds() throws Exception {
    connectedToDana();

    rig.request(new CallAction.Consult(new CallTarget.TeamsUser(DECLINER))).join();

    await(() -> !rig.events(InteractionEvent.Held.class).isEmpty(), "back to holding");
    assertThat(rig.events(InteractionEvent.ConsultStarted.class)).hasSize(1);
    assertThat(journal("participant.holdMusicStopped")).isEmpty();
    rig.request(new CallAction.Resume()).join();
    await(() -> !rig.events(InteractionEvent.Resumed.class).isEmpty(), "resumed");
  }

  @Test
  void blindTransferToANumber_answered_theAgentIsDone() throws Exception {
    connectedToDana();

    rig.request(new CallAction.Transfer(new CallTarget.PhoneNumber(NUMBER))).join();

    await(() -> !rig.events(InteractionEvent.Disconnected.class).isEmpty(), "transferred");
    assertThat(rig.events(InteractionEvent.TransferStarted.class).get(0).target())
        .isEqualTo(NUMBER);
    assertThat(rig.events(InteractionEvent.TransferFailed.class)).isEmpty();
    assertThat(journal("pstn.answered")).hasSize(1);
    assertThat(
            requestsStartingWith(
                "DELETE /v1.0/communications/calls/" + callId() + "/participants/"))
        .hasSize(1);
  }

  @Test
  void blindTransferDeclined_transferFailed_theAgentKeepsTheCaller() throws Exception {
    connectedToDana();

    rig.request(new CallAction.Transfer(new CallTarget.TeamsUser(DECLINER))).join();

    await(() -> !rig.events(InteractionEvent.TransferFailed.class).isEmpty(), "failed");
    assertThat(rig.events(InteractionEvent.Disconnected.class)).isEmpty();
    rig.request(new CallAction.Hold()).join();
    await(() -> !rig.events(InteractionEvent.Held.class).isEmpty(), "the agent still has the call");
  }

  @Test
  void transferToAQueue_theAgentLeaves_andTheNextAgentGetsTheCaller() throws Exception {
    rig = new ExtendRig(OfferMode.STAY_IN_CALL);
    Map<String, ClientBehaviour> agents = new LinkedHashMap<>();
    agents.put("erin", ANSWERS);
    agents.put("dana", ClientBehaviour.ANSWERS);
    rig.staff(billing(), agents, 5);
    rig.dial(MENU_1);
    await(() -> !rig.events(InteractionEvent.Connected.class).isEmpty(), "connected");
    assertThat(rig.events(InteractionEvent.Connected.class).get(0).agent())
        .isEqualTo(new AgentId("erin"));
    assertRefused(
        rig.request(new CallAction.Transfer(new CallTarget.Queue(new QueueId("nowhere")))),
        CallActionRefused.Reason.NOT_NOW);

    rig.request(new CallAction.Transfer(new CallTarget.Queue(new QueueId("billing")))).join();

    await(() -> rig.events(InteractionEvent.Connected.class).size() == 2, "the next agent");
    assertThat(rig.events(InteractionEvent.TransferredToQueue.class))
        .singleElement()
        .satisfies(moved -> assertThat(moved.fromAgent()).isEqualTo(new AgentId("erin")));
    assertThat(rig.events(InteractionEvent.Connected.class).get(1).agent())
        .isEqualTo(new AgentId("dana"));
  }

  @Test
  void hangUp_endsTheCall_disconnectedByTheAgent() throws Exception {
    connectedToDana();

    rig.request(new CallAction.HangUp()).join();

    await(() -> !rig.events(InteractionEvent.Disconnected.class).isEmpty(), "disconnected");
    assertThat(rig.events(InteractionEvent.Disconnected.class).get(0).by())
        .isEqualTo(DisconnectedBy.AGENT);
    assertThat(requests("DELETE /v1.0/communications/calls/" + callId())).hasSize(1);
    await(() -> rig.extend.activeCalls() == 0, "the bot holds no call");
    assertRefused(rig.request(new CallAction.Hold()), CallActionRefused.Reason.NOT_LIVE);
  }

  @Test
  void agentHangsUpInTeams_isTheAgentsHangUp_andTheCallEnds() throws Exception {
    rig = new ExtendRig(OfferMode.STAY_IN_CALL);
    rig.staff(billing(), Map.of("gus", ANSWERS_THEN_HANGS_UP), 4);
    rig.dial(MENU_1);

    await(() -> !rig.events(InteractionEvent.Disconnected.class).isEmpty(), "disconnected");

    assertThat(rig.events(InteractionEvent.Disconnected.class).get(0).by())
        .isEqualTo(DisconnectedBy.AGENT);
    await(() -> rig.extend.activeCalls() == 0, "the bot hung up");
  }

  @Test
  void refusals_notNowWhileQueued_notLiveForUnknown_unsupportedTarget() throws Exception {
    rig = new ExtendRig(OfferMode.STAY_IN_CALL);
    rig.staff(billing(), Map.of("finn", ANSWERS_AFTER_3S), 4);
    rig.dial(MENU_1);
    await(() -> !rig.events(InteractionEvent.Queued.class).isEmpty(), "queued");

    assertRefused(rig.request(new CallAction.Hold()), CallActionRefused.Reason.NOT_NOW);
    assertRefused(
        rig.extend
            .request(new InteractionId("nobody"), new CallAction.Hold())
            .toCompletableFuture(),
        CallActionRefused.Reason.NOT_LIVE);
  }

  @Test
  void handOverMode_refusesEveryActionAsUnsupported() throws Exception {
    rig = new ExtendRig(OfferMode.HAND_OVER);
    rig.staff(billing(), Map.of("dana", ClientBehaviour.ANSWERS), 4);
    rig.dial(MENU_1);
    await(() -> !rig.events(InteractionEvent.Queued.class).isEmpty(), "queued");

    CompletableFuture<Void> refused = rig.request(new CallAction.Hold());

    assertRefused(refused, CallActionRefused.Reason.UNSUPPORTED);
    assertThat(refused.handle((done, why) -> why.getMessage()).join())
        .contains("hand-over")
        .contains("Teams");
  }

  @Test
  void simultaneousOffers_stayInCall_ringBothAgents_theFirstWins_theOtherIsCancelled()
      throws Exception {
    rig = new ExtendRig(OfferMode.STAY_IN_CALL);
    simultaneous();

    await(() -> !journal("user.offerCancelled").isEmpty(), "the slower agent stopped ringing");
    assertThat(requests("POST /v1.0/communications/calls/" + callId() + "/participants/invite"))
        .hasSize(2);
  }

  @Test
  void simultaneousOffers_handOver_ringBothAgents_theFirstWins_theOtherIsCancelled()
      throws Exception {
    rig = new ExtendRig(OfferMode.HAND_OVER);
    simultaneous();

    await(() -> !journal("user.offerCancelled").isEmpty(), "the slower agent stopped ringing");
  }

  private void simultaneous() throws Exception {
    Map<String, ClientBehaviour> agents = new LinkedHashMap<>();
    agents.put("erin", ANSWERS);
    agents.put("finn", ANSWERS_AFTER_3S);
    rig.staff(
        billing().strategy(RoutingStrategyKind.SIMULTANEOUS).simultaneousOffers(2), agents, 4);
    rig.dial(MENU_1);

    await(() -> !rig.events(InteractionEvent.Connected.class).isEmpty(), "connected");
    assertThat(rig.events(InteractionEvent.Offered.class)).hasSize(2);
    assertThat(journal("user.ringing")).hasSize(2);
    assertThat(rig.events(InteractionEvent.Connected.class))
        .singleElement()
        .satisfies(connected -> assertThat(connected.agent()).isEqualTo(new AgentId("erin")));
    assertThat(rig.events(InteractionEvent.OfferWithdrawn.class))
        .singleElement()
        .satisfies(withdrawn -> assertThat(withdrawn.agent()).isEqualTo(new AgentId("finn")));
  }

  private boolean conferenceAccepted() {
    try {
      rig.request(new CallAction.Conference()).join();
      return true;
    } catch (CompletionException notYet) {
      return false;
    }
  }

  private static void assertRefused(
      CompletableFuture<Void> request, CallActionRefused.Reason reason) {
    Throwable why = request.handle((done, failed) -> failed).join();
    assertThat(why).isInstanceOf(CallActionRefused.class);
    assertThat(((CallActionRefused) why).reason()).isEqualTo(reason);
  }

  private InteractionId interaction() {
    return rig.events(InteractionEvent.Arrived.class).get(0).interaction();
  }

  private String callId() {
    return rig.events(InteractionEvent.Arrived.class).get(0).attributes().get("graph.callId");
  }

  private List<JournalEntry> journal(String kind) {
    return rig.journal(e -> e.kind().equals(kind));
  }

  private List<JournalEntry> requests(String kind) {
    return rig.journal(e -> e.kind().equals(kind));
  }

  private List<JournalEntry> requestsStartingWith(String prefix) {
    return rig.journal(e -> e.kind().startsWith(prefix));
  }
}
