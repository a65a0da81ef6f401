package io.tandem.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.agent.AgentEvent;
import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentProfile;
import io.tandem.core.agent.AgentState;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.insight.CallSummary;
import io.tandem.core.insight.RecordingState;
import io.tandem.core.insight.TranscriptSegment;
import io.tandem.core.interaction.Channel;
import io.tandem.core.interaction.DisconnectedBy;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.InteractionState;
import io.tandem.core.interaction.ReservationId;
import io.tandem.core.presence.Availability;
import io.tandem.core.queue.QueueAction;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueEvent;
import io.tandem.core.queue.QueueId;
import io.tandem.core.queue.RoutingStrategyKind;
import io.tandem.core.routing.TenantSnapshot;
import io.tandem.core.routing.TenantState;
import io.tandem.core.skill.SkillExpression;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "Every transition emits a past-tense event with a timestamp from the injected clock. Tenant state
 * must be rebuildable by replaying its events." A scripted day with every kind of event is replayed
 * after each scene (the random days of {@link TenantPropertyTest} are replayed too); events that
 * contradict the state are rejected without a trace; snapshots tell different states apart.
 */
class TenantReplayTest {

  private static final AgentId ANNA = new AgentId("anna");
  private static final AgentId BEN = new AgentId("ben");
  private static final AgentId CLEO = new AgentId("cleo");
  private static final QueueId GENERAL = new QueueId("general");
  private static final QueueId BILLING = new QueueId("billing");
  private static final QueueId SALES = new QueueId("sales");
  private static final QueueId VIP = new QueueId("vip");

  // --- a scripted day ----------------------------------------------------------------------------

