package io.tandem.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentProfile;
import io.tandem.core.agent.AgentState;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.interaction.Channel;
import io.tandem.core.interaction.IllegalTransitionException;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.InteractionState;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.routing.Agent;
import io.tandem.core.routing.Interaction;
import io.tandem.core.routing.Reservation;
import io.tandem.core.routing.RoutingEngine;
import io.tandem.core.routing.TenantSnapshot;
import io.tandem.core.routing.TenantState;
import io.tandem.core.routing.strategy.RoutingStrategies;
import io.tandem.core.time.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A scripted contact center for {@link TenantPropertyTest}: one {@link Tenant} on {@link
 * VirtualTime} with a {@link RecordingScheduler} and a {@link RecordingListener}. It runs {@link
 * ScriptedOp steps}, lets time pass one timer instant at a time, and checks the tenant's invariants
 * ({@link #problems()}) after each; every failure carries the trace of steps with real ids and
 * clock times, and the last events.
 */
/** One tenant on virtual time with its recorders; runs steps and checks the invariants. */
final class ScriptedContactCenter implements ScriptedOp.Cast {

  /** One agent of the generated staff; {@code 0} proficiency means the skill is absent. */
  record AgentSpec(int billing, int sales, int tech, boolean voiceOnly, boolean startsReady) {
    AgentProfile profile(AgentId id) {
      return new AgentProfile(
          id,
          id.value(),
          ScriptedOp.skills(billing, sales, tech),
          voiceOnly ? Map.of(Channel.VOICE, 1) : Map.of(Channel.VOICE, 1, Channel.CALLBACK, 1),
          null);
    }

    @Override
    public String toString() {
      return "billing="
          + billing
          + " sales="
          + sales
          + " tech="
          + tech
          + (voiceOnly ? " voice-only" : "")
          + (startsReady ? " ready" : "");
    }
  }

  private static final Instant OPENING = Instant.parse("2026-03-02T08:00:00Z");
  private static final int MAX_TIMER_INSTANTS = 10_000;

  final VirtualTime time = new VirtualTime(OPENING);
  final RecordingScheduler scheduler = new RecordingScheduler(time);
  final Tenant tenant = new Tenant(new TenantId("acme"), time, scheduler);
  final RecordingListener recording = new RecordingListener(time, tenant.id());
  private final List<AgentId> agents = new ArrayList<>();
  private final List<String> trace = new ArrayList<>();
  private final List<String> eventProblems = new ArrayList<>();

  /** A tenant with these agents (logged out) and queues. */
  ScriptedContactCenter(List<AgentProfile> staff, List<QueueConfig> queues) {
    tenant.addListener(recording);
    tenant.addListener(this::judgeDecision);
    staff.forEach(
        profile -> {
          agents.add(profile.id());
          tenant.configureAgent(profile);
        });
    queues.forEach(tenant::configureQueue);
  }

  /** The standard queues with a generated staff {@code a1, a2 …}, some logged in ready. */
  static ScriptedContactCenter standard(List<AgentSpec> staff) {
    List<AgentProfile> profiles = new ArrayList<>();
    for (int i = 0; i < staff.size(); i++) {
      profiles.add(staff.get(i).profile(new AgentId("a" + (i + 1))));
    }
    ScriptedContactCenter center = new ScriptedContactCenter(profiles, ScriptedOp.standardQueues());
    for (int i = 0; i < staff.size(); i++) {
      center.trace.add("         " + profiles.get(i).id() + ": " + staff.get(i));
      if (staff.get(i).startsReady()) {
        center.tenant.logIn(profiles.get(i).id(), true);
      }
    }
    return center;
  }

  // --- Cast ---

  @Override
  public Tenant tenant() {
    return tenant;
  }

  @Override
  public AgentId agent(int index) {
    return agents.get(index % agents.size());
  }

  @Override
  public @Nullable Interaction call(int index, boolean talking) {
    List<Interaction> live =
        tenant.state().interactions().stream()
            .filter(i -> !talking || i.state().isWithAgent())
            .sorted(Comparator.comparingLong(Interaction::arrivalOrder))
            .toList();
    return live.isEmpty() ? null : live.get(index % live.size());
  }

  @Override
  public @Nullable Reservation offer(int index) {
    List<Reservation> live =
        tenant.state().reservations().stream()
            .sorted(Comparator.comparingLong(r -> Long.parseLong(r.id().value().substring(1))))
            .toList();
    return live.isEmpty() ? null : live.get(index % live.size());
  }

  /** Lets time pass one timer instant at a time, checking the invariants after each. */
  @Override
  public void advance(Duration by) {
    Instant until = time.instant().plus(by);
    for (int i = 0; i < MAX_TIMER_INSTANTS; i++) {
      Instant next = scheduler.liveTimers().stream().min(Comparator.naturalOrder()).orElse(null);
      if (next == null || next.isAfter(until)) {
        time.advanceTo(until);
        return;
      }
      time.advanceTo(next.isBefore(time.instant()) ? time.instant() : next);
      check("timers due at " + clock());
    }
    throw failure("timers keep firing without end", null);
  }

  /** Fires every timer there is; a day must come to rest. */
  void drain() {
    trace.add(clock() + " drain: fire every pending timer");
    for (int i = 0; i < MAX_TIMER_INSTANTS && !scheduler.liveTimers().isEmpty(); i++) {
      advance(Duration.ofHours(1));
    }
    if (!scheduler.liveTimers().isEmpty() || tenant.pendingTimers() != 0) {
      throw failure("timers keep firing without end", null);
    }
    check("drain");
  }

  // --- steps ---

  /** Runs one step; if the tenant refuses it, asserts that nothing changed. */
  void step(ScriptedOp op) {
    TenantSnapshot before = tenant.state().snapshot();
    int eventsBefore = recording.eventCount();
    List<Instant> timersBefore = scheduler.liveTimers();
    String did;
    try {
      did = op.run(this);
    } catch (IllegalTransitionException | IllegalArgumentException refused) {
      if (!op.refusable()) {
        throw failure(op + " threw", refused);
      }
      trace.add(clock() + " " + op + "  ⇒ refused: " + refused.getMessage());
      List<String> changes = new ArrayList<>();
      if (!tenant.state().snapshot().equals(before)) {
        changes.add("the state changed");
      }
      if (recording.eventCount() != eventsBefore) {
        changes.add("it emitted" + recording.lastEvents(recording.eventCount() - eventsBefore));
      }
      if (!scheduler.liveTimers().equals(timersBefore)) {
        changes.add("the timers changed");
      }
      if (!changes.isEmpty()) {
        throw failure("a refused step changed something: " + changes, null);
      }
      return;
    } catch (RuntimeException unexpected) {
      throw failure(op + " threw", unexpected);
    }
    trace.add(clock() + " " + op + "  ⇒ " + did);
    check(op.toString());
  }

  void check(String after) {
    List<String> problems = problems();
    if (!problems.isEmpty()) {
      throw failure("after " + after + ":\n  - " + String.join("\n  - ", problems), null);
    }
  }

  private AssertionError failure(String what, @Nullable Throwable cause) {
    return new AssertionError(
        what
            + "\ntrace:\n  "
            + String.join("\n  ", trace)
            + "\nlast events:"
            + recording.lastEvents(30),
        cause);
  }

  private String clock() {
    return LocalTime.ofInstant(time.instant(), ZoneOffset.UTC).toString();
  }

  // --- the invariants ---

  /** Everything wrong with the tenant now; empty when all invariants hold. */
  List<String> problems() {
    List<String> problems = new ArrayList<>(recording.violations());
    problems.addAll(eventProblems);
    TenantState state = tenant.state();
    checkAgents(state, problems);
    checkReservations(state, problems);
    checkInteractions(state, problems);
    checkWaitingCounts(state, problems);
    checkWorkConserving(state, problems);
    checkNothingLost(state, problems);
    if (tenant.pendingTimers() != scheduler.liveTimers().size()) {
      problems.add(
          "the tenant counts "
              + tenant.pendingTimers()
              + " pending timers, the scheduler "
              + scheduler.liveTimers().size());
    }
    if (!recording.replica().snapshot().equals(state.snapshot())) {
      problems.add("replaying the events so far gives a different state");
    }
    return problems;
  }

  private void checkAgents(TenantState state, List<String> problems) {
    for (Agent agent : state.agents()) {
      switch (agent.state()) {
        case RESERVED -> {
          Reservation reservation =
              agent.reservation() == null ? null : state.reservation(agent.reservation());
          long offers =
              state.reservations().stream().filter(r -> r.agent().equals(agent.id())).count();
          if (reservation == null || !reservation.agent().equals(agent.id()) || offers != 1) {
            problems.add(agent + " is reserved by " + agent.reservation() + ", has " + offers);
          }
        }
        case BUSY -> {
          Interaction with = interactionOf(state, agent);
          if (with == null || !with.state().isWithAgent() || !agent.id().equals(with.agent())) {
            problems.add(agent + " is busy with " + agent.interaction() + " = " + with);
          }
        }
        case WRAP_UP -> {
          Interaction with = interactionOf(state, agent);
          boolean ownWrapUp =
              with != null
                  && with.state() == InteractionState.WRAP_UP
                  && agent.id().equals(with.agent());
          boolean transferWrapUp =
              agent.interaction() != null
                  && agent.interaction().equals(recording.transferWrapUpOf(agent.id()));
          if (!ownWrapUp && !transferWrapUp) {
            problems.add(agent + " wraps up " + agent.interaction() + " = " + with);
          }
        }
        case OFFLINE, READY, NOT_READY -> {
          if (agent.interaction() != null) {
            problems.add(agent + " still holds " + agent.interaction());
          }
        }
      }
      if (agent.state() != AgentState.RESERVED && agent.reservation() != null) {
        problems.add(agent + " still holds offer " + agent.reservation());
      }
    }
  }

  private static @Nullable Interaction interactionOf(TenantState state, Agent agent) {
    return agent.interaction() == null ? null : state.interaction(agent.interaction());
  }

  private void checkReservations(TenantState state, List<String> problems) {
    Map<Instant, Integer> timers = new HashMap<>();
    scheduler.liveTimers().forEach(at -> timers.merge(at, 1, Integer::sum));
    Instant now = time.instant();
    for (Reservation reservation : state.reservations()) {
      Agent agent = state.agent(reservation.agent());
      if (agent == null
          || agent.state() != AgentState.RESERVED
          || !reservation.id().equals(agent.reservation())) {
        problems.add("live " + reservation + " but its agent is " + agent);
      }
      Interaction interaction = state.interaction(reservation.interaction());
      if (interaction == null
          || interaction.state() != InteractionState.RESERVED
          || !interaction.reservations().contains(reservation.id())) {
        problems.add("live " + reservation + " but its interaction is " + interaction);
      }
      if (reservation.deadline().isBefore(now)) {
        problems.add("live " + reservation + " is past its deadline");
      }
      if (timers.merge(reservation.deadline(), -1, Integer::sum) < 0) {
        problems.add("live " + reservation + " has no timer at its deadline");
      }
    }
  }

  private void checkInteractions(TenantState state, List<String> problems) {
    for (Interaction interaction : state.interactions()) {
      InteractionState is = interaction.state();
      if (is.isTerminal() || is == InteractionState.OVERFLOWED) {
        problems.add("live interaction " + interaction + " is in a passing or final state");
      }
      if ((is == InteractionState.RESERVED) == interaction.reservations().isEmpty()) {
        problems.add(interaction + " has offers " + interaction.reservations());
      }
      for (var id : interaction.reservations()) {
        Reservation reservation = state.reservation(id);
        if (reservation == null || !reservation.interaction().equals(interaction.id())) {
          problems.add(interaction + " lists offer " + id + " = " + reservation);
        }
      }
      if (is.isWithAgent() || is == InteractionState.WRAP_UP) {
        Agent agent = interaction.agent() == null ? null : state.agent(interaction.agent());
        AgentState expected = is.isWithAgent() ? AgentState.BUSY : AgentState.WRAP_UP;
        if (agent == null
            || agent.state() != expected
            || !interaction.id().equals(agent.interaction())) {
          problems.add(interaction + " is with " + interaction.agent() + " = " + agent);
        }
      }
      if (is.isWaiting()) {
        QueueConfig queue = state.queue(interaction.queue());
        if (interaction.queueRank() != queue.priority() + interaction.priority()) {
          problems.add(
              interaction
                  + " waits with rank "
                  + interaction.queueRank()
                  + ", not queue priority + own priority");
        }
        if (interaction.state() == InteractionState.QUEUED
            && queue.maxWait() != null
            && !time.instant().isBefore(interaction.queuedAt().plus(queue.maxWait()))
            && scheduler.liveTimers().stream().noneMatch(at -> !at.isAfter(time.instant()))) {
          problems.add(interaction + " waits in " + queue.id() + " beyond its max wait");
        }
        if (interaction.stage() >= queue.stages().size()) {
          problems.add(
              interaction + " waits at stage " + interaction.stage() + " of " + queue.id());
        }
        boolean someoneLoggedIn =
            state.agents().stream()
                .anyMatch(a -> a.state().isLoggedIn() && couldServe(a, queue, interaction, WIDEST));
        if (state.hasLoggedInAgentFor(interaction) != someoneLoggedIn) {
          problems.add(
              "hasLoggedInAgentFor(" + interaction + ") is wrong; logged in: " + state.agents());
        }
      }
    }
  }

  private void checkWaitingCounts(TenantState state, List<String> problems) {
    for (QueueConfig queue : state.queues()) {
      Set<InteractionId> waiting =
          state.interactions().stream()
              .filter(i -> i.state().isWaiting() && queue.id().equals(i.queue()))
              .map(Interaction::id)
              .collect(Collectors.toSet());
      Set<InteractionId> line =
          state.waitingLine(queue.id()).stream().map(Interaction::id).collect(Collectors.toSet());
      if (state.waitingIn(queue.id()) != waiting.size() || !line.equals(waiting)) {
        problems.add(
            queue.id()
                + " counts "
                + state.waitingIn(queue.id())
                + " waiting, lines up "
                + line
                + ", but "
                + waiting
                + " wait there");
      }
      List<Interaction> inOrder = state.waitingLine(queue.id());
      for (int i = 0; i < inOrder.size(); i++) {
        int position = state.positionIn(queue.id(), inOrder.get(i).id());
        if (position != i + 1) {
          problems.add(
              inOrder.get(i).id()
                  + " is number "
                  + (i + 1)
                  + " in "
                  + queue.id()
                  + ", not "
                  + position);
        }
      }
    }
  }

  /** No ready agent idles while a waiting interaction it may take waits. */
  private static void checkWorkConserving(TenantState state, List<String> problems) {
    RoutingEngine engine = new RoutingEngine(state, new RoutingStrategies());
    for (Agent agent : state.agents()) {
      Interaction work = engine.workFor(agent);
      if (work != null) {
        problems.add(agent + " idles (" + agent.presence() + ") while " + work + " waits");
      }
    }
    for (Interaction interaction : state.interactions()) {
      if (interaction.state().isWaiting() && !engine.agentsFor(interaction).isEmpty()) {
        problems.add(
            interaction + " waits while " + engine.agentsFor(interaction) + " could take it");
      }
    }
  }

  /**
   * What routing would decide on {@code state} now: the work for each agent, the agents for each
   * waiting interaction and whether anyone logged in could take it. It reads the routing index,
   * which {@link TenantState#snapshot} does not show.
   */
  static Map<String, String> routingDecisions(TenantState state) {
    RoutingEngine engine = new RoutingEngine(state, new RoutingStrategies());
    Map<String, String> decisions = new java.util.TreeMap<>();
    for (Agent agent : state.agents()) {
      Interaction work = engine.workFor(agent);
      decisions.put("work for " + agent.id(), work == null ? "none" : work.id().value());
    }
    for (Interaction interaction : state.interactions()) {
      if (interaction.state().isWaiting()) {
        decisions.put(
            "agents for " + interaction.id(),
            engine.agentsFor(interaction).stream().map(Agent::id).toList()
                + (state.hasLoggedInAgentFor(interaction) ? "" : ", nobody logged in"));
      }
    }
    return decisions;
  }

  /** Arrived = live + ended (completed, abandoned, failed, overflowed away), disjointly. */
  private void checkNothingLost(TenantState state, List<String> problems) {
    Set<InteractionId> live = new HashSet<>();
    state.interactions().forEach(i -> live.add(i.id()));
    Map<InteractionId, String> ended = recording.ended();
    Set<InteractionId> accounted = new HashSet<>(live);
    accounted.addAll(ended.keySet());
    Set<InteractionId> both = new HashSet<>(live);
    both.retainAll(ended.keySet());
    if (!accounted.equals(recording.arrived()) || !both.isEmpty()) {
      Set<InteractionId> lost = new HashSet<>(recording.arrived());
      lost.removeAll(accounted);
      problems.add(
          "arrived "
              + recording.arrived().size()
              + " ≠ live "
              + live.size()
              + " + ended "
              + ended.size()
              + "; lost "
              + lost
              + ", live yet ended "
              + both);
    }
  }

  /** Judges routing decisions as they are made: who got an offer, who was turned away. */
  private void judgeDecision(TenantEvent event) {
    TenantState state = tenant.state();
    switch (event) {
      case InteractionEvent.Overflowed overflowed when overflowed.reason().equals("no-agents") -> {
        Interaction interaction = state.interaction(overflowed.interaction());
        QueueConfig queue = state.queue(overflowed.from());
        state.agents().stream()
            .filter(a -> a.state().isLoggedIn() && couldServe(a, queue, interaction, WIDEST))
            .findFirst()
            .ifPresent(a -> eventProblems.add(overflowed + " although " + a + " could serve it"));
      }
      case InteractionEvent.Offered offered -> judgeOffer(state, offered);
      default -> {}
    }
  }

  private static final int WIDEST = Integer.MAX_VALUE;

  /**
   * An offer must go to an agent who may take the call (presence, capacity, skills at the call's
   * stage, membership; or its preferred agent), and that agent must have no better call waiting for
   * them: one held for them, or one ranked higher (or as high and older).
   */
  private void judgeOffer(TenantState state, InteractionEvent.Offered offered) {
    Interaction offer = state.interaction(offered.interaction());
    Agent agent = state.agent(offered.agent());
    boolean heldForAgent = agent.id().equals(offer.preferredAgent());
    if (offer.preferredAgent() != null && !heldForAgent) {
      eventProblems.add(offered + " but the call waits for " + offer.preferredAgent());
    }
    if (!heldForAgent && !mayServe(agent, state.queue(offer.queue()), offer)) {
      eventProblems.add(offered + " but " + agent + " may not serve it");
    }
    for (Interaction waiting : state.interactions()) {
      if (!waiting.state().isWaiting()) {
        continue;
      }
      QueueConfig queue = state.queue(waiting.queue());
      boolean better =
          agent.id().equals(waiting.preferredAgent())
              ? (!heldForAgent || servedBefore(waiting, offer))
                  && queue.allowedAvailabilities().contains(agent.presence())
                  && agent.profile().capacityFor(waiting.channel()) > 0
              : waiting.preferredAgent() == null
                  && !heldForAgent
                  && servedBefore(waiting, offer)
                  && mayServe(agent, queue, waiting);
      if (better) {
        eventProblems.add(offered + " while " + waiting + " waits ahead of it for the agent");
      }
    }
  }

  /** Service order: higher rank first, then earlier arrival. */
  private static boolean servedBefore(Interaction one, Interaction other) {
    return one.queueRank() != other.queueRank()
        ? one.queueRank() > other.queueRank()
        : one.arrivalOrder() < other.arrivalOrder();
  }

  /** Whether the agent's presence and skills let them take the interaction at its stage now. */
  private static boolean mayServe(Agent agent, QueueConfig queue, Interaction interaction) {
    return queue.allowedAvailabilities().contains(agent.presence())
        && couldServe(agent, queue, interaction, interaction.stage());
  }

  /** Whether the agent may take the interaction in the queue at skill stage {@code stage}. */
  private static boolean couldServe(
      Agent agent, QueueConfig queue, Interaction interaction, int stage) {
    AgentProfile profile = agent.profile();
    int stages = Math.min(stage, queue.stages().size() - 1) + 1;
    return profile.capacityFor(interaction.channel()) > 0
        && (queue.members().isEmpty() || queue.members().contains(agent.id()))
        && interaction.skills().matches(profile.skills())
        && (interaction.language() == null || profile.skills().speaks(interaction.language()))
        && queue.stages().stream()
            .limit(stages)
            .anyMatch(step -> step.skills().matches(profile.skills()));
  }

  // --- at the end of the day ---

  void assertNothingReserved() {
    assertThat(tenant.state().agents())
        .as("agents once every timer fired")
        .noneMatch(agent -> agent.state() == AgentState.RESERVED);
    assertThat(tenant.state().interactions())
        .as("interactions once every timer fired")
        .noneMatch(interaction -> interaction.state() == InteractionState.RESERVED);
    assertThat(tenant.state().reservations()).as("live offers").isEmpty();
  }

  void assertReplayRebuildsTheState() {
    TenantState replayed = new TenantState(tenant.id());
    recording.events().forEach(replayed::apply);
    assertThat(replayed.snapshot()).isEqualTo(tenant.state().snapshot());
  }
}
