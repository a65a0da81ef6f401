package io.tandem.core.routing.strategy;

import io.tandem.core.queue.RoutingStrategyKind;
import java.util.EnumMap;
import java.util.Map;

/** The one place that maps a queue's configured strategy to its class. */
public final class RoutingStrategies {

  private final Map<RoutingStrategyKind, RoutingStrategy> byKind =
      new EnumMap<>(RoutingStrategyKind.class);

  public RoutingStrategies() {
    byKind.put(RoutingStrategyKind.LONGEST_IDLE, new LongestIdle());
    byKind.put(RoutingStrategyKind.ROUND_ROBIN, new RoundRobin());
    byKind.put(RoutingStrategyKind.LEAST_OCCUPIED, new LeastOccupied());
    byKind.put(RoutingStrategyKind.SKILLS_PROFICIENCY, new SkillsProficiency());
    byKind.put(RoutingStrategyKind.SERIAL, new Serial());
    byKind.put(RoutingStrategyKind.SIMULTANEOUS, new Simultaneous());
  }

  /** The strategy for {@code kind}. */
  public RoutingStrategy forKind(RoutingStrategyKind kind) {
    return byKind.get(kind);
  }
}
