package io.tandem.core.flow;

import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a {@link Flow} in tests node by node, in the order a person would write it. */
final class FlowBuilder {

  private final String id;
  private final String start;
  private final Map<String, FlowNode> nodes = new LinkedHashMap<>();

  private FlowBuilder(String id, String start) {
    this.id = id;
    this.start = start;
  }

  /** A flow called {@code test} that starts at {@code start}. */
  static FlowBuilder startingAt(String start) {
    return new FlowBuilder("test", start);
  }

  /** A flow called {@code id} that starts at {@code start}. */
  static FlowBuilder flow(String id, String start) {
    return new FlowBuilder(id, start);
  }

  FlowBuilder node(String nodeId, FlowNode node) {
    nodes.put(nodeId, node);
    return this;
  }

  Flow build() {
    return new Flow(id, id + " flow", start, nodes);
  }
}
