package io.tandem.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentProfile;
import io.tandem.core.callcontrol.CallAction;
import io.tandem.core.callcontrol.CallActionRefused;
import io.tandem.core.callcontrol.CallControl;
import io.tandem.core.callcontrol.CallTarget;
import io.tandem.core.interaction.Channel;
import io.tandem.core.interaction.DisconnectedBy;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.skill.AgentSkills;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agent's call control in the Connect channel, end to end over real SIP and RTP: the emulator's
 * PSTN caller on its carrier trunk reaches Ann over the emulator's Direct Routing proxy, then the
 * agent's requests go through {@link ConnectNode#callControl}. What the caller hears is read back
 * from the emulator ({@code heard.wav}): the Teams side plays a steady 440 Hz tone, Tandem's music
 * on hold is a chord progression, so the share of 440 Hz in the last half second tells whom the
 * caller hears.
 */
class ConnectCallControlEndToEndTest {

  private static final String ANN = "+14255550401";
  private static final String DAN_DECLINES = "+14255550402";
  private static final String BEA = "+14255550405";
  private static final String BEA_TEAMS_ID = "77777777-aaaa-4bbb-8ccc-000000000005";

  private ConnectRig rig;
  private CallControl control;

  @BeforeEach
  void start() throws Exception {
    rig = new ConnectRig();
    control = rig.node.callControl(ConnectRig.TENANT);
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void hold_callerHearsMusicNotTheAgent_resume_relaysTheAgentAgain() throws Exception {
    Talk talk = talkToAnn();

    request(talk.id, new CallAction.Hold());

    ConnectRig.await(() -> rig.first(InteractionEvent.Held.class));
    ConnectRig.await(() -> rig.toneShare(talk.call) < 0.5 ? true : null);
    long heardWhileHeld = heardPackets(talk.call);
    ConnectRig.await(() -> heardPackets(talk.call) > heardWhileHeld + 25 ? true : null);

    request(talk.id, new CallAction.Resume());

    ConnectRig.await(() -> rig.first(InteractionEvent.Resumed.class));
    ConnectRig.await(() -> rig.toneShare(talk.call) > 0.9 ? true : null);
    assertThat(rig.callView(talk.call).path("state").asString()).isNotEqualTo("ENDED");
  }

  @Test
  void blindTransferAnswered_callerBridgedToTheTarget_agentLegGetsBye_agentDone() throws Exception {
    Talk talk = talkToAnn();

    request(talk.id, new CallAction.Transfer(new CallTarget.PhoneNumber(BEA)));

    InteractionEvent.TransferStarted started =
        ConnectRig.await(() -> rig.first(InteractionEvent.TransferStarted.class));
    assertThat(started.target()).isEqualTo(BEA);
    InteractionEvent.Disconnected done =
        ConnectRig.await(() -> rig.first(InteractionEvent.Disconnected.class));
    assertThat(done.by()).isEqualTo(DisconnectedBy.AGENT);
    assertThat(done.agent().value()).isEqualTo("ann");
    // Ann's leg got BYE from Tandem; the caller talks to Bea (her Teams tone) through Tandem.
    ConnectRig.await(() -> rig.journal("BYE").isEmpty() ? null : true);
    ConnectRig.await(() -> rig.toneShare(talk.call) > 0.9 ? true : null);
    assertThat(rig.callView(talk.call).path("state").asString()).isNotEqualTo("ENDED");
    assertThat(rig.events(InteractionEvent.TransferFailed.class)).isEmpty();
    // The new leg speaks the Direct Routing dialect of the agent leg.
    String invite =
        rig.journal("INVITE").stream()
            .filter(text -> text.startsWith("INVITE sip:" + BEA))
            .findFirst()
            .orElseThrow();
    assertThat(invite)
        .contains(";user=phone")
        .contains("Contact: <sip:+14255557777@" + ConnectRig.SBC)
        .contains("X-MS-SBC: Tandem/Connect/test");
    // The interaction is no longer a live call of the channel.
    assertThat(control.carries(talk.id)).isFalse();
  }

  @Test
  void blindTransferDeclined603_transferFailed_callerBackWithTheAgent() throws Exception {
    Talk talk = talkToAnn();

    request(talk.id, new CallAction.Transfer(new CallTarget.PhoneNumber(DAN_DECLINES)));

    ConnectRig.await(() -> rig.first(InteractionEvent.TransferStarted.class));
    InteractionEvent.TransferFailed failed =
        ConnectRig.await(() -> rig.first(InteractionEvent.TransferFailed.class));
    assertThat(failed.reason()).isEqualTo("sip-603");
    assertThat(rig.events(InteractionEvent.Disconnected.class)).isEmpty();
    ConnectRig.await(() -> rig.toneShare(talk.call) > 0.9 ? true : null);
    // Ann still has the call: she can put the caller on hold again.
    request(talk.id, new CallAction.Hold());
    ConnectRig.await(() -> rig.first(InteractionEvent.Held.class));
  }

  @Test
  void transferToAQueue_agentLegGetsBye_callerOfferedToTheNextAgent() throws Exception {
    rig.tell(t -> t.configureQueue(QueueConfig.builder("support").skills("support >= 1").build()))
        .join();
    Talk talk = talkToAnn();
    rig.agent(
        new AgentProfile(
            new AgentId("bea"),
            "Bea",
            AgentSkills.of(Map.of("support", 5)),
            Map.of(Channel.VOICE, 1),
            null),
        BEA);

    request(talk.id, new CallAction.Transfer(CallTarget.parse("queue:support")));

    InteractionEvent.TransferredToQueue moved =
        ConnectRig.await(() -> rig.first(InteractionEvent.TransferredToQueue.class));
    assertThat(moved.queue().value()).isEqualTo("support");
    ConnectRig.await(() -> rig.journal("BYE").isEmpty() ? null : true);
    ConnectRig.await(() -> rig.events(InteractionEvent.Connected.class).size() == 2 ? true : null);
    assertThat(rig.events(InteractionEvent.Connected.class).get(1).agent().value())
        .isEqualTo("bea");
    ConnectRig.await(() -> rig.toneShare(talk.call) > 0.9 ? true : null);
    // Bea has the call now, with the agent's controls.
    request(talk.id, new CallAction.HangUp());
    ConnectRig.await(
        () -> rig.callView(talk.call).path("state").asString().equals("ENDED") ? true : null);
  }

  @Test
  void hangUp_byeToBothLegs_disconnectedByTheAgent() throws Exception {
    Talk talk = talkToAnn();

    request(talk.id, new CallAction.HangUp());

    InteractionEvent.Disconnected done =
        ConnectRig.await(() -> rig.first(InteractionEvent.Disconnected.class));
    assertThat(done.by()).isEqualTo(DisconnectedBy.AGENT);
    ConnectRig.await(
        () -> rig.callView(talk.call).path("state").asString().equals("ENDED") ? true : null);
    ConnectRig.await(() -> rig.journal("BYE").size() >= 2 ? true : null);
    ConnectRig.await(() -> rig.node.activeCalls() == 0 ? true : null);
    assertThat(control.carries(talk.id)).isFalse();
  }

  @Test
  void consult_conference_thenHandOver_callerTalksToTheConsultedParty() throws Exception {
    Talk talk = talkToAnn();

    request(talk.id, new CallAction.Consult(new CallTarget.PhoneNumber(BEA)));
    ConnectRig.await(() -> rig.first(InteractionEvent.ConsultStarted.class));
    // The caller holds with music while Ann and Bea talk.
    ConnectRig.await(() -> rig.toneShare(talk.call) < 0.5 ? true : null);
    awaitAnswered(BEA_TEAMS_ID);

    requestOnceAllowed(talk.id, new CallAction.Conference());
    ConnectRig.await(() -> rig.first(InteractionEvent.Conferenced.class));

    request(talk.id, new CallAction.Transfer(null));
    InteractionEvent.TransferStarted started =
        ConnectRig.await(() -> rig.first(InteractionEvent.TransferStarted.class));
    assertThat(started.target()).isEqualTo(BEA);
    InteractionEvent.Disconnected done =
        ConnectRig.await(() -> rig.first(InteractionEvent.Disconnected.class));
    assertThat(done.by()).isEqualTo(DisconnectedBy.AGENT);
    ConnectRig.await(() -> rig.toneShare(talk.call) > 0.9 ? true : null);
    assertThat(rig.callView(talk.call).path("state").asString()).isNotEqualTo("ENDED");
  }

  @Test
  void consultThenResume_consultedLegEnds_callerBackWithTheAgent() throws Exception {
    Talk talk = talkToAnn();
    request(talk.id, new CallAction.Consult(new CallTarget.PhoneNumber(BEA)));
    ConnectRig.await(() -> rig.first(InteractionEvent.ConsultStarted.class));
    awaitAnswered(BEA_TEAMS_ID);

    request(talk.id, new CallAction.Resume());

    ConnectRig.await(() -> rig.first(InteractionEvent.Resumed.class));
    ConnectRig.await(() -> rig.journal("BYE").isEmpty() ? null : true);
    ConnectRig.await(() -> rig.toneShare(talk.call) > 0.9 ? true : null);
    assertThat(rig.events(InteractionEvent.Disconnected.class)).isEmpty();
  }

  @Test
  void consultDeclined_callerStillHolds() throws Exception {
    Talk talk = talkToAnn();

    request(talk.id, new CallAction.Consult(new CallTarget.PhoneNumber(DAN_DECLINES)));

    ConnectRig.await(() -> rig.first(InteractionEvent.ConsultStarted.class));
    ConnectRig.await(() -> rig.first(InteractionEvent.Held.class));
    refused(talk.id, new CallAction.Conference(), CallActionRefused.Reason.NOT_NOW);
    request(talk.id, new CallAction.Resume());
    ConnectRig.await(() -> rig.first(InteractionEvent.Resumed.class));
  }

  @Test
  void transferToATeamsUser_dialsTheirTeamsNumber() throws Exception {
    rig.agent(
        new AgentProfile(
            new AgentId("bea"),
            "Bea",
            AgentSkills.of(Map.of("support", 5)),
            Map.of(Channel.VOICE, 1),
            BEA_TEAMS_ID.toUpperCase(java.util.Locale.ROOT)),
        BEA);
    Talk talk = talkToAnn();

    request(talk.id, new CallAction.Transfer(CallTarget.parse("teams:" + BEA_TEAMS_ID)));

    InteractionEvent.TransferStarted started =
        ConnectRig.await(() -> rig.first(InteractionEvent.TransferStarted.class));
    assertThat(started.target()).isEqualTo("teams:" + BEA_TEAMS_ID);
    ConnectRig.await(() -> rig.first(InteractionEvent.Disconnected.class));
    assertThat(rig.journal("INVITE")).anyMatch(text -> text.startsWith("INVITE sip:" + BEA));
  }

  @Test
  void refusals_whileTalking_nothingChanges() throws Exception {
    Talk talk = talkToAnn();

    refused(talk.id, new CallAction.Resume(), CallActionRefused.Reason.NOT_NOW);
    refused(talk.id, new CallAction.Conference(), CallActionRefused.Reason.NOT_NOW);
    refused(talk.id, new CallAction.Transfer(null), CallActionRefused.Reason.NOT_NOW);
    refused(
        talk.id,
        new CallAction.Transfer(CallTarget.parse("queue:nowhere")),
        CallActionRefused.Reason.NOT_NOW);
    refused(
        talk.id,
        new CallAction.Transfer(CallTarget.parse("teams:" + BEA_TEAMS_ID)),
        CallActionRefused.Reason.UNSUPPORTED);

    assertThat(rig.events(InteractionEvent.TransferStarted.class)).isEmpty();
    assertThat(rig.events(InteractionEvent.Resumed.class)).isEmpty();
    assertThat(rig.events(InteractionEvent.Disconnected.class)).isEmpty();
    assertThat(
            rig.journal("INVITE").stream().filter(text -> text.startsWith("INVITE sip:+142555504")))
        .hasSize(1);
    // Still talking: the hold is taken.
    request(talk.id, new CallAction.Hold());
    ConnectRig.await(() -> rig.first(InteractionEvent.Held.class));
    refused(talk.id, new CallAction.Hold(), CallActionRefused.Reason.NOT_NOW);
  }

  @Test
  void whileQueued_everyActionIsRefusedNotNow() throws Exception {
    rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}],\"talkFor\":\"PT60S\"");
    InteractionId id =
        ConnectRig.await(() -> rig.first(InteractionEvent.Queued.class)).interaction();

    assertThat(control.carries(id)).isTrue();
    for (CallAction action :
        List.of(
            new CallAction.Hold(),
            new CallAction.HangUp(),
            new CallAction.Transfer(new CallTarget.PhoneNumber(BEA)))) {
      refused(id, action, CallActionRefused.Reason.NOT_NOW);
    }
    assertThat(rig.events(InteractionEvent.Held.class)).isEmpty();
  }

  @Test
  void anUnknownInteraction_isNotLive() throws Exception {
    InteractionId unknown = new InteractionId("nobody");

    assertThat(control.carries(unknown)).isFalse();
    refused(unknown, new CallAction.Hold(), CallActionRefused.Reason.NOT_LIVE);
    assertThat(rig.node.callControl(new io.tandem.core.tenant.TenantId("other")).carries(unknown))
        .isFalse();
  }

  /** A caller who pressed 1, queued for billing, and is talking to Ann. */
  private Talk talkToAnn() throws Exception {
    rig.agent("ann", ANN);
    String call =
        rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}],\"talkFor\":\"PT60S\"");
    InteractionEvent.Connected connected =
        ConnectRig.await(() -> rig.first(InteractionEvent.Connected.class));
    assertThat(connected.agent().value()).isEqualTo("ann");
    ConnectRig.await(() -> rig.toneShare(call) > 0.9 ? true : null);
    return new Talk(call, connected.interaction());
  }

  private record Talk(String call, InteractionId id) {}

  private void request(InteractionId id, CallAction action) throws Exception {
    control.request(id, action).toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private void refused(InteractionId id, CallAction action, CallActionRefused.Reason reason) {
    assertThatThrownBy(
            () -> control.request(id, action).toCompletableFuture().get(5, TimeUnit.SECONDS))
        .as(action.name())
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            CallActionRefused.class, refusal -> assertThat(refusal.reason()).isEqualTo(reason));
  }

  /** Waits until the emulator's Teams user {@code userId} answered a call. */
  private void awaitAnswered(String userId) throws Exception {
    ConnectRig.await(
        () ->
            rig.emulator.journal().after(0, e -> e.kind().equals("call.answered"), 200).stream()
                    .anyMatch(e -> userId.equals(e.attributes().get("user")))
                ? true
                : null);
  }

  /** Asks for {@code action} until the call's state allows it (the channel may lag the wire). */
  private void requestOnceAllowed(InteractionId id, CallAction action) throws Exception {
    ConnectRig.await(
        () -> {
          try {
            request(id, action);
            return true;
          } catch (ExecutionException refused) {
            if (refused.getCause() instanceof CallActionRefused notNow
                && notNow.reason() == CallActionRefused.Reason.NOT_NOW) {
              return null;
            }
            throw refused;
          }
        });
  }

  private long heardPackets(String call) throws Exception {
    return rig.callView(call).path("heard").path("packets").asLong();
  }
}