  @Test
  void scriptedDay_withEveryKindOfEvent_replaysToAnEqualStateAfterEachScene() {
    ScriptedContactCenter center = dayCenter();
    Tenant tenant = center.tenant;

    // Morning: anna and cleo log in ready, ben not ready; cleo's Teams presence flickers.
    tenant.logIn(ANNA, true);
    tenant.logIn(BEN, false);
    tenant.logIn(CLEO, true);
    tenant.presenceChanged(CLEO, Availability.BUSY);
    tenant.presenceChanged(CLEO, Availability.AVAILABLE);
    center.check("morning");

    // A billing call comes through the assistant and rings anna, the only billing expert.
    InteractionId invoice = arrive(tenant);
    tenant.startVirtualAssistant(invoice, "main-menu");
    tenant.setAttributes(invoice, Map.of("account", "42"));
    tenant.setRequirements(invoice, 5, SkillExpression.ANY, null);
    tenant.leaveVirtualAssistant(invoice, new QueueAction.ToQueue(BILLING));
    assertThat(agentState(tenant, ANNA)).isEqualTo(AgentState.RESERVED);
    center.check("billing call rings anna");

    // anna declines; after 30 s the call escalates to ben, who lets it ring out.
    tenant.declineOffer(tenant.state().interaction(invoice).reservations().getFirst());
    center.advance(Duration.ofSeconds(30));
    tenant.ready(BEN);
    center.advance(Duration.ofSeconds(15));
    assertThat(agentState(tenant, BEN)).isEqualTo(AgentState.NOT_READY);
    center.check("ring-outs");

    // anna takes it: hold, consult, conference, a failed transfer, then a transfer to sales,
    // which rings ben and cleo at once; cleo answers, the caller hangs up.
    tenant.ready(ANNA);
    tenant.acceptOffer(reservationOf(tenant, ANNA));
    tenant.work().hold(invoice);
    tenant.work().resume(invoice);
    tenant.work().consult(invoice, "teams:expert");
    tenant.work().conference(invoice);
    tenant.work().resume(invoice);
    tenant.work().startTransfer(invoice, "+4930777777");
    tenant.work().transferFailed(invoice, "busy");
    tenant.ready(BEN);
    tenant.work().transferToQueue(invoice, SALES);
    assertThat(agentState(tenant, BEN)).isEqualTo(AgentState.RESERVED);
    tenant.acceptOffer(reservationOf(tenant, CLEO));
    assertThat(agentState(tenant, BEN)).isEqualTo(AgentState.READY);
    tenant.insights().recording(invoice, "rec-1", RecordingState.ACTIVE, "");
    tenant.insights().transcript(invoice, segment("My invoice is wrong."));
    tenant.customerHungUp(invoice);
    tenant.insights().transcript(invoice, segment("Thanks."));
    tenant
        .insights()
        .summarized(
            invoice,
            new CallSummary("Invoice.", List.of(), List.of(), "connected", null, "extractive"));
    center.check("transfers");

    // A returning caller waits for ben (at lunch) until the preference runs out, then is
    // answered; the agent hangs up and closes the wrap-up with a code.
    tenant.notReady(BEN, "lunch");
    InteractionId returning = arrive(tenant);
    tenant.enqueue(returning, GENERAL, BEN);
    center.advance(Duration.ofSeconds(20));
    AgentId answering = tenant.state().reservation(offerOf(tenant, returning)).agent();
    tenant.acceptOffer(offerOf(tenant, returning));
    tenant.agentHungUp(returning);
    tenant.completeWrapUp(answering, "solved", "asked about the invoice");
    center.check("preferred agent and wrap-up");

    // The next call's wrap-up runs out by itself.
    InteractionId quick = queued(tenant, GENERAL);
    AgentId quickAgent = tenant.state().reservation(offerOf(tenant, quick)).agent();
    tenant.acceptOffer(offerOf(tenant, quick));
    tenant.customerHungUp(quick);
    center.advance(Duration.ofSeconds(30));
    assertThat(agentState(tenant, quickAgent)).isEqualTo(AgentState.READY);
    center.check("automatic wrap-up");

    // Nobody ready: a billing call escalates, overflows to general after its max wait, asks
    // for a callback, and the callback is cancelled.
    tenant.notReady(ANNA, "meeting");
    tenant.notReady(CLEO, "meeting");
    InteractionId patient = queued(tenant, BILLING);
    center.advance(Duration.ofMinutes(2));
    assertThat(tenant.state().interaction(patient).queue()).isEqualTo(GENERAL);
    tenant.requestCallback(patient, GENERAL, "+4917012345");
    tenant.end(patient, "callback-cancelled");
    center.check("max wait and callback");

    // A callback dialled by anna: the customer is busy, the retry five minutes later reaches them.
    InteractionId callback = queued(tenant, GENERAL);
    tenant.requestCallback(callback, GENERAL, "+4917000001");
    tenant.ready(ANNA);
    tenant.callbacks().agentAnswered(offerOf(tenant, callback));
    tenant.callbacks().customerNotReached(callback, "busy");
    tenant.notReady(ANNA, "meeting");
    center.advance(Duration.ofMinutes(5));
    tenant.ready(ANNA);
    tenant.callbacks().agentAnswered(offerOf(tenant, callback));
    tenant.callbacks().customerAnswered(callback);
    tenant.customerHungUp(callback);
    if (agentState(tenant, ANNA) == AgentState.WRAP_UP) {
      tenant.completeWrapUp(ANNA, null, null);
    }
    tenant.notReady(ANNA, "meeting");
    center.check("callback dialled");

    // general holds two; the third caller goes to voicemail and leaves a message; of the two
    // waiting, one abandons and one's line fails.
    InteractionId first = queued(tenant, GENERAL);
    InteractionId second = queued(tenant, GENERAL);
    InteractionId third = queued(tenant, GENERAL);
    assertThat(tenant.state().interaction(third).state()).isEqualTo(InteractionState.VOICEMAIL);
    tenant.voicemailEnded(third, "vm_0123456789abcdef01234567", Duration.ofSeconds(12));
    tenant.customerHungUp(first);
    tenant.fail(second, "media-lost");
    center.check("max length, abandon, failure");

    // With cleo logged out, vip has nobody and disconnects its caller.
    tenant.logOut(CLEO);
    queued(tenant, VIP);
    center.check("no agents");

    // Supervisors add and remove a queue and an agent; everyone logs out.
    tenant.configureQueue(QueueConfig.builder("after-hours").build());
    tenant.removeQueue(new QueueId("after-hours"));
    tenant.configureAgent(AgentProfile.voice("dave", ScriptedOp.skills(1, 1, 1)));
    tenant.removeAgent(new AgentId("dave"));
    tenant.logOut(ANNA);
    tenant.logOut(BEN);
    center.check("evening");

    assertThat(tenant.state().interactions()).isEmpty();
    assertThat(center.recording.ended()).hasSize(9);
    assertThat(center.recording.violations()).as("events stamped by the clock").isEmpty();
    assertThat(kinds(center.recording.events())).containsAll(everyEventKind());
    center.assertReplayRebuildsTheState();
  }

