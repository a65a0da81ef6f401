package io.tandem.core.flow;

import java.util.List;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Ends the flow by queueing the interaction for an agent (or, after an accepted {@link
 * OfferCallback}, by queueing the callback).
 *
 * @param queue the name of the tenant's queue
 * @param priority the interaction's own priority in that queue, 0-100; {@code null} keeps the one
 *     set so far
 */
public record RouteToQueue(String queue, @Nullable Integer priority) implements FlowNode {

  /** The priority, empty when the node leaves it. */
  public OptionalInt optionalPriority() {
    return priority == null ? OptionalInt.empty() : OptionalInt.of(priority);
  }

  @Override
  public List<Exit> exits() {
    return List.of();
  }
}
