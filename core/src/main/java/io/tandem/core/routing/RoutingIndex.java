package io.tandem.core.routing;

import io.tandem.core.agent.AgentId;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The structures that make routing decisions fast: agent slots, the ready agents in idle order, the
 * routing groups with their eligibility bit sets and waiting lines, and the interactions held for a
 * preferred agent. Derived entirely from the applied events.
 */
final class RoutingIndex {

  /** Longest idle first. */
  static final Comparator<Agent> IDLE_ORDER =
      Comparator.comparing(Agent::readySince).thenComparingInt(Agent::slot);

  /** One queue's groups and counters. */
  static final class QueueLine {
    QueueConfig config;
    final List<RoutingGroup> groups = new ArrayList<>();
    int waiting;
    int lastOfferedSlot = -1;

    QueueLine(QueueConfig config) {
      this.config = config;
    }
  }

  private final List<@Nullable Agent> slots = new ArrayList<>();
  private final ArrayDeque<Integer> freeSlots = new ArrayDeque<>();
  private final AgentSet ready = new AgentSet(64);
  private final AgentSet loggedIn = new AgentSet(64);
  private final TreeSet<Agent> idleOrder = new TreeSet<>(IDLE_ORDER);
  private final Map<QueueId, QueueLine> queues = new LinkedHashMap<>();
  private final Map<RoutingGroup.Key, RoutingGroup> groups = new HashMap<>();
  private final List<RoutingGroup> groupList = new ArrayList<>();
  private final Map<AgentId, TreeSet<Interaction>> preferred = new HashMap<>();

  int takeSlot() {
    if (!freeSlots.isEmpty()) {
      return freeSlots.pollFirst();
    }
    slots.add(null);
    return slots.size() - 1;
  }

  void addAgent(Agent agent) {
    slots.set(agent.slot(), agent);
    groupList.forEach(group -> group.evaluate(agent));
  }

  void reevaluate(Agent agent) {
    groupList.forEach(group -> group.evaluate(agent));
  }

  void removeAgent(Agent agent) {
    unready(agent);
    groupList.forEach(group -> group.forget(agent.slot()));
    slots.set(agent.slot(), null);
    freeSlots.addLast(agent.slot());
  }

  void loggedIn(Agent agent, boolean in) {
    if (in) {
      loggedIn.add(agent.slot());
    } else {
      loggedIn.remove(agent.slot());
    }
  }

  /** How many logged-in agents are eligible for the group at its widest stage. */
  int loggedInFor(RoutingGroup group) {
    return group.eligibleAt(group.stages() - 1).countInBoth(loggedIn);
  }

  /** Whether some logged-in agent is eligible for the group at its widest stage. */
  boolean anyLoggedIn(RoutingGroup group) {
    return group.eligibleAt(group.stages() - 1).intersects(loggedIn);
  }

  void markReady(Agent agent) {
    ready.add(agent.slot());
    idleOrder.add(agent);
  }

  /** Call before changing a ready agent's state: the idle order keys on its ready-since. */
  void unready(Agent agent) {
    ready.remove(agent.slot());
    idleOrder.remove(agent);
  }

  AgentSet ready() {
    return ready;
  }

  TreeSet<Agent> idleOrder() {
    return idleOrder;
  }

  @Nullable Agent agentAt(int slot) {
    return slot < slots.size() ? slots.get(slot) : null;
  }

  int slotCount() {
    return slots.size();
  }

  @Nullable QueueLine line(QueueId queue) {
    return queues.get(queue);
  }

  List<RoutingGroup> groups() {
    return groupList;
  }

  /** Adds or reconfigures a queue; waiting interactions keep their order. */
  void configureQueue(QueueConfig config, Iterable<Agent> agents) {
    QueueLine line = queues.get(config.id());
    if (line == null) {
      queues.put(config.id(), new QueueLine(config));
      return;
    }
    List<Interaction> waiters = new ArrayList<>();
    for (RoutingGroup group : line.groups) {
      group.allWaiting().forEach(waiters::add);
      group.allWaiting().forEach(group::remove);
      group.reconfigure(config, slots.size());
      agents.forEach(group::evaluate);
    }
    line.config = config;
    int lastStage = config.stages().size() - 1;
    for (Interaction waiter : waiters) {
      if (waiter.stage() > lastStage) {
        waiter.stage(lastStage);
      }
      waiter.group.add(waiter);
    }
  }

