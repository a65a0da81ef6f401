package io.tandem.core.flow;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A virtual-assistant (IVR) flow as data: named nodes, each with explicit exits to other nodes,
 * entered at {@code start}.
 *
 * <p>Flows arrive from outside (YAML or JSON, mapped onto these records at the edge), so neither
 * this record nor the node records check their components: any of them may be missing or wrong.
 * {@link FlowValidator} reports every such problem with its node and field, and only the {@link
 * ValidatedFlow} it returns can be run.
 *
 * @param id identifies the flow within its tenant
 * @param name what operators call the flow
 * @param start id of the node the flow begins with
 * @param nodes the nodes by id, in the order they were written (kept for error reports and display)
 */
public record Flow(String id, String name, String start, Map<String, FlowNode> nodes) {

  /** Keeps an unmodifiable copy of {@code nodes} in insertion order. */
  public Flow {
    nodes = OrderedMaps.copyOf(nodes);
  }

  /** The node with {@code id}, or {@code null} when the flow has none. */
  public @Nullable FlowNode node(String id) {
    return nodes.get(id);
  }
}
