package io.tandem.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.agent.AgentEvent;
import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentProfile;
import io.tandem.core.agent.AgentState;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.interaction.Channel;
import io.tandem.core.interaction.IllegalTransitionException;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.InteractionState;
import io.tandem.core.presence.Availability;
import io.tandem.core.queue.QueueAction;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueEvent;
import io.tandem.core.queue.QueueId;
import io.tandem.core.queue.RoutingStrategyKind;
import io.tandem.core.routing.Agent;
import io.tandem.core.routing.Interaction;
import io.tandem.core.routing.TenantState;
import io.tandem.core.skill.AgentSkills;
import io.tandem.core.skill.SkillExpression;
import io.tandem.core.tenant.ScriptedOp.AgentCommand;
import io.tandem.core.tenant.ScriptedOp.CallCommand;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.DoubleRange;

/**
 * "Every offer is a reservation with a deadline: nothing can leave an agent or a caller stuck."
 * Random days of arrivals, answers, declines, hang-ups, presence flips, log-outs, transfers and
 * passing time run against one tenant in virtual time; after every step (and every timer instant)
 * the tenant must satisfy {@link ScriptedContactCenter#problems()}, a refused step must change
 * nothing, and at the end, once every timer has fired, nobody may be left reserved and replaying
 * the recorded events must rebuild an equal state.
 *
 * <p>A failure names the shrunk steps (e.g. {@code accept offer#0}, {@code advance 15s}), the trace
 * with real ids and clock times, the last events, and jqwik's seed to rerun it
 * ({@code @Property(seed = "...")}).
 */
class TenantPropertyTest {

  @Property(tries = 400)
  void randomDays_leaveNoAgentOrCallerStuck_andReplayToAnEqualState(
      @ForAll("staff") List<ScriptedContactCenter.AgentSpec> staff,
      @ForAll("days") List<ScriptedOp> day) {
    ScriptedContactCenter center = ScriptedContactCenter.standard(staff);
    center.check("opening");

    day.forEach(center::step);
    center.drain();

    center.assertNothingReserved();
    center.assertReplayRebuildsTheState();
  }

  /**
   * A duplicated or late event is how a log gets corrupted: a recorded event applied once more at a
   * later point of the log must either apply or be rejected with nothing changed, neither the
   * snapshot nor the routing index (replaying the rest of the log routes as if it never came).
   */
  @Property(tries = 300)
  void aRecordedEventAppliedAgainLater_appliesOrIsRejectedChangingNothing(
      @ForAll("staff") List<ScriptedContactCenter.AgentSpec> staff,
      @ForAll("days") List<ScriptedOp> day,
      @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double which,
      @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double when) {
    ScriptedContactCenter center = ScriptedContactCenter.standard(staff);
    day.forEach(center::step);
    List<TenantEvent> log = center.recording.events();
    // Skip the opening configuration: configuring again is legal and would take most tries.
    int configuration =
        (int)
            log.stream()
                .takeWhile(
                    e -> e instanceof AgentEvent.Configured || e instanceof QueueEvent.Configured)
                .count();
    int from = configuration < log.size() ? configuration : 0;
    int again = from + (int) (which * (log.size() - from));
    int at = again + 1 + (int) (when * (log.size() - again));
    TenantState replica = replay(center, log.subList(0, at));
    TenantState untouched = replay(center, log.subList(0, at));

    try {
      replica.apply(log.get(again));
    } catch (IllegalStateException rejected) {
      assertThat(replica.snapshot())
          .as("after rejecting " + log.get(again))
          .isEqualTo(untouched.snapshot());
      assertThat(ScriptedContactCenter.routingDecisions(replica))
          .as("after rejecting " + log.get(again))
          .isEqualTo(ScriptedContactCenter.routingDecisions(untouched));
      for (TenantEvent next : log.subList(at, log.size())) {
        replica.apply(next);
        untouched.apply(next);
        assertThat(ScriptedContactCenter.routingDecisions(replica))
            .as("after rejecting " + log.get(again) + ", then " + next)
            .isEqualTo(ScriptedContactCenter.routingDecisions(untouched));
      }
      assertThat(replica.snapshot()).isEqualTo(untouched.snapshot());
    }
  }

