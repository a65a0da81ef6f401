package io.tandem.core.routing;

import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentState;
import io.tandem.core.agent.NotReadyReason;
import io.tandem.core.interaction.Channel;
import io.tandem.core.interaction.IllegalTransitionException;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionState;
import io.tandem.core.interaction.ReservationId;
import io.tandem.core.queue.QueueConfig;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Applies interaction events to the tenant state: the interaction's transition, the agents it
 * touches, and the routing index. Part of {@link TenantState#apply}: each case checks every
 * precondition (the {@code require…} methods, {@code requireCanMoveTo}) before its first change, so
 * a rejected event leaves no trace.
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
        QueueConfig queue =
            waiting || i.state() == InteractionState.RESERVED
                ? state.requireQueue(i.queue())
                : null;
        if (waiting) {
          unlist(i);
        }
        i.requirements(e.priority(), e.skills(), e.language());
        if (queue != null) {
          i.rerank(queue.priority());
        }
        if (waiting) {
          list(i);
        }
      }
      case InteractionEvent.Queued e -> {
        Interaction i = interaction(e);
        QueueConfig config = state.requireQueue(e.queue());
        requireUnattended(i, InteractionState.QUEUED);
        i.move(InteractionState.QUEUED, e.at());
        i.queue(e.queue(), config.priority(), e.at());
        i.prefer(e.preferredAgent(), e.preferredUntil());
        list(i);
      }
      case InteractionEvent.Escalated e -> {
        Interaction i = interaction(e);
        requireFiled(i, "escalate");
        requireStage(i, e.stage());
        relist(i, () -> i.stage(e.stage()));
      }
      case InteractionEvent.PreferenceExpired e -> {
        Interaction i = interaction(e);
        requireFiled(i, "expire the preference of");
        relist(i, () -> i.prefer(null, null));
      }
      case InteractionEvent.Offered e -> offer(e);
      case InteractionEvent.OfferTimedOut e ->
          endOffer(e, e.reservation(), e.agent(), AgentState.NOT_READY)
              .notReady(NotReadyReason.NO_ANSWER, e.at());
      case InteractionEvent.OfferDeclined e ->
          endOffer(e, e.reservation(), e.agent(), AgentState.NOT_READY)
              .notReady(NotReadyReason.DECLINED, e.at());
      case InteractionEvent.OfferWithdrawn e -> {
        Agent agent = endOffer(e, e.reservation(), e.agent(), AgentState.READY);
        agent.ready(e.at());
        state.index().markReady(agent);
      }
      case InteractionEvent.Connected e -> {
        Interaction i = interaction(e);
        Agent agent = requireOffer(i, e.reservation(), e.agent());
        if (i.reservations().size() > 1) {
          throw new IllegalStateException("withdraw the other offers of " + i.id() + " first");
        }
        i.requireCanMoveTo(InteractionState.CONNECTED);
        agent.requireCanMoveTo(AgentState.BUSY);
        state.removeReservation(e.reservation());
        i.removeReservation(e.reservation());
        i.move(InteractionState.CONNECTED, e.at());
        i.agent(e.agent());
        agent.connect(i.id(), e.at());
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
        if (i.state() != InteractionState.TRANSFERRING) {
          throw new IllegalTransitionException(
              "interaction " + i.id() + " is not being transferred (" + i.state() + ")");
        }
        boolean wrapUp = e.wrapUpUntil() != null;
        Agent agent = requireAgentWith(i, e.fromAgent(), wrapUp);
        i.requireCanMoveTo(InteractionState.QUEUED);
        i.move(InteractionState.QUEUED, e.at());
        releaseAgent(agent, e.wrapUpUntil(), e.at());
        i.agent(null);
        i.callbackNumber(null); // a callback that was connected waits on the line now
        i.queue(e.queue(), config.priority(), e.at());
        i.prefer(null, null);
        list(i);
      }
      case InteractionEvent.Disconnected e -> {
        Interaction i = interaction(e);
        boolean wrapUp = e.wrapUpUntil() != null;
        InteractionState next = wrapUp ? InteractionState.WRAP_UP : InteractionState.ENDED;
        Agent agent = requireAgentWith(i, e.agent(), wrapUp);
        i.requireCanMoveTo(next);
        i.move(next, e.at());
        releaseAgent(agent, e.wrapUpUntil(), e.at());
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
      case InteractionEvent.Abandoned e -> {
        Interaction i = interaction(e);
        requireUnattended(i, InteractionState.ABANDONED);
        terminate(i, InteractionState.ABANDONED, "abandoned", e.at());
      }
      case InteractionEvent.Overflowed e -> {
        Interaction i = interaction(e);
        requireUnattended(i, InteractionState.OVERFLOWED);
        if (i.state().isWaiting()) {
          unlist(i);
        }
        i.move(InteractionState.OVERFLOWED, e.at());
      }
      case InteractionEvent.CallbackRequested e -> {
        Interaction i = interaction(e);
        QueueConfig queue = state.requireQueue(e.queue());
        requireUnattended(i, InteractionState.CALLBACK_REQUESTED);
        boolean keepsPlace = i.state().isWaiting() || i.state() == InteractionState.OVERFLOWED;
        if (i.state().isWaiting()) {
          unlist(i);
        }
        i.move(InteractionState.CALLBACK_REQUESTED, e.at());
        i.callbackNumber(e.number());
        i.channel(Channel.CALLBACK);
        if (!keepsPlace || !e.queue().equals(i.queue())) {
          i.queue(e.queue(), queue.priority(), e.at());
        }
        i.prefer(null, null);
        list(i);
      }
      case InteractionEvent.CallbackDialling e -> {
        Interaction i = interaction(e);
        Agent agent = requireOffer(i, e.reservation(), e.agent());
        if (i.callbackNumber() == null || i.reservations().size() > 1) {
          throw new IllegalStateException(
              "interaction " + i.id() + " is not a callback with this one offer left");
        }
        i.requireCanMoveTo(InteractionState.CALLBACK_DIALLING);
        agent.requireCanMoveTo(AgentState.BUSY);
        state.removeReservation(e.reservation());
        i.removeReservation(e.reservation());
        i.move(InteractionState.CALLBACK_DIALLING, e.at());
        i.agent(e.agent());
        i.callbackAttempt(e.attempt());
        agent.connect(i.id(), e.at());
      }
      case InteractionEvent.CallbackAnswered e -> {
        Interaction i = requireDialling(interaction(e), e.agent());
        i.requireCanMoveTo(InteractionState.CONNECTED);
        i.move(InteractionState.CONNECTED, e.at());
      }
      case InteractionEvent.CallbackNotReached e -> {
        Interaction i = requireDialling(interaction(e), e.agent());
        Agent agent = state.requireAgent(e.agent());
        agent.requireCanMoveTo(AgentState.READY);
        i.move(InteractionState.CALLBACK_SCHEDULED, e.at());
        i.agent(null);
        i.callbackRetryAt(e.retryAt());
        releaseAgent(agent, null, e.at());
      }
      case InteractionEvent.CallbackRetryDue e -> {
        Interaction i = interaction(e);
        if (i.state() != InteractionState.CALLBACK_SCHEDULED) {
          throw new IllegalTransitionException(
              "interaction " + i.id(), i.state(), InteractionState.CALLBACK_REQUESTED);
        }
        i.move(InteractionState.CALLBACK_REQUESTED, e.at());
        i.callbackRetryAt(null);
        list(i);
      }
      case InteractionEvent.VoicemailStarted e ->
          interaction(e).move(InteractionState.VOICEMAIL, e.at());
      case InteractionEvent.Ended e -> {
        Interaction i = interaction(e);
        requireUnattended(i, InteractionState.ENDED);
        terminate(i, InteractionState.ENDED, e.reason(), e.at());
      }
      case InteractionEvent.Failed e -> {
        Interaction i = interaction(e);
        requireNoOffers(i);
        i.requireCanMoveTo(InteractionState.FAILED);
        if (i.state() == InteractionState.CALLBACK_DIALLING) {
          Agent agent = state.requireAgent(i.agent());
          agent.requireCanMoveTo(AgentState.READY);
          releaseAgent(agent, null, e.at());
        } else if (i.state().isWithAgent()) {
          releaseAgent(requireAgentWith(i, i.agent(), false), null, e.at());
        }
        terminate(i, InteractionState.FAILED, e.reason(), e.at());
      }
      case InteractionEvent.TranscriptAdded e -> {
        // Insights describe the call; they change no routing state (and may come late).
      }
      case InteractionEvent.RecordingChanged e -> {
        // As above.
      }
      case InteractionEvent.VoicemailLeft e -> {
        // Names the message on the timeline; the Ended that follows ends the interaction.
      }
      case InteractionEvent.Summarized e -> {
        // As above.
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
    boolean waiting = i.state().isWaiting();
    if (!waiting && i.state() != InteractionState.RESERVED) {
      throw new IllegalTransitionException(
          "interaction " + i.id(), i.state(), InteractionState.RESERVED);
    }
    agent.requireCanMoveTo(AgentState.RESERVED);
    if (state.reservation(e.reservation()) != null) {
      throw new IllegalStateException("reservation " + e.reservation() + " is live already");
    }
    if (waiting) {
      unlist(i);
      i.move(InteractionState.RESERVED, e.at());
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

  /**
   * Removes the live offer {@code reservation} of the event's interaction to the agent, who the
   * caller then moves to {@code next}; the interaction returns to its old place once no offer is
   * left.
   */
  private Agent endOffer(
      InteractionEvent e, ReservationId reservation, AgentId agentId, AgentState next) {
    Interaction i = interaction(e);
    Agent agent = requireOffer(i, reservation, agentId);
    agent.requireCanMoveTo(next);
    state.removeReservation(reservation);
    i.removeReservation(reservation);
    if (i.reservations().isEmpty() && i.state() == InteractionState.RESERVED) {
      i.move(
          i.callbackNumber() != null
              ? InteractionState.CALLBACK_REQUESTED
              : InteractionState.QUEUED,
          e.at());
      list(i);
    }
    return agent;
  }

  /** The agent of the live offer {@code reservation} of {@code i}; throws if it is not theirs. */
  private Agent requireOffer(Interaction i, ReservationId reservation, AgentId agentId) {
    Reservation offer = state.reservation(reservation);
    if (offer == null) {
      throw new IllegalStateException("no live reservation " + reservation);
    }
    if (!offer.interaction().equals(i.id()) || !offer.agent().equals(agentId)) {
      throw new IllegalStateException(
          "reservation %s offers %s to %s, not %s to %s"
              .formatted(reservation, offer.interaction(), offer.agent(), i.id(), agentId));
    }
    return state.requireAgent(agentId);
  }

  /**
   * The agent {@code i} is with, named {@code agentId} by the event, if they may leave it for
   * wrap-up (or ready).
   */
  private Agent requireAgentWith(Interaction i, @Nullable AgentId agentId, boolean wrapUp) {
    if (!i.state().isWithAgent() || agentId == null || !agentId.equals(i.agent())) {
      throw new IllegalStateException(
          "interaction " + i.id() + " is not with agent " + agentId + " (" + i + ")");
    }
    Agent agent = state.requireAgent(agentId);
    agent.requireCanMoveTo(wrapUp ? AgentState.WRAP_UP : AgentState.READY);
    return agent;
  }

  /** {@code i}, checked to be a callback that {@code agentId} is dialling. */
  private static Interaction requireDialling(Interaction i, AgentId agentId) {
    if (i.state() != InteractionState.CALLBACK_DIALLING || !agentId.equals(i.agent())) {
      throw new IllegalTransitionException(
          "interaction " + i.id() + " is not a callback dialled by " + agentId + " (" + i + ")");
    }
    return i;
  }

  /**
   * Throws unless {@code i} may move to {@code next} with no offer to withdraw or agent to free.
   */
  private static void requireUnattended(Interaction i, InteractionState next) {
    requireNoOffers(i);
    if (i.state().isWithAgent() || i.state() == InteractionState.WRAP_UP) {
      throw new IllegalTransitionException(
          "interaction " + i.id() + " is with agent " + i.agent() + " (" + i.state() + ")");
    }
    i.requireCanMoveTo(next);
  }

  private static void requireNoOffers(Interaction i) {
    if (!i.reservations().isEmpty()) {
      throw new IllegalStateException("withdraw the offers of " + i.id() + " first");
    }
  }

  /** Throws unless {@code i} waits or rings, so that {@code what} may change how it is filed. */
  private static void requireFiled(Interaction i, String what) {
    if (!i.state().isWaiting() && i.state() != InteractionState.RESERVED) {
      throw new IllegalStateException("cannot " + what + " " + i.id() + " in state " + i.state());
    }
  }

  private void requireStage(Interaction i, int stage) {
    int stages = state.requireQueue(i.queue()).stages().size();
    if (stage < 0 || stage >= stages) {
      throw new IllegalStateException(
          "queue " + i.queue() + " has no stage " + stage + " (it has " + stages + ")");
    }
  }

  /** Frees the agent from the call: into wrap-up until {@code wrapUpUntil}, or ready when null. */
  private void releaseAgent(Agent agent, @Nullable Instant wrapUpUntil, Instant at) {
    agent.stopTalking(at);
    if (wrapUpUntil != null) {
      agent.wrapUp(wrapUpUntil, at);
    } else {
      agent.ready(at);
      state.index().markReady(agent);
    }
  }

  /** Ends {@code i} in {@code end}, checked by the caller. */
  private void terminate(Interaction i, InteractionState end, String reason, Instant at) {
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

  /**
   * Changes how a waiting or ringing interaction ({@link #requireFiled}) is filed, keeping the
   * index consistent.
   */
  private void relist(Interaction i, Runnable change) {
    if (i.state().isWaiting()) {
      unlist(i);
      change.run();
      list(i);
    } else {
      change.run();
    }
  }

  private void list(Interaction i) {
    state.index().addWaiting(i, state.agents());
  }

  private void unlist(Interaction i) {
    state.index().removeWaiting(i);
  }
}
