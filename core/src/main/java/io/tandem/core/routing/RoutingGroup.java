package io.tandem.core.routing;

import io.tandem.core.agent.AgentProfile;
import io.tandem.core.interaction.Channel;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.skill.SkillExpression;
import java.util.Comparator;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The interactions of one queue that share the same extra requirement (skills, language) and
 * channel, so they share one set of eligible agents per skill stage.
 *
 * <p>{@code eligible[k]} holds the agents who may take an interaction at stage {@code k}: those
 * matching stage 0..k of the queue (stages only widen), the extra requirement, the queue's member
 * list and having capacity for the channel. {@code waiting[k]} holds the interactions at stage
 * {@code k} in service order. Because waiting time only grows, the head of each stage's line is the
 * only candidate an agent needs to look at.
 */
final class RoutingGroup {

  /** Service order: higher rank first, then earlier arrival. */
  static final Comparator<Interaction> SERVICE_ORDER =
      Comparator.comparingInt(Interaction::queueRank)
          .reversed()
          .thenComparingLong(Interaction::arrivalOrder);

  /** What makes interactions share a group. */
  record Key(
      io.tandem.core.queue.QueueId queue,
      SkillExpression skills,
      @Nullable String language,
      Channel channel) {}

  final Key key;
  private QueueConfig queue;
  private AgentSet[] eligible;
  private TreeSet<Interaction>[] waiting;
  private int waitingCount;

  RoutingGroup(Key key, QueueConfig queue, int agentCapacity) {
    this.key = key;
    this.queue = queue;
    this.eligible = newEligible(queue.stages().size(), agentCapacity);
    this.waiting = newWaiting(queue.stages().size());
  }

  QueueConfig queue() {
    return queue;
  }

  int stages() {
    return eligible.length;
  }

  int waitingCount() {
    return waitingCount;
  }

  AgentSet eligibleAt(int stage) {
    return eligible[stage];
  }

  /** Takes a new queue configuration; the caller re-evaluates agents and re-adds waiters. */
  void reconfigure(QueueConfig config, int agentCapacity) {
    if (waitingCount != 0) {
      throw new IllegalStateException("reconfigure a group only once its waiters were taken out");
    }
    queue = config;
    eligible = newEligible(config.stages().size(), agentCapacity);
    waiting = newWaiting(config.stages().size());
  }

  /** Recomputes whether {@code agent} is eligible at each stage. */
  void evaluate(Agent agent) {
    int slot = agent.slot();
    boolean base = baseMatch(agent.profile());
    boolean matched = false;
    for (int k = 0; k < eligible.length; k++) {
      matched =
          base && (matched || queue.stages().get(k).skills().matches(agent.profile().skills()));
      if (matched) {
        eligible[k].add(slot);
      } else {
        eligible[k].remove(slot);
      }
    }
  }

  void forget(int slot) {
    for (AgentSet set : eligible) {
      set.remove(slot);
    }
  }

  private boolean baseMatch(AgentProfile profile) {
    return profile.capacityFor(key.channel()) > 0
        && (queue.members().isEmpty() || queue.members().contains(profile.id()))
        && key.skills().matches(profile.skills())
        && (key.language() == null || profile.skills().speaks(key.language()));
  }

  /** The first stage at which the agent in {@code slot} may serve, or -1. */
  int minStage(int slot) {
    for (int k = 0; k < eligible.length; k++) {
      if (eligible[k].contains(slot)) {
        return k;
      }
    }
    return -1;
  }

  void add(Interaction interaction) {
    int stage = Math.min(interaction.stage(), waiting.length - 1);
    if (waiting[stage].add(interaction)) {
      waitingCount++;
    }
  }

  void remove(Interaction interaction) {
    int stage = Math.min(interaction.stage(), waiting.length - 1);
    if (waiting[stage].remove(interaction)) {
      waitingCount--;
    }
  }

  /** The best waiting interaction at {@code fromStage} or later, or {@code null}. */
  @Nullable Interaction best(int fromStage) {
    Interaction best = null;
    for (int k = fromStage; k < waiting.length; k++) {
      TreeSet<Interaction> line = waiting[k];
      if (!line.isEmpty()) {
        Interaction head = line.first();
        if (best == null || SERVICE_ORDER.compare(head, best) < 0) {
          best = head;
        }
      }
    }
    return best;
  }

  /** Every waiting interaction, all stages, in no particular order. */
  Iterable<Interaction> allWaiting() {
    java.util.List<Interaction> all = new java.util.ArrayList<>(waitingCount);
    for (TreeSet<Interaction> line : waiting) {
      all.addAll(line);
    }
    return all;
  }

  private static AgentSet[] newEligible(int stages, int agentCapacity) {
    AgentSet[] sets = new AgentSet[stages];
    for (int k = 0; k < stages; k++) {
      sets[k] = new AgentSet(agentCapacity);
    }
    return sets;
  }

  @SuppressWarnings("unchecked")
  private static TreeSet<Interaction>[] newWaiting(int stages) {
    TreeSet<Interaction>[] lines = new TreeSet[stages];
    for (int k = 0; k < stages; k++) {
      lines[k] = new TreeSet<>(SERVICE_ORDER);
    }
    return lines;
  }

  @Override
  public String toString() {
    return "group(" + key + ", waiting=" + waitingCount + ")";
  }
}