  @Test
  void everyEvent_isStampedWithTheClockWhenItIsEmitted() {
    ScriptedContactCenter center = dayCenter();
    Tenant tenant = center.tenant;
    List<Map.Entry<Instant, Instant>> stampAndClock = new ArrayList<>();
    tenant.addListener(event -> stampAndClock.add(Map.entry(event.at(), center.time.instant())));

    tenant.logIn(ANNA, true);
    queued(tenant, BILLING);
    center.advance(Duration.ofSeconds(15)); // anna does not answer
    center.advance(Duration.ofMinutes(3)); // escalation, max wait, overflow

    assertThat(stampAndClock).hasSizeGreaterThan(5);
    assertThat(stampAndClock)
        .allSatisfy(pair -> assertThat(pair.getKey()).isEqualTo(pair.getValue()));
    assertThat(stampAndClock.getLast().getKey()).isEqualTo(Instant.parse("2026-03-02T08:02:00Z"));
  }

  // --- contradictions ----------------------------------------------------------------------------

  /**
   * Replaying a log rebuilds the state only if a rejected event leaves no trace: each event that
   * contradicts the state must throw before it changes anything, in the snapshot or in the routing
   * index behind it (the next arrival is routed as if the event had never come).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("contradictions")
  void applyingAnEventThatContradictsTheState_throwsAndChangesNothing(
      String what, Function<Instant, TenantEvent> contradiction) {
    ContradictionFixture fixture = new ContradictionFixture();
    TenantState replica = fixture.replay();
    TenantState untouched = fixture.replay();
    TenantSnapshot before = replica.snapshot();

    assertThatThrownBy(() -> replica.apply(contradiction.apply(fixture.now())))
        .isInstanceOf(IllegalStateException.class);

    assertThat(replica.snapshot()).isEqualTo(before);
    assertThat(ScriptedContactCenter.routingDecisions(replica))
        .isEqualTo(ScriptedContactCenter.routingDecisions(untouched));
    fixture.probe(replica);
    fixture.probe(untouched);
    assertThat(replica.snapshot()).isEqualTo(untouched.snapshot());
    assertThat(ScriptedContactCenter.routingDecisions(replica))
        .isEqualTo(ScriptedContactCenter.routingDecisions(untouched));
  }

  static Stream<Arguments> contradictions() {
    InteractionId connected = new InteractionId("i1");
    InteractionId ringing = new InteractionId("i2");
    InteractionId waiting = new InteractionId("i3");
    InteractionId wrappingUp = new InteractionId("i4");
    InteractionId callback = new InteractionId("i5");
    InteractionId arriving = new InteractionId("i6");
    InteractionId unknown = new InteractionId("i99");
    AgentId ringingOne = new AgentId("a1"); // holds r2 of i2
    AgentId ringingTwo = new AgentId("a2"); // holds r3 of i2
    AgentId talking = new AgentId("a3"); // with i1
    AgentId inWrapUp = new AgentId("a4"); // with i4
    AgentId notReady = new AgentId("a5");
    AgentId ready = new AgentId("a6");
    AgentId loggedOut = new AgentId("a7");
    AgentId stranger = new AgentId("zed");
    ReservationId r1 = new ReservationId("r1"); // answered
    ReservationId r2 = new ReservationId("r2");
    ReservationId r9 = new ReservationId("r9");
    QueueId nowhere = new QueueId("nowhere");
    QueueAction hangUp = new QueueAction.Disconnect("prompt:sorry");
    Map<String, Function<Instant, TenantEvent>> cases = new LinkedHashMap<>();

    // arrival, flow, queue
    cases.put(
        "Arrived twice",
        at ->
            new InteractionEvent.Arrived(
                connected, Channel.VOICE, "+4930555000", "+4930100", Map.of(), 9, at));
    cases.put(
        "VirtualAssistantStarted for a waiting call",
        at -> new InteractionEvent.VirtualAssistantStarted(waiting, "main-menu", at));
    cases.put(
        "AttributesChanged for an unknown interaction",
        at -> new InteractionEvent.AttributesChanged(unknown, Map.of("vip", "yes"), at));
    cases.put(
        "Queued into an unknown queue",
        at -> new InteractionEvent.Queued(waiting, nowhere, null, null, at));
    cases.put(
        "Queued from the flow into an unknown queue",
        at -> new InteractionEvent.Queued(arriving, nowhere, null, null, at));
    cases.put(
        "Queued for a ringing call",
        at -> new InteractionEvent.Queued(ringing, SALES, null, null, at));
    cases.put(
        "Queued for a call in wrap-up",
        at -> new InteractionEvent.Queued(wrappingUp, GENERAL, null, null, at));
    cases.put(
        "Escalated to a negative stage", at -> new InteractionEvent.Escalated(waiting, -1, at));
    cases.put(
        "Escalated beyond the queue's last stage",
        at -> new InteractionEvent.Escalated(waiting, 1, at));
    cases.put(
        "Escalated for a ringing call beyond the queue's last stage",
        at -> new InteractionEvent.Escalated(ringing, 3, at));
    cases.put(
        "Escalated for a connected call", at -> new InteractionEvent.Escalated(connected, 0, at));
    cases.put(
        "PreferenceExpired for a connected call",
        at -> new InteractionEvent.PreferenceExpired(connected, at));
    cases.put(
        "Overflowed for a callback",
        at -> new InteractionEvent.Overflowed(callback, GENERAL, "max-wait", hangUp, at));
    cases.put(
        "Overflowed for a ringing call",
        at -> new InteractionEvent.Overflowed(ringing, SALES, "max-wait", hangUp, at));
    cases.put(
        "CallbackRequested into an unknown queue",
        at -> new InteractionEvent.CallbackRequested(waiting, nowhere, "+4917012345", at));
    cases.put(
        "CallbackRequested twice",
        at -> new InteractionEvent.CallbackRequested(callback, GENERAL, "+4917012345", at));
    cases.put(
        "CallbackRequested for a ringing call",
        at -> new InteractionEvent.CallbackRequested(ringing, SALES, "+4917012345", at));
    cases.put(
        "VoicemailStarted for a waiting call",
        at -> new InteractionEvent.VoicemailStarted(waiting, "general", at));

    // offers
    cases.put(
        "Offered for an unknown interaction",
        at -> new InteractionEvent.Offered(unknown, r9, ringingOne, at.plusSeconds(15), at));
    cases.put(
        "Offered for a connected call",
        at -> new InteractionEvent.Offered(connected, r9, ready, at.plusSeconds(15), at));
    cases.put(
        "Offered to an agent on a call",
        at -> new InteractionEvent.Offered(waiting, r9, talking, at.plusSeconds(15), at));
    cases.put(
        "Offered to an agent who is not ready",
        at -> new InteractionEvent.Offered(waiting, r9, notReady, at.plusSeconds(15), at));
    cases.put(
        "Offered to a logged-out agent",
        at -> new InteractionEvent.Offered(callback, r9, loggedOut, at.plusSeconds(15), at));
    cases.put(
        "Offered to an unknown agent",
        at -> new InteractionEvent.Offered(waiting, r9, stranger, at.plusSeconds(15), at));
    cases.put(
        "Offered under the id of a live offer",
        at -> new InteractionEvent.Offered(waiting, r2, ready, at.plusSeconds(15), at));
    cases.put(
        "OfferDeclined for an answered offer",
        at -> new InteractionEvent.OfferDeclined(connected, r1, talking, at));
    cases.put(
        "OfferDeclined naming an unknown agent",
        at -> new InteractionEvent.OfferDeclined(ringing, r2, stranger, at));
    cases.put(
        "OfferTimedOut naming another agent than the offer's",
        at -> new InteractionEvent.OfferTimedOut(ringing, r2, ringingTwo, at));
    cases.put(
        "OfferWithdrawn for another interaction's offer",
        at -> new InteractionEvent.OfferWithdrawn(waiting, r2, ringingOne, "test", at));
    cases.put(
        "OfferWithdrawn for an unknown interaction",
        at -> new InteractionEvent.OfferWithdrawn(unknown, r2, ringingOne, "test", at));
    cases.put(
        "Connected for an unknown reservation",
        at -> new InteractionEvent.Connected(ringing, new ReservationId("r99"), ringingOne, at));
    cases.put(
        "Connected while the other simultaneous offer is live",
        at -> new InteractionEvent.Connected(ringing, r2, ringingOne, at));
    cases.put(
        "Connected naming another agent than the offer's",
        at -> new InteractionEvent.Connected(ringing, r2, talking, at));
    cases.put(
        "Connected for another interaction's offer",
        at -> new InteractionEvent.Connected(waiting, r2, ringingOne, at));

    // with an agent
    cases.put("Held for a waiting call", at -> new InteractionEvent.Held(waiting, at));
    cases.put(
        "TransferredToQueue for a connected call",
        at -> new InteractionEvent.TransferredToQueue(connected, GENERAL, talking, null, at));
    cases.put(
        "TransferredToQueue for a ringing call",
        at -> new InteractionEvent.TransferredToQueue(ringing, SALES, ringingOne, null, at));
    cases.put(
        "TransferredToQueue for an arriving call",
        at -> new InteractionEvent.TransferredToQueue(arriving, GENERAL, talking, null, at));
    cases.put(
        "Disconnected for a waiting call",
        at ->
            new InteractionEvent.Disconnected(waiting, ringingOne, DisconnectedBy.AGENT, null, at));
    cases.put(
        "Disconnected for a callback",
        at ->
            new InteractionEvent.Disconnected(
                callback, ringingOne, DisconnectedBy.CUSTOMER, null, at));
    cases.put(
        "Disconnected for an arriving call",
        at ->
            new InteractionEvent.Disconnected(
                arriving, ringingOne, DisconnectedBy.CUSTOMER, null, at));
    cases.put(
        "Disconnected for a call in wrap-up",
        at ->
            new InteractionEvent.Disconnected(
                wrappingUp, inWrapUp, DisconnectedBy.CUSTOMER, null, at));
    cases.put(
        "Disconnected naming another agent than the call's",
        at ->
            new InteractionEvent.Disconnected(
                connected, ringingOne, DisconnectedBy.AGENT, at.plusSeconds(30), at));
    cases.put(
        "WrapUpCompleted for an agent still talking",
        at -> new InteractionEvent.WrapUpCompleted(connected, talking, "solved", null, false, at));
    cases.put(
        "WrapUpCompleted for another agent's call",
        at -> new InteractionEvent.WrapUpCompleted(connected, inWrapUp, null, null, true, at));
    cases.put(
        "WrapUpCompleted for an agent who is not ready",
        at -> new InteractionEvent.WrapUpCompleted(wrappingUp, notReady, null, null, true, at));

    // endings
    cases.put("Ended for a waiting call", at -> new InteractionEvent.Ended(waiting, "gone", at));
    cases.put("Ended for a ringing call", at -> new InteractionEvent.Ended(ringing, "gone", at));
    cases.put(
        "Ended for a connected call", at -> new InteractionEvent.Ended(connected, "gone", at));
    cases.put(
        "Ended for a call in wrap-up", at -> new InteractionEvent.Ended(wrappingUp, "gone", at));
    cases.put(
        "Abandoned for a connected call", at -> new InteractionEvent.Abandoned(connected, at));
    cases.put("Abandoned for a callback", at -> new InteractionEvent.Abandoned(callback, at));
    cases.put("Abandoned for a ringing call", at -> new InteractionEvent.Abandoned(ringing, at));
    cases.put(
        "Failed for a call in wrap-up", at -> new InteractionEvent.Failed(wrappingUp, "lost", at));
    cases.put("Failed for a ringing call", at -> new InteractionEvent.Failed(ringing, "lost", at));

    // agents
    cases.put("BecameReady for an unknown agent", at -> new AgentEvent.BecameReady(stranger, at));
    cases.put("BecameReady for a ready agent", at -> new AgentEvent.BecameReady(ready, at));
    cases.put("BecameReady for a ringing agent", at -> new AgentEvent.BecameReady(ringingOne, at));
    cases.put("BecameReady for an agent on a call", at -> new AgentEvent.BecameReady(talking, at));
    cases.put(
        "BecameReady for an agent in wrap-up", at -> new AgentEvent.BecameReady(inWrapUp, at));
    cases.put(
        "BecameReady for a logged-out agent", at -> new AgentEvent.BecameReady(loggedOut, at));
    cases.put(
        "BecameNotReady for a ringing agent",
        at -> new AgentEvent.BecameNotReady(ringingOne, "lunch", at));
    cases.put(
        "BecameNotReady for an agent on a call",
        at -> new AgentEvent.BecameNotReady(talking, "lunch", at));
    cases.put(
        "BecameNotReady for an agent in wrap-up",
        at -> new AgentEvent.BecameNotReady(inWrapUp, "lunch", at));
    cases.put(
        "BecameNotReady for a logged-out agent",
        at -> new AgentEvent.BecameNotReady(loggedOut, "lunch", at));
    cases.put("LoggedIn for a ready agent", at -> new AgentEvent.LoggedIn(ready, at));
    cases.put("LoggedIn for an agent on a call", at -> new AgentEvent.LoggedIn(talking, at));
    cases.put("LoggedOut while an offer rings", at -> new AgentEvent.LoggedOut(ringingOne, at));
    cases.put("LoggedOut for an agent on a call", at -> new AgentEvent.LoggedOut(talking, at));
    cases.put("LoggedOut for an agent in wrap-up", at -> new AgentEvent.LoggedOut(inWrapUp, at));
    cases.put("LoggedOut for a logged-out agent", at -> new AgentEvent.LoggedOut(loggedOut, at));
    cases.put("Removed for a logged-in agent", at -> new AgentEvent.Removed(ready, at));
    cases.put(
        "PresenceChanged for an unknown agent",
        at -> new AgentEvent.PresenceChanged(stranger, Availability.AWAY, at));

    // queues
    cases.put("Removed for a queue with a waiting call", at -> new QueueEvent.Removed(GENERAL, at));
    cases.put("Removed for a queue with a ringing call", at -> new QueueEvent.Removed(SALES, at));
    return cases.entrySet().stream().map(c -> Arguments.of(c.getKey(), c.getValue()));
  }

  /**
   * i1 connected with a3 (offer r1), i2 ringing a1 and a2 at once (r2, r3), i3 waiting in general;
   * i4 in wrap-up with a4, i5 a callback waiting in general, i6 just arrived; a5 not ready, a6
   * ready with nothing to do, a7 logged out. "open" takes anyone and has nothing waiting.
   */
  private static final class ContradictionFixture {
    private static final QueueId SUPPORT = new QueueId("support");
    private static final QueueId OPEN = new QueueId("open");

