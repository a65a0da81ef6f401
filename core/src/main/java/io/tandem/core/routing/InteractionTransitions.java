package io.tandem.core.routing;

import io.tandem.core.agent.AgentState;
import io.tandem.core.agent.NotReadyReason;
import io.tandem.core.interaction.Channel;
import io.tandem.core.interaction.IllegalTransitionException;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionState;
import io.tandem.core.queue.QueueConfig;
import java.time.Instant;

/**
 * Applies interaction events to the tenant state: the interaction's transition, the agents it
 * touches, and the routing index. Part of {@link TenantState#apply}.
 */
final class InteractionTransitions {

  private final TenantState state;

  InteractionTransitions(TenantState state) {
    this.state = state;
  }

  void apply(InteractionEvent event) {
    switch (event) {
      case InteractionEvent.Arrived e ->
          state.addInteraction(
              new Interaction(
                  e.interaction(),
                  e.channel(),
                  e.from(),
                  e.to(),
                  e.attributes(),
                  e.arrivalOrder(),
                  e.at()));
      case InteractionEvent.VirtualAssistantStarted e ->
          interaction(e).move(InteractionState.IN_VIRTUAL_ASSISTANT, e.at());
      case InteractionEvent.AttributesChanged e -> interaction(e).putAttributes(e.attributes());
      case InteractionEvent.RequirementsChanged e -> {
        Interaction i = interaction(e);
        boolean waiting = i.state().isWaiting();
        if (waiting) {
          unlist(i);
        }
        i.requirements(e.priority(), e.skills(), e.language());
        if (waiting || i.state() == InteractionState.RESERVED) {
          i.rerank(state.requireQueue(i.queue()).priority());
        }
        if (waiting) {
          list(i);
        }
      }
      case InteractionEvent.Queued e -> {
        Interaction i = interaction(e);
        QueueConfig config = state.requireQueue(e.queue());
        i.move(InteractionState.QUEUED, e.at());
        i.queue(e.queue(), config.priority(), e.at());
        i.prefer(e.preferredAgent(), e.preferredUntil());
        list(i);
      }
      case InteractionEvent.Escalated e -> {
        Interaction i = interaction(e);
        relist(i, "escalate", () -> i.stage(e.stage()));
      }
      case InteractionEvent.PreferenceExpired e -> {
        Interaction i = interaction(e);
        relist(i, "expire the preference of", () -> i.prefer(null, null));
      }
      case InteractionEvent.Offered e -> offer(e);
      case InteractionEvent.OfferTimedOut e -> {
        endOffer(e.interaction(), e.reservation(), e.at());
        state.requireAgent(e.agent()).notReady(NotReadyReason.NO_ANSWER, e.at());
      }
      case InteractionEvent.OfferDeclined e -> {
        endOffer(e.interaction(), e.reservation(), e.at());
        state.requireAgent(e.agent()).notReady(NotReadyReason.DECLINED, e.at());
      }
      case InteractionEvent.OfferWithdrawn e -> {
        endOffer(e.interaction(), e.reservation(), e.at());
        Agent agent = state.requireAgent(e.agent());
        agent.ready(e.at());
        state.index().markReady(agent);
      }
      case InteractionEvent.Connected e -> {
        Interaction i = interaction(e);
        state.removeReservation(e.reservation());
        i.removeReservation(e.reservation());
        if (!i.reservations().isEmpty()) {
          throw new IllegalStateException("withdraw the other offers of " + i.id() + " first");
        }
        i.move(InteractionState.CONNECTED, e.at());
        i.agent(e.agent());
        state.requireAgent(e.agent()).connect(i.id(), e.at());
      }
      case InteractionEvent.Held e -> interaction(e).move(InteractionState.ON_HOLD, e.at());
      case InteractionEvent.Resumed e -> interaction(e).move(InteractionState.CONNECTED, e.at());
      case InteractionEvent.ConsultStarted e ->
          interaction(e).move(InteractionState.CONSULTING, e.at());
      case InteractionEvent.Conferenced e ->
          interaction(e).move(InteractionState.CONFERENCED, e.at());
      case InteractionEvent.TransferStarted e ->
          interaction(e).move(InteractionState.TRANSFERRING, e.at());
      case InteractionEvent.TransferFailed e ->
          interaction(e).move(InteractionState.CONNECTED, e.at());
      case InteractionEvent.TransferredToQueue e -> {
        Interaction i = interaction(e);
        QueueConfig config = state.requireQueue(e.queue());
        i.move(InteractionState.QUEUED, e.at());
        releaseAgent(i, e.wrapUpUntil() != null, e.at());
        i.agent(null);
        i.callbackNumber(null); // a callback that was connected waits on the line now
        i.queue(e.queue(), config.priority(), e.at());
        i.prefer(null, null);
        list(i);
      }
      case InteractionEvent.Disconnected e -> {
        Interaction i = interaction(e);
        boolean wrapUp = e.wrapUpUntil() != null;
        i.move(wrapUp ? InteractionState.WRAP_UP : InteractionState.ENDED, e.at());
        releaseAgent(i, wrapUp, e.at());
        if (!wrapUp) {
          finish(i, "completed");
        }
      }
      case InteractionEvent.WrapUpCompleted e -> {
        Agent agent = state.requireAgent(e.agent());
        if (agent.state() != AgentState.WRAP_UP || !e.interaction().equals(agent.interaction())) {
          throw new IllegalStateException(
              "agent " + e.agent() + " is not wrapping up " + e.interaction());
        }
        // After a transfer to a queue the agent wraps up a call that lives on without them.
        Interaction i = state.interaction(e.interaction());
        boolean ends =
            i != null && i.state() == InteractionState.WRAP_UP && e.agent().equals(i.agent());
        if (ends) {
          i.move(InteractionState.ENDED, e.at());
        }
        agent.ready(e.at());
        state.index().markReady(agent);
        if (ends) {
          finish(i, "completed");
        }
      }
      case InteractionEvent.Abandoned e ->
          terminate(interaction(e), InteractionState.ABANDONED, "abandoned", e.at());
      case InteractionEvent.Overflowed e -> {
        Interaction i = interaction(e);
        if (i.state().isWaiting()) {
          unlist(i);
        }
        i.move(InteractionState.OVERFLOWED, e.at());
      }
      case InteractionEvent.CallbackRequested e -> {
        Interaction i = interaction(e);
        boolean keepsPlace = i.state().isWaiting() || i.state() == InteractionState.OVERFLOWED;
        if (i.state().isWaiting()) {
          unlist(i);
        }
        i.move(InteractionState.CALLBACK_REQUESTED, e.at());
        i.callbackNumber(e.number());
        i.channel(Channel.CALLBACK);
        if (!keepsPlace || !e.queue().equals(i.queue())) {
          i.queue(e.queue(), state.requireQueue(e.queue()).priority(), e.at());
        }
        i.prefer(null, null);
        list(i);
      }
      case InteractionEvent.VoicemailStarted e ->
          interaction(e).move(InteractionState.VOICEMAIL, e.at());
      case InteractionEvent.Ended e ->
          terminate(interaction(e), InteractionState.ENDED, e.reason(), e.at());
      case InteractionEvent.Failed e -> {
        Interaction i = interaction(e);
        if (i.state().isWithAgent() || i.state() == InteractionState.WRAP_UP) {
          Agent agent = state.requireAgent(i.agent());
          agent.stopTalking(e.at());
          agent.ready(e.at());
          state.index().markReady(agent);
        }
        terminate(i, InteractionState.FAILED, e.reason(), e.at());
      }
    }
  }

