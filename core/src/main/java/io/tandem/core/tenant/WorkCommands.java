package io.tandem.core.tenant;

import io.tandem.core.agent.AgentId;
import io.tandem.core.interaction.DisconnectedBy;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.InteractionState;
import io.tandem.core.queue.QueueAction;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueId;
import io.tandem.core.routing.Agent;
import io.tandem.core.routing.Interaction;
import io.tandem.core.routing.TenantState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Commands on interactions that are with an agent or ending: hang-ups, wrap-up, hold, consult,
 * conference and transfer (carried out on the wire by the channel, recorded here), failure.
 */
public final class WorkCommands {

  private final Tenant tenant;
  private final TenantState state;

  WorkCommands(Tenant tenant, TenantState state) {
    this.tenant = tenant;
    this.state = state;
  }

  /** The agent put the customer on hold. */
  public void hold(InteractionId id) {
    move(id, InteractionState.ON_HOLD, at -> new InteractionEvent.Held(id, at));
  }

  /** The agent resumed the customer (also ends a consultation or a conference). */
  public void resume(InteractionId id) {
    move(id, InteractionState.CONNECTED, at -> new InteractionEvent.Resumed(id, at));
  }

  /** The agent consults {@code target} (another agent, a Teams user, a number). */
  public void consult(InteractionId id, String target) {
    move(
        id, InteractionState.CONSULTING, at -> new InteractionEvent.ConsultStarted(id, target, at));
  }

  /** The consultation became a conference of customer, agent and consulted party. */
  public void conference(InteractionId id) {
    move(id, InteractionState.CONFERENCED, at -> new InteractionEvent.Conferenced(id, at));
  }

  /** The agent started a transfer to {@code target}; the channel carries it out. */
  public void startTransfer(InteractionId id, String target) {
    move(
        id,
        InteractionState.TRANSFERRING,
        at -> new InteractionEvent.TransferStarted(id, target, at));
  }

  /** The transfer failed; the agent has the customer back. */
  public void transferFailed(InteractionId id, String reason) {
    move(id, InteractionState.CONNECTED, at -> new InteractionEvent.TransferFailed(id, reason, at));
  }

  /** The transfer reached its target outside Tandem (a number, a Teams user): the agent is done. */
  public void transferCompleted(InteractionId id) {
    Interaction interaction = tenant.requireInteraction(id);
    Tenant.require(
        interaction.state() == InteractionState.TRANSFERRING,
        "interaction " + id + " is not being transferred");
    disconnect(interaction, DisconnectedBy.AGENT);
  }

  /** Transfers the customer into a queue; the agent goes to wrap-up (or ready). */
  public void transferToQueue(InteractionId id, QueueId queue) {
    Interaction interaction = tenant.requireInteraction(id);
    QueueConfig target = tenant.requireQueue(queue);
    if (interaction.state() != InteractionState.TRANSFERRING) {
      startTransfer(id, "queue:" + queue);
    }
    Agent agent = state.agent(interaction.agent());
    Instant wrapUpUntil = wrapUpUntil(interaction);
    tenant.emit(
        new InteractionEvent.TransferredToQueue(id, queue, agent.id(), wrapUpUntil, tenant.now()));
    // Admission while the call still waits; then the released agent takes the best waiting call.
    boolean admitted = tenant.queueRules().admitted(interaction, target, 0);
    afterAgentReleased(agent, wrapUpUntil);
    if (admitted) {
      tenant.dispatcher().route(interaction);
    }
  }

  /** The customer hung up, whatever the interaction was doing. */
  void customerHungUp(Interaction interaction) {
    InteractionId id = interaction.id();
    switch (interaction.state()) {
      case ARRIVING, IN_VIRTUAL_ASSISTANT, QUEUED -> {
        tenant.timers().cancelWaiting(id);
        tenant.emit(new InteractionEvent.Abandoned(id, tenant.now()));
      }
      case RESERVED -> {
        if (interaction.callbackNumber() != null) {
          return;
        }
        tenant.timers().cancelWaiting(id);
        List<AgentId> freed =
            tenant.dispatcher().withdrawAll(interaction, "caller-abandoned", null);
        tenant.emit(new InteractionEvent.Abandoned(id, tenant.now()));
        freed.forEach(agent -> tenant.dispatcher().assign(state.agent(agent)));
      }
      case VOICEMAIL -> tenant.emit(new InteractionEvent.Ended(id, "voicemail", tenant.now()));
      case CONNECTED, ON_HOLD, CONSULTING, CONFERENCED, TRANSFERRING ->
          disconnect(interaction, DisconnectedBy.CUSTOMER);
      case CALLBACK_REQUESTED,
          CALLBACK_DIALLING,
          CALLBACK_SCHEDULED,
          WRAP_UP,
          OVERFLOWED,
          ENDED,
          ABANDONED,
          FAILED -> {
        // The customer is no longer on this call: nothing changes.
      }
    }
  }

  /** Ends the call of an interaction with an agent; the agent goes to wrap-up or ready. */
  void disconnect(Interaction interaction, DisconnectedBy by) {
    Tenant.require(
        interaction.state().isWithAgent(),
        "interaction " + interaction.id() + " is not with an agent (" + interaction.state() + ")");
    Agent agent = state.agent(interaction.agent());
    Instant wrapUpUntil = wrapUpUntil(interaction);
    tenant.emit(
        new InteractionEvent.Disconnected(
            interaction.id(), agent.id(), by, wrapUpUntil, tenant.now()));
    afterAgentReleased(agent, wrapUpUntil);
  }

  private @Nullable Instant wrapUpUntil(Interaction interaction) {
    QueueConfig queue = state.queue(interaction.queue());
    return queue == null || queue.wrapUp().isZero() ? null : tenant.now().plus(queue.wrapUp());
  }

