package io.tandem.core.flow.internal;

import io.tandem.core.flow.Flow;
import io.tandem.core.flow.FlowNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A flow as a directed graph, node to node along exits that lead to defined nodes, and the two
 * checks that need the whole graph: every node is reachable from the start, and every loop passes
 * through a node that waits for the caller.
 *
 * <p>Loops are found per strongly connected component of the graph without the input nodes: a
 * component that still has a cycle is a loop the flow could run forever without the caller. Each
 * such component is reported once, at its first node in flow order, with one of its shortest
 * cycles. Breadth-first searches keep this {@code O(n·(n+e))} for {@code n} nodes and {@code e}
 * exits, ample for hand-written flows.
 */
public final class FlowGraph {

  private record Edge(String field, String target) {}

  private final Map<String, List<Edge>> exits = new LinkedHashMap<>();
  private final Map<String, List<String>> entries = new HashMap<>();
  private final Set<String> inputNodes = new HashSet<>();

  private FlowGraph(Flow flow) {
    flow.nodes()
        .forEach(
            (id, node) -> {
              if (id != null && node != null) {
                addNode(flow, id, node);
              }
            });
  }

  /** The graph of {@code flow}, ignoring undefined nodes and exits that lead nowhere. */
  public static FlowGraph of(Flow flow) {
    return new FlowGraph(flow);
  }

  private void addNode(Flow flow, String id, FlowNode node) {
    List<Edge> out = new ArrayList<>();
    for (FlowNode.Exit exit : node.exits()) {
      String target = exit.target();
      if (target != null && flow.node(target) != null) {
        out.add(new Edge(exit.field(), target));
        entries.computeIfAbsent(target, t -> new ArrayList<>()).add(id);
      }
    }
    exits.put(id, out);
    if (node.awaitsCallerInput()) {
      inputNodes.add(id);
    }
  }

  /** Reports every node that cannot be reached from {@code start}, a node of the graph. */
  public void checkReachableFrom(String start, Problems problems) {
    Set<String> reached = new HashSet<>(Set.of(start));
    Deque<String> pending = new ArrayDeque<>(reached);
    while (!pending.isEmpty()) {
      for (Edge edge : exits.getOrDefault(pending.remove(), List.of())) {
        if (reached.add(edge.target())) {
          pending.add(edge.target());
        }
      }
    }
    for (String id : exits.keySet()) {
      if (!reached.contains(id)) {
        problems.add(id, "id", "unreachable: no path leads here from start node '" + start + "'");
      }
    }
  }

  /** Reports every loop that passes through no node waiting for caller input. */
  public void checkLoopsHaveInput(Problems problems) {
    Set<String> reported = new HashSet<>();
    for (String id : exits.keySet()) {
      if (inputNodes.contains(id) || reported.contains(id)) {
        continue;
      }
      Map<String, String> cameFrom = searchWithoutInput(id);
      if (!cameFrom.containsKey(id)) {
        continue;
      }
      Set<String> component = new HashSet<>(cameFrom.keySet());
      component.retainAll(reachingWithoutInput(id));
      reported.addAll(component);
      List<String> cycle = cycleThrough(id, cameFrom);
      problems.add(
          id,
          fieldLeadingTo(id, cycle.get(1)),
          "loop without input: "
              + String.join(" -> ", cycle)
              + "; every loop needs a menu, collect-digits or offer-callback node");
    }
  }

  /**
   * Breadth-first search from {@code origin} along non-input nodes: each node found, including
   * {@code origin} itself when a cycle leads back to it, mapped to the node it was found from.
   */
  private Map<String, String> searchWithoutInput(String origin) {
    Map<String, String> cameFrom = new HashMap<>();
    Deque<String> pending = new ArrayDeque<>(List.of(origin));
    while (!pending.isEmpty()) {
      String from = pending.remove();
      for (Edge edge : exits.get(from)) {
        String to = edge.target();
        if (!inputNodes.contains(to) && !cameFrom.containsKey(to)) {
          cameFrom.put(to, from);
          if (!to.equals(origin)) {
            pending.add(to);
          }
        }
      }
    }
    return cameFrom;
  }

  /** The non-input nodes from which {@code target} can be reached along non-input nodes. */
  private Set<String> reachingWithoutInput(String target) {
    Set<String> reaching = new HashSet<>();
    Deque<String> pending = new ArrayDeque<>(List.of(target));
    while (!pending.isEmpty()) {
      for (String from : entries.getOrDefault(pending.remove(), List.of())) {
        if (!inputNodes.contains(from) && reaching.add(from)) {
          pending.add(from);
        }
      }
    }
    return reaching;
  }

  /** {@code origin}, the nodes of the shortest cycle back to it, and {@code origin} again. */
  private static List<String> cycleThrough(String origin, Map<String, String> cameFrom) {
    List<String> cycle = new ArrayList<>(List.of(origin));
    String node = cameFrom.get(origin);
    while (node != null && !node.equals(origin)) {
      cycle.add(node);
      node = cameFrom.get(node);
    }
    cycle.add(origin);
    Collections.reverse(cycle);
    return cycle;
  }

  private String fieldLeadingTo(String from, String to) {
    for (Edge edge : exits.get(from)) {
      if (edge.target().equals(to)) {
        return edge.field();
      }
    }
    throw new IllegalStateException("no exit from '" + from + "' to '" + to + "'");
  }

  /** Whether {@code id} is a defined node of the graph. */
  public boolean contains(@Nullable String id) {
    return id != null && exits.containsKey(id);
  }
}
