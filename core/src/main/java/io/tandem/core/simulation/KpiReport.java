package io.tandem.core.simulation;

import java.util.List;

/**
 * The KPIs {@link KpiProjection} computed from a tenant's events up to one instant.
 *
 * @param queues one row per queue, in the order they were first configured
 * @param overall all queues together, each interaction counted once
 * @param agents one row per agent, in the order they were first configured
 * @param agentTotals all agents together
 */
public record KpiReport(
    List<QueueKpis> queues, QueueKpis overall, List<AgentKpis> agents, AgentKpis agentTotals) {
  public KpiReport {
    queues = List.copyOf(queues);
    agents = List.copyOf(agents);
  }
}