  private void afterAgentReleased(Agent agent, @Nullable Instant wrapUpUntil) {
    if (wrapUpUntil != null) {
      tenant
          .timers()
          .set(
              TenantTimers.Kind.WRAP_UP,
              agent.id(),
              wrapUpUntil,
              () -> {
                completeWrapUp(agent, null, null, true);
                tenant.dispatcher().assign(agent);
              });
    } else {
      tenant.dispatcher().assign(agent);
    }
  }

  /** Sets the timer that ends an agent's wrap-up at its recorded deadline (after a restart). */
  void rearmWrapUp(Agent agent) {
    afterAgentReleased(agent, agent.wrapUpUntil());
  }

  /** Records the end of the agent's wrap-up; the caller decides what the agent does next. */
  void completeWrapUp(
      Agent agent, @Nullable String code, @Nullable String notes, boolean automatic) {
    tenant.timers().cancelWrapUp(agent.id());
    tenant.emit(
        new InteractionEvent.WrapUpCompleted(
            agent.interaction(), agent.id(), code, notes, automatic, tenant.now()));
  }

  /** Interactions waiting only for {@code agent} go to every eligible agent. */
  void releaseHeldFor(AgentId agent) {
    for (Interaction interaction : state.heldFor(agent)) {
      tenant.timers().cancel(TenantTimers.Kind.PREFERENCE, interaction.id());
      tenant.emit(new InteractionEvent.PreferenceExpired(interaction.id(), tenant.now()));
      tenant.dispatcher().route(interaction);
    }
  }

  /** The interaction failed; offers are withdrawn and its agent freed. */
  void fail(Interaction interaction, String reason) {
    Tenant.require(
        interaction.state().canMoveTo(InteractionState.FAILED),
        "interaction " + interaction.id() + " cannot fail while " + interaction.state());
    tenant.timers().cancelWaiting(interaction.id());
    List<AgentId> freed = tenant.dispatcher().withdrawAll(interaction, "interaction-failed", null);
    AgentId agentWithIt =
        interaction.state().isWithAgent()
                || interaction.state() == InteractionState.WRAP_UP
                || interaction.state() == InteractionState.CALLBACK_DIALLING
            ? interaction.agent()
            : null;
    if (agentWithIt != null) {
      tenant.timers().cancelWrapUp(agentWithIt);
      freed.add(agentWithIt);
    }
    tenant.emit(new InteractionEvent.Failed(interaction.id(), reason, tenant.now()));
    freed.forEach(agent -> tenant.dispatcher().assign(state.agent(agent)));
  }

  /**
   * Ends an interaction that no agent works on (flow hung up, voicemail left, callback cancelled).
   */
  void end(Interaction interaction, String reason) {
    InteractionState from = interaction.state();
    if (from == InteractionState.RESERVED && interaction.callbackNumber() != null) {
      List<AgentId> freed =
          tenant.dispatcher().withdrawAll(interaction, "callback-cancelled", null);
      tenant.timers().cancelWaiting(interaction.id());
      tenant.emit(new InteractionEvent.Ended(interaction.id(), reason, tenant.now()));
      freed.forEach(agent -> tenant.dispatcher().assign(state.agent(agent)));
      return;
    }
    Tenant.require(
        from.canMoveTo(InteractionState.ENDED)
            && !from.isWithAgent()
            && from != InteractionState.WRAP_UP,
        "interaction " + interaction.id() + " cannot simply end while " + from);
    tenant.timers().cancelWaiting(interaction.id());
    tenant.emit(new InteractionEvent.Ended(interaction.id(), reason, tenant.now()));
  }

  /** Ends an interaction in voicemail, naming the message left (if any) first. */
  void voicemailEnded(Interaction interaction, @Nullable String message, Duration length) {
    Tenant.require(
        interaction.state() == InteractionState.VOICEMAIL,
        "interaction " + interaction.id() + " is not in voicemail (" + interaction.state() + ")");
    Instant now = tenant.now();
    if (message != null) {
      tenant.emit(new InteractionEvent.VoicemailLeft(interaction.id(), message, length, now));
    }
    tenant.emit(new InteractionEvent.Ended(interaction.id(), "voicemail", now));
  }

  /** Carries out how a flow lets the interaction go. */
  void leaveFlow(Interaction interaction, QueueAction action) {
    InteractionId id = interaction.id();
    Instant now = tenant.now();
    switch (action) {
      case QueueAction.ToQueue to -> tenant.queueRules().enqueue(interaction, to.queue(), null, 0);
      case QueueAction.ToVoicemail voicemail ->
          tenant.emit(new InteractionEvent.VoicemailStarted(id, voicemail.mailbox(), now));
      case QueueAction.ToNumber forward ->
          tenant.emit(new InteractionEvent.Ended(id, "forwarded:" + forward.number(), now));
      case QueueAction.Disconnect disconnect ->
          tenant.emit(new InteractionEvent.Ended(id, "disconnected", now));
      case QueueAction.OfferCallback callback ->
          throw new IllegalArgumentException(
              "a callback from a flow needs a queue: use requestCallback");
    }
  }

  private void move(
      InteractionId id,
      InteractionState target,
      java.util.function.Function<Instant, InteractionEvent> event) {
    Interaction interaction = tenant.requireInteraction(id);
    if (!interaction.state().canMoveTo(target) || !interaction.state().isWithAgent()) {
      throw new io.tandem.core.interaction.IllegalTransitionException(
          "interaction " + id, interaction.state(), target);
    }
    tenant.emit(event.apply(tenant.now()));
  }
}