  private static TenantState replay(ScriptedContactCenter center, List<TenantEvent> events) {
    TenantState state = new TenantState(center.tenant.id());
    events.forEach(state::apply);
    return state;
  }

  // --- generators ------------------------------------------------------------------------------

  @Provide
  Arbitrary<List<ScriptedContactCenter.AgentSpec>> staff() {
    Arbitrary<Integer> proficiency = Arbitraries.integers().between(0, 5);
    return Combinators.combine(
            proficiency,
            proficiency,
            proficiency,
            Arbitraries.frequency(Tuple.of(4, false), Tuple.of(1, true)),
            Arbitraries.frequency(Tuple.of(1, false), Tuple.of(3, true)))
        .as(ScriptedContactCenter.AgentSpec::new)
        .list()
        .ofMinSize(3)
        .ofMaxSize(8);
  }

  @Provide
  Arbitrary<List<ScriptedOp>> days() {
    return step()
        .list()
        .ofMinSize(1)
        .ofMaxSize(120)
        .withSizeDistribution(RandomDistribution.uniform());
  }

  private static Arbitrary<ScriptedOp> step() {
    Arbitrary<Integer> pick = Arbitraries.integers().between(0, 9);
    Arbitrary<Integer> agent = Arbitraries.integers().between(0, 7);
    Arbitrary<Integer> queue = Arbitraries.integers().between(0, ScriptedOp.QUEUES.size() - 1);
    Arbitrary<Integer> proficiency = Arbitraries.integers().between(0, 5);
    Arbitrary<Boolean> talking = Arbitraries.frequency(Tuple.of(2, true), Tuple.of(1, false));
    return Arbitraries.frequencyOf(
        Tuple.of(
            8,
            Combinators.combine(
                    queue,
                    Arbitraries.integers().between(-8, 7),
                    Arbitraries.frequency(
                        Tuple.of(6, ScriptedOp.Entry.DIRECT),
                        Tuple.of(2, ScriptedOp.Entry.VIA_ASSISTANT),
                        Tuple.of(1, ScriptedOp.Entry.STAYS_IN_ASSISTANT)))
                .as(ScriptedOp.Arrive::new)),
        Tuple.of(10, pick.map(ScriptedOp.Accept::new)),
        Tuple.of(2, pick.map(ScriptedOp.Decline::new)),
        Tuple.of(
            6,
            Arbitraries.frequencyOf(
                    Tuple.of(3, Arbitraries.integers().between(1, 20)),
                    Tuple.of(1, Arbitraries.integers().between(20, 150)))
                .map(ScriptedOp.Advance::new)),
        Tuple.of(8, Combinators.combine(pick, talking, callCommand()).as(ScriptedOp.OnCall::new)),
        Tuple.of(5, Combinators.combine(agent, agentCommand()).as(ScriptedOp.ByAgent::new)),
        Tuple.of(
            2,
            Combinators.combine(
                    agent,
                    Arbitraries.of(
                        Availability.AVAILABLE,
                        Availability.BUSY,
                        Availability.DO_NOT_DISTURB,
                        Availability.AWAY))
                .as(ScriptedOp.Presence::new)),
        Tuple.of(1, Combinators.combine(pick, queue).as(ScriptedOp.RequestCallback::new)),
        Tuple.of(2, Combinators.combine(pick, talking, queue).as(ScriptedOp.TransferToQueue::new)),
        Tuple.of(
            1,
            Combinators.combine(pick, Arbitraries.integers().between(0, 100))
                .as(ScriptedOp.Prioritize::new)),
        Tuple.of(
            1,
            Combinators.combine(pick, Arbitraries.of(ScriptedOp.Exit.class), queue)
                .as(ScriptedOp.LeaveAssistant::new)),
        Tuple.of(
            1,
            Combinators.combine(agent, proficiency, proficiency, proficiency)
                .as(ScriptedOp.Reskill::new)),
        Tuple.of(
            1,
            Combinators.combine(queue, Arbitraries.of(ScriptedOp.QueueChange.class))
                .as(ScriptedOp.ChangeQueue::new)));
  }

