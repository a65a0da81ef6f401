package io.tandem.server.config;

import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentState;
import io.tandem.core.interaction.IllegalTransitionException;
import io.tandem.core.interaction.InteractionState;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueId;
import io.tandem.core.routing.Agent;
import io.tandem.core.tenant.Tenant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What applying a configuration changes in a tenant, kind by kind, and the applying itself: all
 * conflicts are checked first (an agent to remove who is logged in, a queue to remove that callers
 * wait or ring in), then every change is made on the tenant's writer in one command, in an order
 * where each step's references exist: skills, business hours and wrap-up codes, agents, queues (all
 * at once), flows, and then the removals in reverse.
 */
public final class ConfigurationPlan {

  /**
   * The changes to one kind of object, by id.
   *
   * @param unchanged how many objects stay as they are
   */
  public record Changes(
      List<String> created, List<String> replaced, List<String> removed, int unchanged) {}

  private final ConfigurationModel current;
  private final ConfigurationModel wanted;

  ConfigurationPlan(ConfigurationModel current, ConfigurationModel wanted) {
    this.current = current;
    this.wanted = wanted;
  }

  /** The changes by kind: skills, businessHours, wrapUpCodes, agents, queues, flows. */
  public Map<String, Changes> changes() {
    Map<String, Changes> changes = new LinkedHashMap<>();
    changes.put("skills", diff(current.skills, wanted.skills));
    changes.put("businessHours", diff(current.businessHours, wanted.businessHours));
    changes.put("wrapUpCodes", diff(current.wrapUpCodes, wanted.wrapUpCodes));
    changes.put("agents", diff(current.agents, wanted.agents));
    changes.put("queues", diff(current.queues, wanted.queues));
    changes.put("flows", diff(current.flows, wanted.flows));
    return changes;
  }

  private static <K, V> Changes diff(Map<K, V> before, Map<K, V> after) {
    List<String> created = new ArrayList<>();
    List<String> replaced = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    int unchanged = 0;
    for (Map.Entry<K, V> entry : after.entrySet()) {
      V old = before.get(entry.getKey());
      if (old == null) {
        created.add(entry.getKey().toString());
      } else if (!old.equals(entry.getValue())) {
        replaced.add(entry.getKey().toString());
      } else {
        unchanged++;
      }
    }
    before.keySet().stream()
        .filter(key -> !after.containsKey(key))
        .forEach(key -> removed.add(key.toString()));
    return new Changes(created, replaced, removed, unchanged);
  }

  /** Refuses, changing nothing, what the tenant's live state does not allow to remove. */
  void requireNoConflicts(Tenant tenant) {
    for (AgentId id : removed(current.agents, wanted.agents)) {
      Agent agent = Objects.requireNonNull(tenant.state().agent(id));
      if (agent.state() != AgentState.OFFLINE) {
        throw new IllegalTransitionException(
            "agent " + id + " is not in the document but logged in (" + agent.state() + ")");
      }
    }
    for (QueueId id : removed(current.queues, wanted.queues)) {
      boolean busy =
          tenant.state().waitingIn(id) > 0
              || tenant.state().interactions().stream()
                  .anyMatch(i -> i.state() == InteractionState.RESERVED && id.equals(i.queue()));
      if (busy) {
        throw new IllegalTransitionException(
            "queue " + id + " is not in the document but callers wait or ring in it");
      }
    }
  }

  /** Makes the tenant's configuration the wanted one; call on its writer. */
  void apply(Tenant tenant) {
    requireNoConflicts(tenant);
    changed(current.skills, wanted.skills).forEach(tenant::defineSkill);
    changed(current.businessHours, wanted.businessHours).forEach(tenant::defineBusinessHours);
    changed(current.wrapUpCodes, wanted.wrapUpCodes).forEach(tenant::defineWrapUpCode);
    changed(current.agents, wanted.agents).forEach(tenant::configureAgent);
    List<QueueConfig> queues = changed(current.queues, wanted.queues);
    if (!queues.isEmpty()) {
      tenant.configureQueues(queues);
    }
    changed(current.flows, wanted.flows).forEach(tenant::defineFlow);
    removed(current.flows, wanted.flows).forEach(tenant::removeFlow);
    List<QueueId> queuesGone = removed(current.queues, wanted.queues);
    if (!queuesGone.isEmpty()) {
      tenant.removeQueues(queuesGone);
    }
    removed(current.agents, wanted.agents).forEach(tenant::removeAgent);
    removed(current.wrapUpCodes, wanted.wrapUpCodes).forEach(tenant::removeWrapUpCode);
    removed(current.businessHours, wanted.businessHours).forEach(tenant::removeBusinessHours);
    removed(current.skills, wanted.skills).forEach(tenant::removeSkill);
  }

  private static <K, V> List<V> changed(Map<K, V> before, Map<K, V> after) {
    return after.entrySet().stream()
        .filter(e -> !e.getValue().equals(before.get(e.getKey())))
        .map(Map.Entry::getValue)
        .toList();
  }

  private static <K, V> List<K> removed(Map<K, V> before, Map<K, V> after) {
    return before.keySet().stream().filter(key -> !after.containsKey(key)).toList();
  }
}
