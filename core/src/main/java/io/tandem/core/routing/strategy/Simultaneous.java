package io.tandem.core.routing.strategy;

import io.tandem.core.routing.Agent;
import java.util.List;

/**
 * Offers to up to the queue's {@code simultaneousOffers} agents at once, the longest idle first;
 * the first to accept wins and the others' offers are withdrawn (Teams "attendant" routing).
 */
public final class Simultaneous implements RoutingStrategy {

  private final LongestIdle longestIdle = new LongestIdle();

  @Override
  public void pick(Candidates candidates, int count, List<Agent> picked) {
    longestIdle.pick(candidates, Math.max(count, candidates.queue().simultaneousOffers()), picked);
  }
}