  private static Arbitrary<CallCommand> callCommand() {
    return Arbitraries.frequency(
        Tuple.of(4, CallCommand.CUSTOMER_HANGS_UP),
        Tuple.of(5, CallCommand.AGENT_HANGS_UP),
        Tuple.of(2, CallCommand.HOLD),
        Tuple.of(2, CallCommand.RESUME),
        Tuple.of(1, CallCommand.CONSULT),
        Tuple.of(1, CallCommand.CONFERENCE),
        Tuple.of(1, CallCommand.START_TRANSFER),
        Tuple.of(1, CallCommand.TRANSFER_FAILED),
        Tuple.of(1, CallCommand.TRANSFER_COMPLETED),
        Tuple.of(1, CallCommand.FAIL),
        Tuple.of(1, CallCommand.END));
  }

  private static Arbitrary<AgentCommand> agentCommand() {
    return Arbitraries.frequency(
        Tuple.of(1, AgentCommand.LOG_IN),
        Tuple.of(3, AgentCommand.LOG_IN_READY),
        Tuple.of(2, AgentCommand.LOG_OUT),
        Tuple.of(4, AgentCommand.READY),
        Tuple.of(2, AgentCommand.NOT_READY),
        Tuple.of(3, AgentCommand.COMPLETE_WRAP_UP));
  }

  // --- bugs the property found, each pinned by an example ---------------------------------------

  private static final AgentId A1 = new AgentId("a1");
  private static final AgentId A2 = new AgentId("a2");

  @Example
  void ready_whileLoggedOut_isRefused() {
    ScriptedContactCenter center = center(QueueConfig.builder("general").build());

    assertThatThrownBy(() -> center.tenant.ready(A1))
        .isInstanceOf(IllegalTransitionException.class);

    assertThat(center.tenant.state().agent(A1).state()).isEqualTo(AgentState.OFFLINE);
    center.check("ready while logged out");
  }

  @Example
  void ready_whileOnACall_isRefused() {
    ScriptedContactCenter center = center(QueueConfig.builder("general").build());
    Tenant tenant = center.tenant;
    tenant.logIn(A1, true);
    InteractionId call = arrive(tenant, "general");
    tenant.acceptOffer(tenant.state().agent(A1).reservation());

    assertThatThrownBy(() -> tenant.ready(A1)).isInstanceOf(IllegalTransitionException.class);

    assertThat(tenant.state().agent(A1).state()).isEqualTo(AgentState.BUSY);
    assertThat(tenant.state().agent(A1).interaction()).isEqualTo(call);
    center.check("ready while busy");
  }

  @Example
  void answeringASimultaneousOffer_givesTheOtherRungAgentTheNextWaitingCall() {
    ScriptedContactCenter center =
        center(
            QueueConfig.builder("sales")
                .strategy(RoutingStrategyKind.SIMULTANEOUS)
                .simultaneousOffers(2)
                .build());
    Tenant tenant = center.tenant;
    tenant.logIn(A1, true);
    tenant.logIn(A2, true);
    arrive(tenant, "sales");
    InteractionId second = arrive(tenant, "sales");

    tenant.acceptOffer(tenant.state().agent(A1).reservation());

    Agent other = tenant.state().agent(A2);
    assertThat(other.state()).isEqualTo(AgentState.RESERVED);
    assertThat(tenant.state().reservation(other.reservation()).interaction()).isEqualTo(second);
    center.check("answer");
  }

