package io.tandem.core.flow;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds random flows for property tests from a size and a list of random numbers that decide every
 * node kind and exit, so that a failing case shrinks to a small flow.
 *
 * <p>Nodes are {@code n0} to {@code n<size-1>}, entered at {@code n0}. Each node but the last
 * continues to the next one (so every node is reachable) and the last ends the flow. A node's other
 * exits lead forward, except a menu's, which may lead anywhere: so every loop passes through a
 * menu.
 */
final class RandomFlows {

  /** A flow with a loop without input from {@code loopStart} to a check-hours node and back. */
  record LoopedFlow(Flow flow, String loopStart) {}

  private enum PassingKind {
    PLAY,
    SET_ATTRIBUTES,
    CHECK_HOURS,
    HTTP_LOOKUP,
    MENU,
    COLLECT_DIGITS,
    OFFER_CALLBACK
  }

  private final int size;
  private final List<Integer> randoms;
  private int next;

  private RandomFlows(int size, List<Integer> randoms) {
    this.size = size;
    this.randoms = randoms;
  }

  /** A flow in which every loop passes through a menu. */
  static Flow wellFormed(int size, List<Integer> randoms) {
    return new RandomFlows(size, randoms).build(new LinkedHashMap<>());
  }

  /**
   * A {@link #wellFormed} flow in which nodes {@code j} to {@code i-1} are turned into plays and
   * set-attributes, and node {@code i} into a check-hours node whose open exit leads back to node
   * {@code j}: a loop without input.
   */
  static LoopedFlow withLoopWithoutInput(int size, List<Integer> randoms) {
    RandomFlows flows = new RandomFlows(size, randoms);
    Map<String, FlowNode> nodes = new LinkedHashMap<>();
    flows.build(nodes);
    int end = flows.random(size - 1);
    int start = flows.random(end + 1);
    for (int k = start; k < end; k++) {
      nodes.put(
          id(k), flows.random(2) == 0 ? Nodes.play("Hold on.", id(k + 1)) : flows.set(id(k + 1)));
    }
    nodes.put(id(end), new CheckHours("office", id(start), id(end + 1), null));
    return new LoopedFlow(flow(nodes), id(start));
  }

  private Flow build(Map<String, FlowNode> nodes) {
    for (int i = 0; i < size - 1; i++) {
      nodes.put(id(i), passing(i));
    }
    nodes.put(id(size - 1), ending());
    return flow(nodes);
  }

  private static Flow flow(Map<String, FlowNode> nodes) {
    return new Flow("random", "random flow", id(0), nodes);
  }

  /** Node {@code i}, which continues to node {@code i+1} and maybe elsewhere. */
  private FlowNode passing(int i) {
    String following = id(i + 1);
    PassingKind kind = PassingKind.values()[random(PassingKind.values().length)];
    return switch (kind) {
      case PLAY -> Nodes.play("Hello.", following);
      case SET_ATTRIBUTES -> set(following);
      case CHECK_HOURS -> new CheckHours("office", following, forward(i), null);
      case HTTP_LOOKUP ->
          new HttpLookup(
              "https://crm.example.com/${caller}",
              Duration.ofSeconds(1),
              Map.of("name", "customerName"),
              following,
              forward(i));
      case MENU ->
          Nodes.menu("Choose.", Nodes.ordered("1", following, "2", anywhere()), anywhere());
      case COLLECT_DIGITS -> Nodes.collect("account", following, forward(i));
      case OFFER_CALLBACK -> Nodes.offerCallback(following, forward(i));
    };
  }

  private FlowNode ending() {
    return switch (random(4)) {
      case 0 -> Nodes.route("billing");
      case 1 -> Nodes.hangUp("done");
      case 2 -> new TransferToNumber("+41445550000");
      default -> new Voicemail("office", null);
    };
  }

  private SetAttributes set(String following) {
    return Nodes.set(Map.of("step", "passed"), following);
  }

  /** A node after node {@code i}. */
  private String forward(int i) {
    return id(i + 1 + random(size - 1 - i));
  }

  /** Any node, before or after. */
  private String anywhere() {
    return id(random(size));
  }

  /** The next random number, 0 to {@code bound - 1}. */
  private int random(int bound) {
    int value = randoms.get(next % randoms.size());
    next++;
    return Math.floorMod(value, bound);
  }

  private static String id(int i) {
    return "n" + i;
  }
}
