package io.tandem.core.routing.strategy;

import io.tandem.core.routing.Agent;
import java.util.List;

/** Offers to agents in turn, continuing after the agent the queue offered to last. */
public final class RoundRobin implements RoutingStrategy {

  @Override
  public void pick(Candidates candidates, int count, List<Agent> picked) {
    for (Agent agent : candidates.inSlotOrderAfter(candidates.lastOfferedSlot())) {
      if (picked.size() >= count) {
        return;
      }
      picked.add(agent);
    }
  }
}
