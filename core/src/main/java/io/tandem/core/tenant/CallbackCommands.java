package io.tandem.core.tenant;

import io.tandem.core.agent.AgentId;
import io.tandem.core.callback.CallbackDialler;
import io.tandem.core.callback.CallbackOffer;
import io.tandem.core.callback.CallbackPolicy;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.event.TenantEventListener;
import io.tandem.core.interaction.IllegalTransitionException;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.InteractionState;
import io.tandem.core.interaction.ReservationId;
import io.tandem.core.routing.Agent;
import io.tandem.core.routing.Interaction;
import io.tandem.core.routing.Reservation;
import io.tandem.core.routing.TenantState;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Callbacks on the wire: hands each callback offer to the tenant's {@link CallbackDialler}, and
 * records what the dialler reports — the agent answered (the customer is being called), the
 * customer answered (they talk), the customer was not reached (retry after the policy's delay, or
 * give up after its last attempt).
 */
public final class CallbackCommands implements TenantEventListener {

  private final Tenant tenant;
  private final TenantState state;
  private CallbackPolicy policy = CallbackPolicy.DEFAULT;
  private @Nullable CallbackDialler dialler;

  CallbackCommands(Tenant tenant, TenantState state) {
    this.tenant = tenant;
    this.state = state;
  }

  /** Sets how often and how far apart the customer is called. */
  public void usePolicy(CallbackPolicy newPolicy) {
    policy = Objects.requireNonNull(newPolicy, "policy");
  }

  public CallbackPolicy policy() {
    return policy;
  }

  /**
   * Makes {@code channel} the one that dials this tenant's callbacks from now on (null: none, the
   * offers ring no one and time out).
   */
  public void dialWith(@Nullable CallbackDialler channel) {
    dialler = channel;
  }

  /** The agent answered the callback offer: the customer's number is dialled now. */
  public void agentAnswered(ReservationId id) {
    Reservation reservation = tenant.dispatcher().requireLive(id);
    Interaction interaction = state.interaction(reservation.interaction());
    String number = interaction.callbackNumber();
    Tenant.require(number != null, "interaction " + interaction.id() + " is not a callback");
    List<AgentId> freed = tenant.dispatcher().withdrawAll(interaction, "answered-elsewhere", id);
    tenant.timers().cancelOffer(id);
    tenant.timers().cancelWaiting(interaction.id());
    tenant.emit(
        new InteractionEvent.CallbackDialling(
            interaction.id(),
            id,
            reservation.agent(),
            number,
            interaction.callbackAttempts() + 1,
            tenant.now()));
    freed.forEach(agent -> tenant.dispatcher().assign(state.agent(agent)));
  }

  /** The customer answered: agent and customer talk. */
  public void customerAnswered(InteractionId id) {
    Interaction interaction = requireDialling(id);
    tenant.emit(new InteractionEvent.CallbackAnswered(id, interaction.agent(), tenant.now()));
  }

  /**
   * The customer was not reached ({@code reason}: busy, no-answer, failed …): the agent is free
   * again, and the callback is tried again after the policy's delay, or ends {@value
   * CallbackPolicy#GIVEN_UP} after its last attempt.
   */
  public void customerNotReached(InteractionId id, String reason) {
    Interaction interaction = requireDialling(id);
    Agent agent = state.agent(interaction.agent());
    int attempt = interaction.callbackAttempts();
    Instant now = tenant.now();
    Instant retryAt = attempt < policy.attempts() ? now.plus(policy.retryDelay()) : null;
    tenant.emit(
        new InteractionEvent.CallbackNotReached(id, agent.id(), reason, attempt, retryAt, now));
    if (retryAt == null) {
      tenant.emit(new InteractionEvent.Ended(id, CallbackPolicy.GIVEN_UP, now));
    } else {
      scheduleRetry(interaction);
    }
    tenant.dispatcher().assign(agent);
  }

  /** Sets the timer that offers a scheduled callback again at its retry time. */
  void scheduleRetry(Interaction interaction) {
    Instant at = interaction.callbackRetryAt();
    if (at == null) {
      return;
    }
    tenant
        .timers()
        .set(TenantTimers.Kind.CALLBACK_RETRY, interaction.id(), at, () -> retryDue(interaction));
  }

  private void retryDue(Interaction interaction) {
    if (state.interaction(interaction.id()) != interaction
        || interaction.state() != InteractionState.CALLBACK_SCHEDULED) {
      return;
    }
    tenant.emit(new InteractionEvent.CallbackRetryDue(interaction.id(), tenant.now()));
    tenant.queueRules().startTimers(interaction, state.queue(interaction.queue()));
    tenant.dispatcher().route(interaction);
  }

  private Interaction requireDialling(InteractionId id) {
    Interaction interaction = tenant.requireInteraction(id);
    if (interaction.state() != InteractionState.CALLBACK_DIALLING) {
      throw new IllegalTransitionException(
          "interaction " + id + " is not a callback being dialled (" + interaction.state() + ")");
    }
    return interaction;
  }

  /** Hands each new callback offer to the dialler. */
  @Override
  public void on(TenantEvent event) {
    CallbackDialler channel = dialler;
    if (channel == null || !(event instanceof InteractionEvent.Offered offered)) {
      return;
    }
    Interaction interaction = state.interaction(offered.interaction());
    if (interaction == null || interaction.callbackNumber() == null) {
      return;
    }
    Agent agent = state.agent(offered.agent());
    channel.dial(
        new CallbackOffer(
            interaction.id(),
            offered.reservation(),
            offered.agent(),
            agent == null ? null : agent.profile().teamsUserId(),
            interaction.callbackNumber(),
            interaction.queue(),
            interaction.to(),
            interaction.callbackAttempts() + 1,
            offered.deadline()));
  }
}
