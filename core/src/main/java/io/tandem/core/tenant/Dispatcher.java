package io.tandem.core.tenant;

import io.tandem.core.agent.AgentId;
import io.tandem.core.interaction.IllegalTransitionException;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionState;
import io.tandem.core.interaction.ReservationId;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.routing.Agent;
import io.tandem.core.routing.Interaction;
import io.tandem.core.routing.Reservation;
import io.tandem.core.routing.RoutingEngine;
import io.tandem.core.routing.TenantState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns routing decisions into offers and resolves offers: answered, declined, not answered before
 * the deadline (RONA), or withdrawn. After each change it asks the engine again, so no eligible
 * agent idles while a matching interaction waits.
 */
final class Dispatcher {

  private final Tenant tenant;
  private final TenantState state;
  private final RoutingEngine engine;

  Dispatcher(Tenant tenant, TenantState state, RoutingEngine engine) {
    this.tenant = tenant;
    this.state = state;
    this.engine = engine;
  }

  /** Offers a waiting interaction to the agents the engine picks, if any. */
  void route(Interaction interaction) {
    if (!interaction.state().isWaiting()) {
      return;
    }
    for (Agent agent : engine.agentsFor(interaction)) {
      offer(interaction, agent);
    }
  }

  /** Gives an available agent the best waiting interaction, if any. */
  void assign(Agent agent) {
    Interaction work = engine.workFor(agent);
    if (work != null) {
      offer(work, agent);
    }
  }

  /** Gives work to every available agent, longest idle first (after broad changes). */
  void sweep() {
    List<Agent> ready = new ArrayList<>();
    state.agents().stream()
        .filter(agent -> agent.state() == io.tandem.core.agent.AgentState.READY)
        .sorted(
            java.util.Comparator.comparing(Agent::readySince).thenComparing(a -> a.id().value()))
        .forEach(ready::add);
    ready.forEach(this::assign);
  }

  private void offer(Interaction interaction, Agent agent) {
    QueueConfig queue = state.queue(interaction.queue());
    Instant now = tenant.now();
    Instant deadline = now.plus(queue.ringTimeout());
    ReservationId reservation = new ReservationId("r" + (state.offersMade() + 1));
    tenant.emit(
        new InteractionEvent.Offered(interaction.id(), reservation, agent.id(), deadline, now));
    tenant
        .timers()
        .set(TenantTimers.Kind.OFFER_DEADLINE, reservation, deadline, () -> timeOut(reservation));
  }

  /** The agent answered: the other offers are withdrawn and the interaction connects. */
  void accept(ReservationId id) {
    Reservation reservation = requireLive(id);
    Interaction interaction = state.interaction(reservation.interaction());
    List<AgentId> freed = withdrawAll(interaction, "answered-elsewhere", id);
    tenant.timers().cancelOffer(id);
    tenant.timers().cancelWaiting(interaction.id());
    tenant.emit(
        new InteractionEvent.Connected(interaction.id(), id, reservation.agent(), tenant.now()));
    freed.forEach(agent -> assign(state.agent(agent)));
  }

  /** The agent declined: they become not ready and the interaction goes back to its place. */
  void decline(ReservationId id) {
    Reservation reservation = requireLive(id);
    tenant.timers().cancelOffer(id);
    tenant.emit(
        new InteractionEvent.OfferDeclined(
            reservation.interaction(), id, reservation.agent(), tenant.now()));
    afterOfferEnded(reservation);
  }

  private void timeOut(ReservationId id) {
    Reservation reservation = state.reservation(id);
    if (reservation == null) {
      return;
    }
    tenant.emit(
        new InteractionEvent.OfferTimedOut(
            reservation.interaction(), id, reservation.agent(), tenant.now()));
    afterOfferEnded(reservation);
  }

  /** Withdraws every live offer of the interaction (except {@code keep}) and frees those agents. */
  List<AgentId> withdrawAll(Interaction interaction, String reason, ReservationId keep) {
    List<AgentId> freed = new ArrayList<>();
    for (ReservationId id : interaction.reservations()) {
      if (id.equals(keep)) {
        continue;
      }
      Reservation reservation = state.reservation(id);
      tenant.timers().cancelOffer(id);
      tenant.emit(
          new InteractionEvent.OfferWithdrawn(
              interaction.id(), id, reservation.agent(), reason, tenant.now()));
      freed.add(reservation.agent());
    }
    return freed;
  }

  /**
   * Withdraws the agent's live offer (logout, not ready) and returns its interaction, which the
   * caller reroutes with {@link QueueRules#returned} once the agent's own change is applied (so the
   * offer cannot bounce back to the same agent).
   */
  @org.jspecify.annotations.Nullable
  Interaction withdrawFrom(Agent agent, String reason) {
    ReservationId id = agent.reservation();
    if (id == null) {
      return null;
    }
    Reservation reservation = state.reservation(id);
    tenant.timers().cancelOffer(id);
    tenant.emit(
        new InteractionEvent.OfferWithdrawn(
            reservation.interaction(), id, agent.id(), reason, tenant.now()));
    return state.interaction(reservation.interaction());
  }

  private void afterOfferEnded(Reservation reservation) {
    Interaction interaction = state.interaction(reservation.interaction());
    if (interaction != null && interaction.state().isWaiting()) {
      tenant.queueRules().returned(interaction);
    }
  }

  Reservation requireLive(ReservationId id) {
    Reservation reservation = state.reservation(id);
    if (reservation == null) {
      throw new IllegalTransitionException(
          "no live offer " + id + " (answered, withdrawn or expired)");
    }
    Interaction interaction = state.interaction(reservation.interaction());
    if (interaction == null || interaction.state() != InteractionState.RESERVED) {
      throw new IllegalTransitionException("offer " + id + " is no longer live");
    }
    return reservation;
  }
}