    final ScriptedContactCenter center =
        new ScriptedContactCenter(
            List.of(
                AgentProfile.voice("a1", ScriptedOp.skills(0, 1, 0)),
                AgentProfile.voice("a2", ScriptedOp.skills(0, 1, 0)),
                AgentProfile.voice("a3", ScriptedOp.skills(0, 0, 0)),
                AgentProfile.voice("a4", ScriptedOp.skills(0, 0, 0)),
                AgentProfile.voice("a5", ScriptedOp.skills(0, 0, 0)),
                AgentProfile.voice("a6", ScriptedOp.skills(0, 0, 0)),
                AgentProfile.voice("a7", ScriptedOp.skills(0, 0, 0))),
            List.of(
                QueueConfig.builder("general").members(List.of(new AgentId("a3"))).build(),
                QueueConfig.builder("sales")
                    .skills("sales >= 1")
                    .strategy(RoutingStrategyKind.SIMULTANEOUS)
                    .simultaneousOffers(2)
                    .build(),
                QueueConfig.builder("support")
                    .members(List.of(new AgentId("a4")))
                    .wrapUp(Duration.ofSeconds(30))
                    .build(),
                QueueConfig.builder("open").build()));

    ContradictionFixture() {
      Tenant tenant = center.tenant;
      tenant.logIn(new AgentId("a3"), true);
      InteractionId first = queued(tenant, GENERAL);
      tenant.acceptOffer(offerOf(tenant, first));
      tenant.logIn(new AgentId("a1"), true);
      tenant.logIn(new AgentId("a2"), true);
      queued(tenant, SALES);
      queued(tenant, GENERAL);
      tenant.logIn(new AgentId("a4"), true);
      InteractionId wrappingUp = queued(tenant, SUPPORT);
      tenant.acceptOffer(offerOf(tenant, wrappingUp));
      tenant.customerHungUp(wrappingUp);
      InteractionId callback = arrive(tenant);
      tenant.startVirtualAssistant(callback, "main-menu");
      tenant.requestCallback(callback, GENERAL, "+4917012345");
      arrive(tenant);
      tenant.logIn(new AgentId("a5"), false);
      tenant.logIn(new AgentId("a6"), true);
      center.check("fixture");
      assertThat(tenant.state().interaction(wrappingUp).state())
          .isEqualTo(InteractionState.WRAP_UP);
      assertThat(tenant.state().interaction(callback).state())
          .isEqualTo(InteractionState.CALLBACK_REQUESTED);
      assertThat(agentState(tenant, new AgentId("a6"))).isEqualTo(AgentState.READY);
    }

