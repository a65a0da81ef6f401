package io.tandem.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.agent.AgentEvent;
import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentProfile;
import io.tandem.core.agent.AgentState;
import io.tandem.core.event.TenantEvent;
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
 * contradict the state are rejected; snapshots tell different states apart.
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
    tenant.customerHungUp(invoice);
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

    // general holds two; the third caller goes to voicemail and hangs up there; of the two
    // waiting, one abandons and one's line fails.
    InteractionId first = queued(tenant, GENERAL);
    InteractionId second = queued(tenant, GENERAL);
    InteractionId third = queued(tenant, GENERAL);
    assertThat(tenant.state().interaction(third).state()).isEqualTo(InteractionState.VOICEMAIL);
    tenant.customerHungUp(third);
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
    assertThat(center.recording.ended()).hasSize(8);
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

  @Test
  void connectedForAnUnknownReservation_throwsAndChangesNothing() {
    ContradictionFixture fixture = new ContradictionFixture();
    TenantState replica = fixture.replay();
    TenantSnapshot before = replica.snapshot();

    assertThatThrownBy(
            () ->
                replica.apply(
                    new InteractionEvent.Connected(
                        new InteractionId("i2"),
                        new ReservationId("r99"),
                        new AgentId("a1"),
                        fixture.now())))
        .isInstanceOf(IllegalStateException.class);

    assertThat(replica.snapshot()).isEqualTo(before);
  }

  /**
   * Rejection is all the state promises: some events are rejected only halfway through applying
   * them (e.g. Connected while another offer is live), which a replay of a real log never meets.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("contradictions")
  void applyingAnEventThatContradictsTheState_throws(
      String what, Function<Instant, TenantEvent> contradiction) {
    ContradictionFixture fixture = new ContradictionFixture();
    TenantState replica = fixture.replay();

    assertThatThrownBy(() -> replica.apply(contradiction.apply(fixture.now())))
        .isInstanceOf(IllegalStateException.class);
  }

  static Stream<Arguments> contradictions() {
    InteractionId connected = new InteractionId("i1");
    InteractionId ringing = new InteractionId("i2");
    InteractionId waiting = new InteractionId("i3");
    AgentId a1 = new AgentId("a1");
    AgentId a3 = new AgentId("a3");
    Map<String, Function<Instant, TenantEvent>> cases = new LinkedHashMap<>();
    cases.put(
        "Connected for an unknown reservation",
        at -> new InteractionEvent.Connected(ringing, new ReservationId("r99"), a1, at));
    cases.put(
        "Connected while the other simultaneous offer is live",
        at -> new InteractionEvent.Connected(ringing, new ReservationId("r2"), a1, at));
    cases.put(
        "Offered for an unknown interaction",
        at ->
            new InteractionEvent.Offered(
                new InteractionId("i99"), new ReservationId("r9"), a1, at.plusSeconds(15), at));
    cases.put(
        "Queued into an unknown queue",
        at -> new InteractionEvent.Queued(waiting, new QueueId("nowhere"), null, null, at));
    cases.put(
        "Arrived twice",
        at ->
            new InteractionEvent.Arrived(
                connected, Channel.VOICE, "+4930555000", "+4930100", Map.of(), 9, at));
    cases.put(
        "OfferDeclined for an answered offer",
        at -> new InteractionEvent.OfferDeclined(connected, new ReservationId("r1"), a3, at));
    cases.put(
        "WrapUpCompleted for an agent still talking",
        at -> new InteractionEvent.WrapUpCompleted(connected, a3, "solved", null, false, at));
    cases.put("LoggedOut while an offer rings", at -> new AgentEvent.LoggedOut(a1, at));
    cases.put(
        "Disconnected for a waiting call",
        at -> new InteractionEvent.Disconnected(waiting, a1, DisconnectedBy.AGENT, null, at));
    cases.put("Held for a waiting call", at -> new InteractionEvent.Held(waiting, at));
    cases.put("Removed for a queue with a waiting call", at -> new QueueEvent.Removed(GENERAL, at));
    cases.put(
        "BecameReady for an unknown agent",
        at -> new AgentEvent.BecameReady(new AgentId("zed"), at));
    cases.put(
        "Offered to an agent on a call",
        at ->
            new InteractionEvent.Offered(
                waiting, new ReservationId("r9"), a3, at.plusSeconds(15), at));
    cases.put("Ended for a waiting call", at -> new InteractionEvent.Ended(waiting, "gone", at));
    cases.put(
        "Abandoned for a connected call", at -> new InteractionEvent.Abandoned(connected, at));
    return cases.entrySet().stream().map(c -> Arguments.of(c.getKey(), c.getValue()));
  }

  /**
   * i1 connected with a3 (offer r1), i2 ringing a1 and a2 at once (r2, r3), i3 waiting in general.
   */
  private static final class ContradictionFixture {
    final ScriptedContactCenter center =
        new ScriptedContactCenter(
            List.of(
                AgentProfile.voice("a1", ScriptedOp.skills(0, 1, 0)),
                AgentProfile.voice("a2", ScriptedOp.skills(0, 1, 0)),
                AgentProfile.voice("a3", ScriptedOp.skills(0, 0, 0))),
            List.of(
                QueueConfig.builder("general").members(List.of(new AgentId("a3"))).build(),
                QueueConfig.builder("sales")
                    .skills("sales >= 1")
                    .strategy(RoutingStrategyKind.SIMULTANEOUS)
                    .simultaneousOffers(2)
                    .build()));

    ContradictionFixture() {
      Tenant tenant = center.tenant;
      tenant.logIn(new AgentId("a3"), true);
      InteractionId first = queued(tenant, GENERAL);
      tenant.acceptOffer(offerOf(tenant, first));
      tenant.logIn(new AgentId("a1"), true);
      tenant.logIn(new AgentId("a2"), true);
      queued(tenant, SALES);
      queued(tenant, GENERAL);
      center.check("fixture");
    }

    TenantState replay() {
      TenantState replica = new TenantState(center.tenant.id());
      center.recording.events().forEach(replica::apply);
      return replica;
    }

    Instant now() {
      return center.time.instant();
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
}
