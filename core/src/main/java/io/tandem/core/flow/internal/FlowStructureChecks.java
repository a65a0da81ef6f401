package io.tandem.core.flow.internal;

import io.tandem.core.flow.Flow;
import io.tandem.core.flow.FlowNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Checks that a flow holds together: it has an id and a known start node, every node is defined
 * under a usable id, and every exit is filled in and leads to a node of the flow.
 */
public final class FlowStructureChecks {

  private FlowStructureChecks() {}

  /** Adds every structural problem of {@code flow} to {@code problems}. */
  public static void check(Flow flow, Problems problems) {
    if (isBlank(flow.id())) {
      problems.add(null, "id", "a flow needs an id");
    }
    if (flow.nodes().isEmpty()) {
      problems.add(null, "nodes", "a flow needs at least one node");
    }
    if (isBlank(flow.start())) {
      problems.add(null, "start", "missing start node");
    } else if (flow.node(flow.start()) == null) {
      problems.add(null, "start", "start points at unknown node '" + flow.start() + "'");
    }
    for (Map.Entry<String, @Nullable FlowNode> entry : flow.nodes().entrySet()) {
      checkNode(flow, entry.getKey(), entry.getValue(), problems);
    }
  }

  private static void checkNode(
      Flow flow, @Nullable String id, @Nullable FlowNode node, Problems problems) {
    if (id == null || id.isBlank()) {
      problems.add(id == null ? "" : id, "id", "a node needs a non-blank id");
      return;
    }
    if (node == null) {
      problems.add(id, "id", "node has no definition");
      return;
    }
    for (FlowNode.Exit exit : node.exits()) {
      String target = exit.target();
      if (target == null) {
        if (exit.required()) {
          problems.add(id, exit.field(), "missing exit");
        }
      } else if (target.isBlank()) {
        problems.add(id, exit.field(), "missing exit (blank)");
      } else if (flow.node(target) == null) {
        problems.add(id, exit.field(), "exit points at unknown node '" + target + "'");
      }
    }
  }

  private static boolean isBlank(@Nullable String text) {
    return text == null || text.isBlank();
  }
}
