package io.tandem.core.routing.strategy;

import io.tandem.core.routing.Agent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Offers to the agent who handled the fewest interactions since logging in, then the least talk
 * time, then the longest idle.
 */
public final class LeastOccupied implements RoutingStrategy {

  static final Comparator<Agent> LEAST_OCCUPIED =
      Comparator.comparingInt(Agent::handled)
          .thenComparing(Agent::talkTime)
          .thenComparing(Agent::readySince)
          .thenComparingInt(Agent::slot);

  @Override
  public void pick(Candidates candidates, int count, List<Agent> picked) {
    if (count == 1) {
      Agent best = null;
      for (Agent agent : candidates.inSlotOrderAfter(-1)) {
        if (best == null || LEAST_OCCUPIED.compare(agent, best) < 0) {
          best = agent;
        }
      }
      if (best != null) {
        picked.add(best);
      }
      return;
    }
    List<Agent> all = new ArrayList<>();
    candidates.inSlotOrderAfter(-1).forEach(all::add);
    all.sort(LEAST_OCCUPIED);
    picked.addAll(all.subList(0, Math.min(count, all.size())));
  }
}
