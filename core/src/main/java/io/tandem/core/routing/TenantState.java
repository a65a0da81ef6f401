package io.tandem.core.routing;

import io.tandem.core.agent.AgentEvent;
import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentState;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.interaction.IllegalTransitionException;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.InteractionState;
import io.tandem.core.interaction.ReservationId;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueEvent;
import io.tandem.core.queue.QueueId;
import io.tandem.core.tenant.TenantId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything one tenant's routing knows right now: agents, queues, live interactions and
 * reservations, with the index that makes decisions fast, and the {@link TenantCatalog} of business
 * hours, skills, flows and wrap-up codes. {@link #apply} is the only mutator, so replaying a
 * tenant's events onto a new state rebuilds an equal one ({@link #snapshot}).
 *
 * <p>Ended interactions leave the state (their history lives in the event log). Not thread-safe:
 * owned by the tenant's single writer.
 */
public final class TenantState {

  private final TenantId tenant;
  private final Map<AgentId, Agent> agents = new LinkedHashMap<>();
  private final Map<QueueId, QueueConfig> queues = new LinkedHashMap<>();
  private final Map<InteractionId, Interaction> interactions = new LinkedHashMap<>();
  private final Map<ReservationId, Reservation> reservations = new LinkedHashMap<>();
  private final RoutingIndex index = new RoutingIndex();
  private final InteractionTransitions interactionTransitions;
  private final TenantCatalog catalog = new TenantCatalog();
  private long lastArrivalOrder;
  private long offersMade;

  public TenantState(TenantId tenant) {
    this.tenant = tenant;
    this.interactionTransitions = new InteractionTransitions(this);
  }

  public TenantId tenant() {
    return tenant;
  }

  /**
   * Applies one event; throws {@link IllegalStateException} if it contradicts the state, which it
   * then leaves exactly as it was (routing index included).
   */
  public void apply(TenantEvent event) {
    switch (event) {
      case InteractionEvent e -> interactionTransitions.apply(e);
      case AgentEvent e -> applyAgent(e);
      case QueueEvent e -> applyQueue(e);
      default -> {
        if (!TenantCatalog.handles(event)) {
          throw new IllegalArgumentException("not a tenant event: " + event);
        }
        catalog.apply(event);
      }
    }
  }

  private void applyAgent(AgentEvent event) {
    switch (event) {
      case AgentEvent.Configured e -> configureAgent(e);
      case AgentEvent.Removed e -> {
        Agent agent = requireAgentIn(e.agent(), "be removed", AgentState.OFFLINE);
        index.removeAgent(agent);
        agents.remove(e.agent());
      }
      case AgentEvent.LoggedIn e -> {
        Agent agent = requireAgentIn(e.agent(), "log in", AgentState.OFFLINE);
        agent.logIn(e.at());
        index.loggedIn(agent, true);
      }
      case AgentEvent.BecameReady e -> {
        Agent agent = requireAgentIn(e.agent(), "become ready", AgentState.NOT_READY);
        index.unready(agent);
        agent.ready(e.at());
        index.markReady(agent);
      }
      case AgentEvent.BecameNotReady e -> {
        Agent agent =
            requireAgentIn(e.agent(), "become not ready", AgentState.READY, AgentState.NOT_READY);
        index.unready(agent);
        agent.notReady(e.reason(), e.at());
      }
      case AgentEvent.LoggedOut e -> {
        Agent agent = requireAgentIn(e.agent(), "log out", AgentState.READY, AgentState.NOT_READY);
        index.unready(agent);
        agent.logOut(e.at());
        index.loggedIn(agent, false);
      }
      case AgentEvent.PresenceChanged e -> requireAgent(e.agent()).presence(e.availability());
    }
  }

  /**
   * The agent, if in one of {@code states}; otherwise they cannot {@code what} (an offer is
   * withdrawn, a wrap-up completed first).
   */
  private Agent requireAgentIn(AgentId id, String what, AgentState... states) {
    Agent agent = requireAgent(id);
    if (!List.of(states).contains(agent.state())) {
      throw new IllegalTransitionException(
          "agent " + id + " cannot " + what + " while " + agent.state());
    }
    return agent;
  }

  private void configureAgent(AgentEvent.Configured event) {
    Agent agent = agents.get(event.agent());
    if (agent == null) {
      agent = new Agent(event.profile(), index.takeSlot(), event.at());
      agents.put(event.agent(), agent);
      index.addAgent(agent);
    } else {
      agent.profile(event.profile());
      index.reevaluate(agent);
    }
  }

  private void applyQueue(QueueEvent event) {
    switch (event) {
      case QueueEvent.Configured e -> {
        queues.put(e.queue(), e.config());
        index.configureQueue(e.config(), agents.values());
        interactionTransitions.reconfigured(e.config());
      }
      case QueueEvent.Removed e -> {
        RoutingIndex.QueueLine line = index.line(e.queue());
        if (line != null && line.waiting > 0) {
          throw new IllegalStateException("queue " + e.queue() + " still has waiting interactions");
        }
        // A ringing interaction returns to its queue if its offers end unanswered.
        if (interactions.values().stream()
            .anyMatch(i -> i.state() == InteractionState.RESERVED && e.queue().equals(i.queue()))) {
          throw new IllegalStateException("queue " + e.queue() + " still has ringing interactions");
        }
        queues.remove(e.queue());
        index.removeQueue(e.queue());
      }
    }
  }

  // --- reads -------------------------------------------------------------------------------

  /** Business hours, skills, flows and wrap-up codes. */
  public TenantCatalog catalog() {
    return catalog;
  }

  public @Nullable Agent agent(AgentId id) {
    return agents.get(id);
  }

  public Collection<Agent> agents() {
    return java.util.Collections.unmodifiableCollection(agents.values());
  }

  public @Nullable QueueConfig queue(QueueId id) {
    return queues.get(id);
  }

  public Collection<QueueConfig> queues() {
    return java.util.Collections.unmodifiableCollection(queues.values());
  }

  /** A live (not yet ended) interaction. */
  public @Nullable Interaction interaction(InteractionId id) {
    return interactions.get(id);
  }

  public Collection<Interaction> interactions() {
    return java.util.Collections.unmodifiableCollection(interactions.values());
  }

  public @Nullable Reservation reservation(ReservationId id) {
    return reservations.get(id);
  }

  public Collection<Reservation> reservations() {
    return java.util.Collections.unmodifiableCollection(reservations.values());
  }

  /** How many interactions wait in {@code queue} (including those held for a preferred agent). */
  public int waitingIn(QueueId queue) {
    RoutingIndex.QueueLine line = index.line(queue);
    return line == null ? 0 : line.waiting;
  }

  /**
   * The caller's place in {@code queue} (1 = next in service order), or 0 if {@code interaction}
   * does not wait there; cheaper than {@link #waitingLine} for announcements.
   */
  public int positionIn(QueueId queue, InteractionId interaction) {
    Interaction waiting = interactions.get(interaction);
    return waiting == null ? 0 : index.positionOf(queue, waiting);
  }

  /** Waiting interactions of {@code queue} in service order. */
  public List<Interaction> waitingLine(QueueId queue) {
    return index.waitingIn(queue);
  }

  /** How many logged-in agents could take {@code interaction} at its queue's widest stage. */
  public int loggedInAgentsFor(Interaction interaction) {
    return interaction.group == null ? 0 : index.loggedInFor(interaction.group);
  }

  /** Whether a logged-in agent could take {@code interaction} at its queue's widest stage. */
  public boolean hasLoggedInAgentFor(Interaction interaction) {
    return interaction.group != null && index.anyLoggedIn(interaction.group);
  }

  /** Interactions waiting only for {@code agent} (their preferred agent), best first. */
  public List<Interaction> heldFor(AgentId agent) {
    java.util.TreeSet<Interaction> held = index.heldFor(agent);
    return held == null ? List.of() : List.copyOf(held);
  }

  /** The arrival order the next arriving interaction gets. */
  public long nextArrivalOrder() {
    return lastArrivalOrder + 1;
  }

  /** How many offers were ever made; names the next reservation. */
  public long offersMade() {
    return offersMade;
  }

  /** An immutable, comparable copy of the whole state. */
  public TenantSnapshot snapshot() {
    Map<AgentId, AgentView> agentViews = new LinkedHashMap<>();
    agents.forEach((id, agent) -> agentViews.put(id, agent.view()));
    Map<InteractionId, InteractionView> interactionViews = new LinkedHashMap<>();
    interactions.forEach((id, interaction) -> interactionViews.put(id, interaction.view()));
    Map<QueueId, List<InteractionId>> lines = new LinkedHashMap<>();
    queues
        .keySet()
        .forEach(
            queue ->
                lines.put(queue, index.waitingIn(queue).stream().map(Interaction::id).toList()));
    return new TenantSnapshot(
        tenant,
        Map.copyOf(agentViews),
        Map.copyOf(queues),
        Map.copyOf(interactionViews),
        Map.copyOf(reservations),
        Map.copyOf(lines),
        lastArrivalOrder,
        offersMade,
        catalog.snapshot());
  }

  // --- for the transitions and the routing engine --------------------------------------------

  RoutingIndex index() {
    return index;
  }

  Agent requireAgent(AgentId id) {
    Agent agent = agents.get(id);
    if (agent == null) {
      throw new IllegalStateException("unknown agent " + id);
    }
    return agent;
  }

  Interaction requireInteraction(InteractionId id) {
    Interaction interaction = interactions.get(id);
    if (interaction == null) {
      throw new IllegalStateException("unknown or ended interaction " + id);
    }
    return interaction;
  }

  QueueConfig requireQueue(QueueId id) {
    QueueConfig config = queues.get(id);
    if (config == null) {
      throw new IllegalStateException("unknown queue " + id);
    }
    return config;
  }

  void addInteraction(Interaction interaction) {
    if (interactions.putIfAbsent(interaction.id(), interaction) != null) {
      throw new IllegalStateException("interaction " + interaction.id() + " exists already");
    }
    lastArrivalOrder = Math.max(lastArrivalOrder, interaction.arrivalOrder());
  }

  void forgetInteraction(Interaction interaction) {
    interactions.remove(interaction.id());
  }

  void addReservation(Reservation reservation) {
    reservations.put(reservation.id(), reservation);
    offersMade++;
  }

  Reservation removeReservation(ReservationId id) {
    Reservation reservation = reservations.remove(id);
    if (reservation == null) {
      throw new IllegalStateException("no live reservation " + id);
    }
    return reservation;
  }
}
