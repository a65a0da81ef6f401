package io.tandem.core.tenant;

import io.tandem.core.agent.AgentState;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.InteractionState;
import io.tandem.core.routing.Agent;
import io.tandem.core.routing.Interaction;
import io.tandem.core.routing.TenantState;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a tenant back after a restart: replays its event log onto the empty state, ends the
 * interactions whose live media did not survive the restart, and re-arms the timers of what did
 * survive, so that nothing is left stuck.
 *
 * <p>What survives: callback requests (no line is held; a ringing callback offer is withdrawn and
 * the callback keeps its place; a callback being dialled counts as a customer not reached, {@value
 * #LOST_ON_RESTART}, and is retried by the callback policy; a scheduled retry keeps its time) and
 * agents' wrap-ups (the wrap-up timer is set again at its recorded deadline, firing at once if that
 * has passed). Everything else that was live — a caller in the flow, in the queue, ringing an agent
 * or talking — had media in the old process and is failed with reason {@value #LOST_ON_RESTART},
 * which frees its agents. Agents keep their state.
 */
final class Recovery {

  /** Why interactions with live media end when the process restarts. */
  static final String LOST_ON_RESTART = "lost-on-restart";

  private final Tenant tenant;
  private final TenantState state;

  Recovery(Tenant tenant, TenantState state) {
    this.tenant = tenant;
    this.state = state;
  }

  RecoveryReport recover(List<TenantEvent> log) {
    Tenant.require(
        state.agents().isEmpty() && state.queues().isEmpty() && state.interactions().isEmpty(),
        "recover into a new tenant only: " + tenant.id() + " already has state");
    for (TenantEvent event : log) {
      state.apply(event);
    }
    int timersBefore = tenant.timers().pendingCount();
    List<Interaction> callbacks = new ArrayList<>();
    List<Interaction> lost = new ArrayList<>();
    for (Interaction interaction : state.interactions()) {
      if (interaction.callbackNumber() != null
          && (interaction.state().isWaiting()
              || interaction.state() == InteractionState.RESERVED
              || interaction.state() == InteractionState.CALLBACK_DIALLING
              || interaction.state() == InteractionState.CALLBACK_SCHEDULED)) {
        callbacks.add(interaction);
      } else if (interaction.state() != InteractionState.WRAP_UP) {
        lost.add(interaction);
      }
    }
    for (Interaction callback : callbacks) {
      if (callback.state() == InteractionState.RESERVED) {
        tenant.dispatcher().withdrawAll(callback, LOST_ON_RESTART, null);
      } else if (callback.state() == InteractionState.CALLBACK_DIALLING) {
        tenant.callbacks().customerNotReached(callback.id(), LOST_ON_RESTART);
      } else if (callback.state() == InteractionState.CALLBACK_SCHEDULED) {
        tenant.callbacks().scheduleRetry(callback);
      }
    }
    List<InteractionId> lostIds = new ArrayList<>();
    for (Interaction interaction : lost) {
      tenant.work().fail(interaction, LOST_ON_RESTART);
      lostIds.add(interaction.id());
    }
    for (Interaction callback : callbacks) {
      if (state.interaction(callback.id()) == callback && callback.state().isWaiting()) {
        tenant.queueRules().startTimers(callback, state.queue(callback.queue()));
      }
    }
    for (Agent agent : List.copyOf(state.agents())) {
      if (agent.state() == AgentState.WRAP_UP) {
        tenant.work().rearmWrapUp(agent);
      }
    }
    tenant.dispatcher().sweep();
    return new RecoveryReport(
        log.size(),
        lostIds,
        state.interactions().size(),
        tenant.timers().pendingCount() - timersBefore);
  }
}
