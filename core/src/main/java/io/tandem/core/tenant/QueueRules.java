package io.tandem.core.tenant;

import io.tandem.core.agent.AgentId;
import io.tandem.core.hours.BusinessHours;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionState;
import io.tandem.core.queue.EscalationStage;
import io.tandem.core.queue.QueueAction;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueId;
import io.tandem.core.routing.Agent;
import io.tandem.core.routing.Interaction;
import io.tandem.core.routing.TenantState;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A queue's rules for the interactions in it: admission (closed, max length, no agents), skill
 * escalation over time, the preferred-agent window, max wait, and carrying out the overflow
 * actions.
 */
final class QueueRules {

  /** Overflow hops after which an interaction is failed rather than bounced between queues. */
  static final int MAX_OVERFLOW_HOPS = 8;

  private final Tenant tenant;
  private final TenantState state;

  QueueRules(Tenant tenant, TenantState state) {
    this.tenant = tenant;
    this.state = state;
  }

  /** Queues the interaction, then applies the queue's admission rules and starts its timers. */
  void enqueue(Interaction interaction, QueueId queueId, @Nullable AgentId preferred, int hops) {
    QueueConfig queue = tenant.requireQueue(queueId);
    Instant now = tenant.now();
    if (hops > MAX_OVERFLOW_HOPS) {
      tenant.emit(new InteractionEvent.Failed(interaction.id(), "overflow-loop", now));
      return;
    }
    AgentId preferredAgent = null;
    Instant preferredUntil = null;
    if (preferred != null && queue.preferredAgentTimeout().isPositive()) {
      Agent agent = state.agent(preferred);
      if (agent != null && agent.state().isLoggedIn()) {
        preferredAgent = preferred;
        preferredUntil = now.plus(queue.preferredAgentTimeout());
      }
    }
    tenant.emit(
        new InteractionEvent.Queued(
            interaction.id(), queueId, preferredAgent, preferredUntil, now));
    admit(interaction, queue, hops);
  }

  /** Applies the admission rules to a just-queued interaction, then starts timers and routes. */
  void admit(Interaction interaction, QueueConfig queue, int hops) {
    if (admitted(interaction, queue, hops)) {
      tenant.dispatcher().route(interaction);
    }
  }

  /** Applies the admission rules and starts the timers; false if the interaction overflowed. */
  boolean admitted(Interaction interaction, QueueConfig queue, int hops) {
    Instant now = tenant.now();
    String refusal = admissionRefusal(interaction, queue, now);
    if (refusal != null) {
      QueueAction action =
          switch (refusal) {
            case "closed" -> queue.closedAction();
            case "no-agents" -> queue.noAgentAction();
            default -> queue.overflowAction();
          };
      overflow(interaction, queue, refusal, action, hops);
      return false;
    }
    startTimers(interaction, queue);
    return true;
  }

  private @Nullable String admissionRefusal(
      Interaction interaction, QueueConfig queue, Instant now) {
    String hoursName = queue.businessHours();
    if (hoursName != null) {
      BusinessHours hours = tenant.businessHours(hoursName);
      if (hours != null && !hours.isOpenAt(now)) {
        return "closed";
      }
    }
    if (queue.maxLength() > 0 && state.waitingIn(queue.id()) > queue.maxLength()) {
      return "max-length";
    }
    if (queue.noAgentAction() != null && !state.hasLoggedInAgentFor(interaction)) {
      return "no-agents";
    }
    return null;
  }

  void startTimers(Interaction interaction, QueueConfig queue) {
    scheduleNextStage(interaction, queue);
    if (queue.maxWait() != null && interaction.callbackNumber() == null) {
      tenant
          .timers()
          .set(
              TenantTimers.Kind.MAX_WAIT,
              interaction.id(),
              interaction.queuedAt().plus(queue.maxWait()),
              () -> maxWaitReached(interaction));
    }
    if (interaction.preferredUntil() != null) {
      tenant
          .timers()
          .set(
              TenantTimers.Kind.PREFERENCE,
              interaction.id(),
              interaction.preferredUntil(),
              () -> preferenceExpired(interaction));
    }
  }