  void removeQueue(QueueId queue) {
    QueueLine line = queues.remove(queue);
    if (line != null) {
      line.groups.forEach(group -> groups.remove(group.key));
      groupList.removeAll(line.groups);
    }
  }

  /** Puts a waiting interaction into its line (or its preferred agent's line). */
  void addWaiting(Interaction interaction, Iterable<Agent> agents) {
    QueueLine line = queues.get(interaction.queue());
    AgentId preferredAgent = interaction.preferredAgent();
    RoutingGroup group = groupFor(interaction, line, agents);
    interaction.group = group;
    if (preferredAgent != null) {
      preferred
          .computeIfAbsent(preferredAgent, id -> new TreeSet<>(RoutingGroup.SERVICE_ORDER))
          .add(interaction);
    } else {
      group.add(interaction);
    }
    line.waiting++;
  }

  void removeWaiting(Interaction interaction) {
    QueueLine line = queues.get(interaction.queue());
    AgentId preferredAgent = interaction.preferredAgent();
    if (preferredAgent != null) {
      TreeSet<Interaction> held = preferred.get(preferredAgent);
      if (held != null && held.remove(interaction) && held.isEmpty()) {
        preferred.remove(preferredAgent);
      }
    } else if (interaction.group != null) {
      interaction.group.remove(interaction);
    }
    if (line != null) {
      line.waiting--;
    }
  }

  /** Interactions waiting only for {@code agent}, best first (empty set if none). */
  @Nullable TreeSet<Interaction> heldFor(AgentId agent) {
    return preferred.get(agent);
  }

  private RoutingGroup groupFor(Interaction interaction, QueueLine line, Iterable<Agent> agents) {
    RoutingGroup.Key key =
        new RoutingGroup.Key(
            line.config.id(), interaction.skills(), interaction.language(), interaction.channel());
    RoutingGroup group = groups.get(key);
    if (group == null) {
      group = new RoutingGroup(key, line.config, slots.size());
      for (Agent agent : agents) {
        group.evaluate(agent);
      }
      groups.put(key, group);
      groupList.add(group);
      line.groups.add(group);
    }
    return group;
  }

  private static void addIfIn(QueueId queue, Interaction interaction, List<Interaction> into) {
    if (queue.equals(interaction.queue())) {
      into.add(interaction);
    }
  }

  /**
   * The 1-based place of {@code interaction} among the waiting interactions of its queue in service
   * order, or 0 if it does not wait there: counts those ahead, without copying or sorting the line.
   */
  int positionOf(QueueId queue, Interaction interaction) {
    QueueLine line = queues.get(queue);
    if (line == null) {
      return 0;
    }
    int[] ahead = {0};
    boolean[] found = {false};
    java.util.function.Consumer<Interaction> count =
        other -> {
          if (other == interaction) {
            found[0] = true;
          } else if (queue.equals(other.queue())
              && RoutingGroup.SERVICE_ORDER.compare(other, interaction) < 0) {
            ahead[0]++;
          }
        };
    line.groups.forEach(group -> group.allWaiting().forEach(count));
    preferred.values().forEach(held -> held.forEach(count));
    return found[0] ? ahead[0] + 1 : 0;
  }

  /** Waiting interactions of {@code queue} in service order (for positions and snapshots). */
  List<Interaction> waitingIn(QueueId queue) {
    List<Interaction> all = new ArrayList<>();
    QueueLine line = queues.get(queue);
    if (line != null) {
      line.groups.forEach(group -> group.allWaiting().forEach(all::add));
      preferred.values().forEach(held -> held.forEach(i -> addIfIn(queue, i, all)));
    }
    all.sort(RoutingGroup.SERVICE_ORDER);
    return all;
  }
}