    TenantState replay() {
      TenantState replica = new TenantState(center.tenant.id());
      center.recording.events().forEach(replica::apply);
      return replica;
    }

    Instant now() {
      return center.time.instant();
    }

    /** A call arrives in "open", where only the ready a6 may take it. */
    void probe(TenantState state) {
      InteractionId probe = new InteractionId("probe");
      state.apply(
          new InteractionEvent.Arrived(
              probe, Channel.VOICE, "+4930555999", "+4930100", Map.of(), 99, now()));
      state.apply(new InteractionEvent.Queued(probe, OPEN, null, null, now()));
    }
  }

  // --- snapshots ---------------------------------------------------------------------------------

  @Test
  void snapshotsOfStatesBuiltAlike_areEqual() {
    TenantSnapshot one = snapshotBase().tenant.state().snapshot();
    TenantSnapshot other = snapshotBase().tenant.state().snapshot();

    assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
  }

  @Test
  void snapshotsOfDifferentStates_differ() {
    Map<String, Consumer<ScriptedContactCenter>> changes = new LinkedHashMap<>();
    changes.put("nothing more", center -> {});
    changes.put("presence", center -> center.tenant.presenceChanged(BEN, Availability.AWAY));
    changes.put("log-in", center -> center.tenant.logIn(CLEO, false));
    changes.put(
        "skills",
        center ->
            center.tenant.configureAgent(AgentProfile.voice("ben", ScriptedOp.skills(3, 0, 0))));
    changes.put(
        "queue setting",
        center ->
            center.tenant.configureQueue(
                center.tenant.state().queue(GENERAL).toBuilder()
                    .ringTimeout(Duration.ofSeconds(20))
                    .build()));
    changes.put(
        "attributes", center -> center.tenant.setAttributes(waiting(center), Map.of("vip", "yes")));
    changes.put(
        "priority",
        center -> center.tenant.setRequirements(waiting(center), 9, SkillExpression.ANY, null));
    changes.put("answer", center -> center.tenant.acceptOffer(reservationOf(center.tenant, ANNA)));
    changes.put(
        "decline", center -> center.tenant.declineOffer(reservationOf(center.tenant, ANNA)));
    changes.put("ring-out", center -> center.advance(Duration.ofSeconds(15)));
    changes.put("abandon", center -> center.tenant.customerHungUp(waiting(center)));
    changes.put("arrival", center -> arrive(center.tenant));
    changes.put("not ready", center -> center.tenant.notReady(BEN, "meeting"));

    Map<String, TenantSnapshot> snapshots = new LinkedHashMap<>();
    changes.forEach(
        (what, change) -> {
          ScriptedContactCenter center = snapshotBase();
          change.accept(center);
          snapshots.put(what, center.tenant.state().snapshot());
        });

    for (String one : snapshots.keySet()) {
      for (String other : snapshots.keySet()) {
        if (!one.equals(other)) {
          assertThat(snapshots.get(one))
              .as(one + " vs " + other)
              .isNotEqualTo(snapshots.get(other));
        }
      }
    }
  }