  @Example
  void wrapUpAfterATransferToQueue_leavesTheCallWithItsNewAgent() {
    ScriptedContactCenter center = transferCenter();
    Tenant tenant = center.tenant;
    tenant.logIn(A1, true);
    tenant.logIn(A2, true);
    InteractionId call = arrive(tenant, "first");
    tenant.acceptOffer(tenant.state().agent(A1).reservation());
    tenant.work().transferToQueue(call, new QueueId("second"));
    tenant.acceptOffer(tenant.state().agent(A2).reservation());

    center.advance(Duration.ofSeconds(30)); // a1's wrap-up runs out

    assertThat(tenant.state().agent(A1).state()).isEqualTo(AgentState.READY);
    assertThat(tenant.state().interaction(call).state()).isEqualTo(InteractionState.CONNECTED);
    assertThat(tenant.state().agent(A2).state()).isEqualTo(AgentState.BUSY);
    center.check("wrap-up after transfer");
  }

  @Example
  void wrapUpAfterATransferToQueue_whileTheCallStillWaits_freesTheAgent() {
    ScriptedContactCenter center = transferCenter();
    Tenant tenant = center.tenant;
    tenant.logIn(A1, true);
    InteractionId call = arrive(tenant, "first");
    tenant.acceptOffer(tenant.state().agent(A1).reservation());
    tenant.work().transferToQueue(call, new QueueId("second"));

    tenant.completeWrapUp(A1, "transferred", null);

    assertThat(tenant.state().agent(A1).state()).isEqualTo(AgentState.READY);
    assertThat(tenant.state().interaction(call).state()).isEqualTo(InteractionState.QUEUED);
    center.check("wrap-up after transfer");
  }

  @Example
  void prioritizingARingingCall_ranksItByTheNewPriorityOnceBackInTheQueue() {
    ScriptedContactCenter center = center(QueueConfig.builder("general").priority(5).build());
    Tenant tenant = center.tenant;
    tenant.logIn(A1, true);
    InteractionId call = arrive(tenant, "general");

    tenant.setRequirements(call, 40, SkillExpression.ANY, null);
    tenant.declineOffer(tenant.state().interaction(call).reservations().getFirst());

    assertThat(tenant.state().interaction(call).state()).isEqualTo(InteractionState.QUEUED);
    assertThat(tenant.state().interaction(call).queueRank()).isEqualTo(45);
    center.check("decline");
  }

  @Example
  void failingACallInWrapUp_isRefused_andTheWrapUpStillRunsOut() {
    ScriptedContactCenter center =
        center(QueueConfig.builder("general").wrapUp(Duration.ofSeconds(30)).build());
    Tenant tenant = center.tenant;
    tenant.logIn(A1, true);
    InteractionId call = arrive(tenant, "general");
    tenant.acceptOffer(tenant.state().agent(A1).reservation());
    tenant.customerHungUp(call);

    assertThatThrownBy(() -> tenant.fail(call, "media-lost"))
        .isInstanceOf(IllegalTransitionException.class);
    center.check("refused fail");
    center.advance(Duration.ofSeconds(30));

    assertThat(tenant.state().agent(A1).state()).isEqualTo(AgentState.READY);
    assertThat(tenant.state().interaction(call)).isNull();
  }

  @Example
  void removeQueue_whileACallInItRings_isRefused() {
    ScriptedContactCenter center = center(QueueConfig.builder("general").build());
    Tenant tenant = center.tenant;
    tenant.logIn(A1, true);
    arrive(tenant, "general");

    assertThatThrownBy(() -> tenant.removeQueue(new QueueId("general")))
        .isInstanceOf(IllegalTransitionException.class);
    center.advance(Duration.ofSeconds(15)); // the offer times out and the call waits again

    assertThat(tenant.state().waitingIn(new QueueId("general"))).isEqualTo(1);
    center.check("ring timeout");
  }

