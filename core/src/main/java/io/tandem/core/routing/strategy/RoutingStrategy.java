package io.tandem.core.routing.strategy;

import io.tandem.core.routing.Agent;
import java.util.List;

/** Picks which of several candidate agents get an offer. One class per strategy. */
public interface RoutingStrategy {

  /** Adds up to {@code count} candidates to {@code picked}, best first. */
  void pick(Candidates candidates, int count, List<Agent> picked);
}