  /** anna is offered the first of two general calls; ben is logged in, not ready. */
  private static ScriptedContactCenter snapshotBase() {
    ScriptedContactCenter center = dayCenter();
    center.tenant.logIn(ANNA, true);
    center.tenant.logIn(BEN, false);
    queued(center.tenant, GENERAL);
    queued(center.tenant, GENERAL);
    return center;
  }

  private static InteractionId waiting(ScriptedContactCenter center) {
    return center.tenant.state().waitingLine(GENERAL).getFirst().id();
  }

  // --- helpers -----------------------------------------------------------------------------------

  /**
   * anna (billing 5), ben (billing 2, sales 3), cleo (sales 4); general (30 s wrap-up, 20 s for a
   * preferred agent, two waiting at most, then voicemail), billing (experts first, anyone with
   * billing after 30 s, general after 2 min), sales (rings two at once), vip (cleo only; without
   * her, callers are disconnected).
   */
  private static ScriptedContactCenter dayCenter() {
    return new ScriptedContactCenter(
        List.of(
            AgentProfile.voice("anna", ScriptedOp.skills(5, 0, 0)),
            AgentProfile.voice("ben", ScriptedOp.skills(2, 3, 0)),
            AgentProfile.voice("cleo", ScriptedOp.skills(0, 4, 0))),
        List.of(
            QueueConfig.builder("general")
                .wrapUp(Duration.ofSeconds(30))
                .preferredAgentTimeout(Duration.ofSeconds(20))
                .maxLength(2)
                .overflowAction(new QueueAction.ToVoicemail("general"))
                .build(),
            QueueConfig.builder("billing")
                .skills("billing >= 4")
                .escalateAfter(Duration.ofSeconds(30), "billing >= 1")
                .maxWait(Duration.ofMinutes(2))
                .overflowAction(new QueueAction.ToQueue(GENERAL))
                .build(),
            QueueConfig.builder("sales")
                .skills("sales >= 1")
                .strategy(RoutingStrategyKind.SIMULTANEOUS)
                .simultaneousOffers(2)
                .build(),
            QueueConfig.builder("vip")
                .members(List.of(CLEO))
                .noAgentAction(new QueueAction.Disconnect("prompt:no-agents"))
                .build()));
  }