  @Example
  void removeQueue_thatAnotherQueueOverflowsTo_isRefused() {
    ScriptedContactCenter center =
        center(
            QueueConfig.builder("general").build(),
            QueueConfig.builder("billing")
                .maxWait(Duration.ofSeconds(60))
                .overflowAction(new QueueAction.ToQueue(new QueueId("general")))
                .build());
    Tenant tenant = center.tenant;
    InteractionId call = arrive(tenant, "billing");

    assertThatThrownBy(() -> tenant.removeQueue(new QueueId("general")))
        .isInstanceOf(IllegalTransitionException.class);
    center.advance(Duration.ofSeconds(60));

    assertThat(tenant.state().interaction(call).queue()).isEqualTo(new QueueId("general"));
    center.check("max wait");
  }

  @Example
  void raisingAQueuesPriority_keepsItsWaitingCallsAheadOfLaterOnes() {
    QueueConfig general = QueueConfig.builder("general").priority(10).build();
    ScriptedContactCenter center = center(general);
    Tenant tenant = center.tenant;
    InteractionId first = arrive(tenant, "general");

    tenant.configureQueue(general.toBuilder().priority(40).build());
    InteractionId second = arrive(tenant, "general");

    assertThat(tenant.state().waitingLine(general.id()))
        .extracting(Interaction::id)
        .containsExactly(first, second);
    center.check("reprioritized queue");
  }

  @Example
  void transferToAFullQueue_overflowsTheCall_insteadOfFailingHalfway() {
    ScriptedContactCenter center =
        center(
            QueueConfig.builder("first").members(List.of(A1)).build(),
            QueueConfig.builder("general")
                .maxLength(1)
                .overflowAction(new QueueAction.ToVoicemail("general"))
                .build());
    Tenant tenant = center.tenant;
    tenant.logIn(A1, true);
    InteractionId transferred = arrive(tenant, "first");
    tenant.acceptOffer(tenant.state().agent(A1).reservation());
    tenant.logIn(A2, true);
    arrive(tenant, "general"); // rings a2
    arrive(tenant, "general"); // waits
    center.advance(Duration.ofSeconds(15)); // a2 does not answer: two wait in a queue for one

    tenant.work().transferToQueue(transferred, new QueueId("general"));

    assertThat(tenant.state().interaction(transferred).state())
        .isEqualTo(InteractionState.VOICEMAIL);
    assertThat(tenant.state().agent(A1).state()).isEqualTo(AgentState.RESERVED);
    center.check("transfer to a full queue");
  }

  @Example
  void callbackTransferredToAQueue_overflowsAtMaxWaitLikeAnyCaller() {
    ScriptedContactCenter center = callbackCenter();
    Tenant tenant = center.tenant;
    InteractionId callback = connectedCallback(tenant);

    tenant.work().transferToQueue(callback, new QueueId("billing"));
    center.advance(Duration.ofSeconds(60));

    assertThat(center.recording.ended()).containsEntry(callback, "ended:disconnected");
    center.check("max wait");
  }

  @Example
  void callbackTransferredToAQueue_isAbandonedWhenTheCallerHangsUpWhileItRings() {
    ScriptedContactCenter center = callbackCenter();
    Tenant tenant = center.tenant;
    InteractionId callback = connectedCallback(tenant);
    tenant.work().transferToQueue(callback, new QueueId("billing"));
    tenant.logIn(A2, true);

    tenant.customerHungUp(callback);

    assertThat(center.recording.ended()).containsEntry(callback, "abandoned");
    assertThat(tenant.state().agent(A2).state()).isEqualTo(AgentState.READY);
    center.check("hang-up");
  }

  /** "callbacks" is a1's queue; "billing" is a2's and disconnects after a minute's wait. */
  private static ScriptedContactCenter callbackCenter() {
    return center(
        QueueConfig.builder("callbacks").members(List.of(A1)).build(),
        QueueConfig.builder("billing")
            .members(List.of(A2))
            .maxWait(Duration.ofSeconds(60))
            .overflowAction(new QueueAction.Disconnect("prompt:sorry"))
            .build());
  }