  private void scheduleNextStage(Interaction interaction, QueueConfig queue) {
    int next = interaction.stage() + 1;
    if (next >= queue.stages().size()) {
      return;
    }
    EscalationStage stage = queue.stages().get(next);
    QueueId queueId = queue.id();
    tenant
        .timers()
        .set(
            TenantTimers.Kind.ESCALATION,
            interaction.id(),
            interaction.queuedAt().plus(stage.after()),
            () -> escalate(interaction, queueId, next));
  }

  private void escalate(Interaction interaction, QueueId queueId, int stage) {
    if (!isLive(interaction) || !queueId.equals(interaction.queue())) {
      return;
    }
    tenant.emit(new InteractionEvent.Escalated(interaction.id(), stage, tenant.now()));
    scheduleNextStage(interaction, tenant.requireQueue(queueId));
    tenant.dispatcher().route(interaction);
  }

  private void preferenceExpired(Interaction interaction) {
    if (!isLive(interaction) || interaction.preferredAgent() == null) {
      return;
    }
    tenant.emit(new InteractionEvent.PreferenceExpired(interaction.id(), tenant.now()));
    tenant.dispatcher().route(interaction);
  }

  private void maxWaitReached(Interaction interaction) {
    if (interaction.state() == InteractionState.QUEUED) {
      QueueConfig queue = tenant.requireQueue(interaction.queue());
      overflow(interaction, queue, "max-wait", queue.overflowAction(), 0);
    }
  }

  /** After an offer ended without answer: overflow if max wait passed meanwhile, else route. */
  void returned(Interaction interaction) {
    if (interaction.state() != InteractionState.QUEUED
        && interaction.state() != InteractionState.CALLBACK_REQUESTED) {
      return;
    }
    QueueConfig queue = tenant.requireQueue(interaction.queue());
    if (interaction.state() == InteractionState.QUEUED
        && queue.maxWait() != null
        && !tenant.now().isBefore(interaction.queuedAt().plus(queue.maxWait()))) {
      overflow(interaction, queue, "max-wait", queue.overflowAction(), 0);
      return;
    }
    tenant.dispatcher().route(interaction);
  }

  /** Makes the interaction leave {@code queue} and carries out {@code action}. */
  void overflow(
      Interaction interaction, QueueConfig queue, String reason, QueueAction action, int hops) {
    Instant now = tenant.now();
    tenant.timers().cancelWaiting(interaction.id());
    tenant.emit(new InteractionEvent.Overflowed(interaction.id(), queue.id(), reason, action, now));
    switch (action) {
      case QueueAction.ToQueue to -> enqueue(interaction, to.queue(), null, hops + 1);
      case QueueAction.ToVoicemail voicemail ->
          tenant.emit(
              new InteractionEvent.VoicemailStarted(interaction.id(), voicemail.mailbox(), now));
      case QueueAction.OfferCallback callback ->
          requestCallback(interaction, queue, interaction.from());
      case QueueAction.ToNumber forward ->
          tenant.emit(
              new InteractionEvent.Ended(interaction.id(), "forwarded:" + forward.number(), now));
      case QueueAction.Disconnect disconnect ->
          tenant.emit(new InteractionEvent.Ended(interaction.id(), "disconnected", now));
    }
  }

  /** Turns the interaction into a callback request that keeps its place in {@code queue}. */
  void requestCallback(Interaction interaction, QueueConfig queue, String number) {
    tenant.timers().cancelWaiting(interaction.id());
    tenant.emit(
        new InteractionEvent.CallbackRequested(interaction.id(), queue.id(), number, tenant.now()));
    startTimers(interaction, queue);
    tenant.dispatcher().route(interaction);
  }

  private boolean isLive(Interaction interaction) {
    return state.interaction(interaction.id()) == interaction
        && (interaction.state().isWaiting() || interaction.state() == InteractionState.RESERVED);
  }
}
