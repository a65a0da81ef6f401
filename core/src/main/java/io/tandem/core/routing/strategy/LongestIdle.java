package io.tandem.core.routing.strategy;

import io.tandem.core.routing.Agent;
import java.util.List;

/** Offers to the agent who has been ready the longest: the fairest spread of work. */
public final class LongestIdle implements RoutingStrategy {

  @Override
  public void pick(Candidates candidates, int count, List<Agent> picked) {
    for (Agent agent : candidates.longestIdleFirst()) {
      if (picked.size() >= count) {
        return;
      }
      picked.add(agent);
    }
  }
}
