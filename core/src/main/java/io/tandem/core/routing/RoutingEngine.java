package io.tandem.core.routing;

import io.tandem.core.agent.AgentState;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.RoutingStrategyKind;
import io.tandem.core.routing.strategy.RoutingStrategies;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Routing decisions over a tenant's state; decides only, never changes state (the tenant turns a
 * decision into {@code Offered} events).
 *
 * <p>Two questions, asked whenever something could create a match: which agents should get this
 * waiting interaction ({@link #agentsFor}), and which waiting interaction should this available
 * agent get ({@link #workFor}). Keeping both answered after every event means no ready, eligible
 * agent ever idles while a matching interaction waits.
 */
public final class RoutingEngine {

  private final TenantState state;
  private final RoutingStrategies strategies;
  private final GroupCandidates candidates;

  public RoutingEngine(TenantState state, RoutingStrategies strategies) {
    this.state = state;
    this.strategies = strategies;
    this.candidates = new GroupCandidates(state);
  }

  /** Agents to offer the waiting {@code interaction} to now, best first; empty if none. */
  public List<Agent> agentsFor(Interaction interaction) {
    if (!interaction.state().isWaiting()) {
      return List.of();
    }
    QueueConfig queue = state.requireQueue(interaction.queue());
    if (interaction.preferredAgent() != null) {
      Agent preferred = state.agent(interaction.preferredAgent());
      return preferred != null && mayTake(preferred, queue, interaction)
          ? List.of(preferred)
          : List.of();
    }
    RoutingGroup group = interaction.group;
    int count =
        queue.strategy() == RoutingStrategyKind.SIMULTANEOUS ? queue.simultaneousOffers() : 1;
    List<Agent> picked = new ArrayList<>(count);
    strategies
        .forKind(queue.strategy())
        .pick(candidates.at(group, interaction.stage()), count, picked);
    return picked;
  }

  /** The waiting interaction the available {@code agent} should get now, or {@code null}. */
  public @Nullable Interaction workFor(Agent agent) {
    if (agent.state() != AgentState.READY) {
      return null;
    }
    TreeSet<Interaction> held = state.index().heldFor(agent.id());
    if (held != null) {
      for (Interaction interaction : held) {
        if (mayTake(agent, state.requireQueue(interaction.queue()), interaction)) {
          return interaction;
        }
      }
    }
    Interaction best = null;
    int slot = agent.slot();
    for (RoutingGroup group : state.index().groups()) {
      if (group.waitingCount() == 0
          || !group.queue().allowedAvailabilities().contains(agent.presence())) {
        continue;
      }
      int minStage = group.minStage(slot);
      if (minStage < 0) {
        continue;
      }
      Interaction head = group.best(minStage);
      if (head != null && (best == null || RoutingGroup.SERVICE_ORDER.compare(head, best) < 0)) {
        best = head;
      }
    }
    return best;
  }

  private static boolean mayTake(Agent agent, QueueConfig queue, Interaction interaction) {
    return agent.state() == AgentState.READY
        && queue.allowedAvailabilities().contains(agent.presence())
        && agent.profile().capacityFor(interaction.channel()) > 0;
  }
}
