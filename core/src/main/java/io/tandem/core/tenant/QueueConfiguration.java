package io.tandem.core.tenant;

import io.tandem.core.interaction.IllegalTransitionException;
import io.tandem.core.interaction.InteractionState;
import io.tandem.core.queue.QueueAction;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueEvent;
import io.tandem.core.queue.QueueId;
import io.tandem.core.routing.Interaction;
import io.tandem.core.routing.TenantState;
import java.util.List;

/**
 * Adding, changing and removing a tenant's queues, all checked before any changes: references to
 * other queues and business hours must exist, nothing may wait or ring in a removed queue and no
 * queue or flow may still refer to it. Runs on the tenant's thread, for {@link Tenant}.
 */
final class QueueConfiguration {

  private final Tenant tenant;
  private final TenantState state;

  QueueConfiguration(Tenant tenant, TenantState state) {
    this.tenant = tenant;
    this.state = state;
  }

  /**
   * Adds or updates several queues at once: their references must exist in the tenant or among
   * {@code configs}, so queues may overflow to each other. Checks all before changing any.
   */
  void configure(List<QueueConfig> configs) {
    java.util.Set<QueueId> known = new java.util.HashSet<>();
    state.queues().forEach(queue -> known.add(queue.id()));
    configs.forEach(queue -> known.add(queue.id()));
    for (QueueConfig config : configs) {
      for (QueueAction action :
          java.util.Arrays.asList(
              config.overflowAction(), config.noAgentAction(), config.closedAction())) {
        if (action instanceof QueueAction.ToQueue to && !known.contains(to.queue())) {
          throw new IllegalArgumentException(
              "queue " + config.id() + " refers to unknown queue " + to.queue());
        }
      }
      if (config.businessHours() != null && tenant.businessHours(config.businessHours()) == null) {
        throw new IllegalArgumentException(
            "queue " + config.id() + " refers to unknown business hours " + config.businessHours());
      }
    }
    configs.forEach(this::apply);
  }

  /** Emits the queue's configuration, its references checked, and re-times what waits in it. */
  private void apply(QueueConfig config) {
    tenant.emit(new QueueEvent.Configured(config, tenant.now()));
    for (Interaction interaction : List.copyOf(state.interactions())) {
      InteractionState is = interaction.state();
      if (config.id().equals(interaction.queue())
          && (is.isWaiting() || is == InteractionState.RESERVED)) {
        tenant.timers().cancelWaiting(interaction.id()); // its stages and max wait may have changed
        tenant.queueRules().startTimers(interaction, config);
      }
    }
    tenant.dispatcher().sweep();
  }

  /**
   * Removes several queues at once: nothing may wait or ring in them, and no queue left and no flow
   * may refer to them (they may refer to each other). Checks all before removing any.
   */
  void remove(java.util.Collection<QueueId> ids) {
    java.util.Set<QueueId> removed = new java.util.LinkedHashSet<>(ids);
    java.util.Set<String> names = new java.util.HashSet<>();
    for (QueueId id : removed) {
      tenant.requireQueue(id);
      names.add(id.value());
      if (state.waitingIn(id) > 0) {
        throw new IllegalTransitionException("queue " + id + " still has waiting interactions");
      }
      Tenant.require(
          state.interactions().stream()
              .noneMatch(i -> i.state() == InteractionState.RESERVED && id.equals(i.queue())),
          "queue " + id + " still has ringing interactions");
    }
    for (QueueConfig other : state.queues()) {
      if (removed.contains(other.id())) {
        continue;
      }
      for (QueueAction action :
          java.util.Arrays.asList(
              other.overflowAction(), other.noAgentAction(), other.closedAction())) {
        if (action instanceof QueueAction.ToQueue to && removed.contains(to.queue())) {
          throw new IllegalTransitionException(
              "queue " + other.id() + " refers to queue " + to.queue());
        }
      }
    }
    tenant
        .catalogCommands()
        .requireNoFlowBreaks(
            "queue " + String.join(", ", names),
            new CatalogWithout(
                tenant.flowCatalog(), names, java.util.Set.of(), java.util.Set.of()));
    for (QueueId id : removed) {
      tenant.emit(new QueueEvent.Removed(id, tenant.now()));
    }
  }
}