  /**
   * Fits the waiting and ringing interactions of a (re)configured queue to it: its priority, and no
   * later skill stage than it has.
   */
  void reconfigured(QueueConfig queue) {
    int lastStage = queue.stages().size() - 1;
    for (Interaction i : state.interactions()) {
      if (!queue.id().equals(i.queue())) {
        continue;
      }
      if (i.state().isWaiting()) {
        unlist(i);
        i.rerank(queue.priority());
        i.stage(Math.min(i.stage(), lastStage));
        list(i);
      } else if (i.state() == InteractionState.RESERVED) {
        i.rerank(queue.priority());
        i.stage(Math.min(i.stage(), lastStage));
      }
    }
  }

  private Interaction interaction(InteractionEvent event) {
    return state.requireInteraction(event.interaction());
  }

  private void offer(InteractionEvent.Offered e) {
    Interaction i = interaction(e);
    Agent agent = state.requireAgent(e.agent());
    if (i.state().isWaiting()) {
      unlist(i);
      i.move(InteractionState.RESERVED, e.at());
    } else if (i.state() != InteractionState.RESERVED) {
      throw new IllegalTransitionException(
          "interaction " + i.id(), i.state(), InteractionState.RESERVED);
    }
    state.index().unready(agent);
    agent.reserve(e.reservation(), e.at());
    i.addReservation(e.reservation());
    state.addReservation(new Reservation(e.reservation(), i.id(), e.agent(), e.deadline()));
    RoutingIndex.QueueLine line = state.index().line(i.queue());
    if (line != null) {
      line.lastOfferedSlot = agent.slot();
    }
  }

  /** Removes a reservation; the interaction returns to its old place once no offer is left. */
  private void endOffer(
      io.tandem.core.interaction.InteractionId id,
      io.tandem.core.interaction.ReservationId reservation,
      Instant at) {
    state.removeReservation(reservation);
    Interaction i = state.requireInteraction(id);
    i.removeReservation(reservation);
    if (i.reservations().isEmpty() && i.state() == InteractionState.RESERVED) {
      i.move(
          i.callbackNumber() != null
              ? InteractionState.CALLBACK_REQUESTED
              : InteractionState.QUEUED,
          at);
      list(i);
    }
  }

  private void releaseAgent(Interaction i, boolean wrapUp, Instant at) {
    Agent agent = state.requireAgent(i.agent());
    agent.stopTalking(at);
    if (wrapUp) {
      agent.wrapUp(at);
    } else {
      agent.ready(at);
      state.index().markReady(agent);
    }
  }

  private void terminate(Interaction i, InteractionState end, String reason, Instant at) {
    if (!i.reservations().isEmpty()) {
      throw new IllegalStateException("withdraw the offers of " + i.id() + " before it ends");
    }
    if (i.state().isWaiting()) {
      unlist(i);
    }
    i.move(end, at);
    finish(i, reason);
  }

  private void finish(Interaction i, String reason) {
    i.endReason(reason);
    state.forgetInteraction(i);
  }

  /** Changes how a waiting (or ringing) interaction is filed, keeping the index consistent. */
  private void relist(Interaction i, String what, Runnable change) {
    if (i.state().isWaiting()) {
      unlist(i);
      change.run();
      list(i);
    } else if (i.state() == InteractionState.RESERVED) {
      change.run();
    } else {
      throw new IllegalStateException("cannot " + what + " " + i.id() + " in state " + i.state());
    }
  }

  private void list(Interaction i) {
    state.index().addWaiting(i, state.agents());
  }

  private void unlist(Interaction i) {
    state.index().removeWaiting(i);
  }
}
