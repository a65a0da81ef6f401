package io.tandem.core.routing.strategy;

import io.tandem.core.routing.Agent;
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
    BestFirst.pick(candidates, LEAST_OCCUPIED, count, picked);
  }
}
