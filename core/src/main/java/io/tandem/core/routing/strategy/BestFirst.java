package io.tandem.core.routing.strategy;

import io.tandem.core.routing.Agent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Picks the best candidates by a comparator: one pass for a single pick, a sort for several. */
final class BestFirst {

  private BestFirst() {}

  static void pick(Candidates candidates, Comparator<Agent> order, int count, List<Agent> picked) {
    if (count == 1) {
      Agent best = null;
      for (Agent agent : candidates.inSlotOrderAfter(-1)) {
        if (best == null || order.compare(agent, best) < 0) {
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
    all.sort(order);
    picked.addAll(all.subList(0, Math.min(count, all.size())));
  }
}