  /** A callback request that a1 took and is now talking on. */
  private static InteractionId connectedCallback(Tenant tenant) {
    InteractionId id = tenant.arrive(null, Channel.VOICE, "+4930555000", "+4930100", Map.of());
    tenant.startVirtualAssistant(id, "main-menu");
    tenant.requestCallback(id, new QueueId("callbacks"), "+4917012345");
    tenant.logIn(A1, true);
    tenant.acceptOffer(tenant.state().agent(A1).reservation());
    return id;
  }

  @Example
  void reconfiguringAQueue_appliesItsNewStagesToCallsAlreadyWaiting() {
    QueueConfig sales =
        QueueConfig.builder("sales")
            .skills("sales >= 3")
            .escalateAfter(Duration.ofSeconds(20), "sales >= 1")
            .build();
    ScriptedContactCenter center = center(sales);
    Tenant tenant = center.tenant;
    InteractionId call = arrive(tenant, "sales");

    tenant.configureQueue(sales.toBuilder().skills("any").build());
    center.advance(Duration.ofSeconds(20));

    assertThat(tenant.state().interaction(call).stage()).isZero();
    center.check("after the old escalation time");
  }

  @Example
  void reconfiguringAQueue_fitsACallHeldForItsPreferredAgentToTheNewStages() {
    QueueConfig sales =
        QueueConfig.builder("sales")
            .skills("sales >= 3")
            .escalateAfter(Duration.ofSeconds(20), "sales >= 1")
            .preferredAgentTimeout(Duration.ofMinutes(1))
            .build();
    ScriptedContactCenter center = center(sales);
    Tenant tenant = center.tenant;
    tenant.logIn(A1, false);
    InteractionId call = tenant.arrive(null, Channel.VOICE, "+4930555000", "+4930100", Map.of());
    tenant.enqueue(call, sales.id(), A1);
    center.advance(Duration.ofSeconds(20));

    tenant.configureQueue(sales.toBuilder().skills("any").build());

    assertThat(tenant.state().interaction(call).preferredAgent()).isEqualTo(A1);
    assertThat(tenant.state().interaction(call).stage()).isZero();
    center.check("reconfigured");
  }

  @Example
  void shorteningAQueuesMaxWait_appliesToCallsAlreadyWaiting() {
    QueueConfig billing =
        QueueConfig.builder("billing")
            .maxWait(Duration.ofMinutes(5))
            .overflowAction(new QueueAction.Disconnect("prompt:sorry"))
            .build();
    ScriptedContactCenter center = center(billing);
    Tenant tenant = center.tenant;
    InteractionId call = arrive(tenant, "billing");

    tenant.configureQueue(billing.toBuilder().maxWait(Duration.ofMinutes(1)).build());
    center.advance(Duration.ofMinutes(1));

    assertThat(center.recording.ended()).containsEntry(call, "ended:disconnected");
    center.check("new max wait");
  }

  /** Agents a1 and a2 (no skills, logged out) and the given queues. */
  private static ScriptedContactCenter center(QueueConfig... queues) {
    return new ScriptedContactCenter(
        List.of(
            AgentProfile.voice("a1", AgentSkills.NONE), AgentProfile.voice("a2", AgentSkills.NONE)),
        List.of(queues));
  }

  /** "first" is a1's queue with 30 s wrap-up, "second" is a2's. */
  private static ScriptedContactCenter transferCenter() {
    return center(
        QueueConfig.builder("first").members(List.of(A1)).wrapUp(Duration.ofSeconds(30)).build(),
        QueueConfig.builder("second").members(List.of(A2)).build());
  }

  private static InteractionId arrive(Tenant tenant, String queue) {
    InteractionId id = tenant.arrive(null, Channel.VOICE, "+4930555000", "+4930100", Map.of());
    tenant.enqueue(id, new QueueId(queue), null);
    return id;
  }
}
