package io.tandem.core.routing.strategy;

import io.tandem.core.agent.AgentId;
import io.tandem.core.routing.Agent;
import java.util.List;

/** Offers to the first available agent in the queue's fixed member order. */
public final class Serial implements RoutingStrategy {

  @Override
  public void pick(Candidates candidates, int count, List<Agent> picked) {
    for (AgentId id : candidates.queue().members()) {
      if (picked.size() >= count) {
        return;
      }
      Agent agent = candidates.member(id);
      if (agent != null) {
        picked.add(agent);
      }
    }
  }
}