  private static InteractionId arrive(Tenant tenant) {
    return tenant.arrive(null, Channel.VOICE, "+4930555000", "+4930100", Map.of());
  }

  private static InteractionId queued(Tenant tenant, QueueId queue) {
    InteractionId id = arrive(tenant);
    tenant.enqueue(id, queue, null);
    return id;
  }

  private static AgentState agentState(Tenant tenant, AgentId agent) {
    return tenant.state().agent(agent).state();
  }

  private static ReservationId reservationOf(Tenant tenant, AgentId agent) {
    return tenant.state().agent(agent).reservation();
  }

  private static ReservationId offerOf(Tenant tenant, InteractionId interaction) {
    return tenant.state().interaction(interaction).reservations().getFirst();
  }

  private static Set<Class<?>> kinds(List<TenantEvent> events) {
    return events.stream().map(Object::getClass).collect(Collectors.toSet());
  }

  /** Every event record the sealed event interfaces permit. */
  private static Set<Class<?>> everyEventKind() {
    return Stream.of(InteractionEvent.class, AgentEvent.class, QueueEvent.class)
        .flatMap(type -> Stream.of(type.getPermittedSubclasses()))
        .collect(Collectors.toSet());
  }

  private static TranscriptSegment segment(String text) {
    return new TranscriptSegment(
        "customer", text, Duration.ofSeconds(3), Duration.ofSeconds(1), 0.9);
  }
}
