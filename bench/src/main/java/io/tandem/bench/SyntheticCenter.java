package io.tandem.bench;

import io.tandem.core.agent.AgentProfile;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueId;
import io.tandem.core.queue.RoutingStrategyKind;
import io.tandem.core.skill.AgentSkills;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A synthetic contact center, the same for every run with the same seed: 20 skills, 3 languages,
 * agents with random skill mixes and 20 queues with mixed strategies and escalation stages, plus
 * the mix of demands that arriving interactions draw from.
 *
 * <p>Agents hold 2–5 of the 20 skills (uniformly chosen) at proficiency 1–5 and speak 1–2 of {@code
 * en} (60 % as first language), {@code de} (25 %), {@code fr} (15 %). Queue {@code i} is built
 * around skill {@code i}: its strategy cycles through longest idle, round robin, least occupied,
 * skills with proficiency and simultaneous (3 agents at once); its first stage asks for a strong
 * agent (e.g. {@code billing >= 3}, some with a second skill), widened to {@code billing >= 1}
 * after 15 s and, for every other queue, to {@code billing or fraud} after 45 s. Two queues in ten
 * carry priority 10. Wrap-up is zero everywhere, so an agent who hangs up is ready at once.
 *
 * <p>Arriving interactions pick a queue with weight {@code 1 / (1 + i/4)} (queue 0 gets about five
 * times the traffic of queue 19), ask for a language 40 % of the time and carry own priority 5 one
 * time in ten.
 */
final class SyntheticCenter {

  /** The skills every queue and agent draw from. */
  static final List<String> SKILLS =
      List.of(
          "billing",
          "sales",
          "support",
          "returns",
          "claims",
          "onboarding",
          "retention",
          "technical",
          "networking",
          "mobile",
          "roaming",
          "payments",
          "loans",
          "cards",
          "fraud",
          "insurance",
          "travel",
          "warranty",
          "shipping",
          "accounts");

  /** Where every agent's first (setup) call waits: anyone may take it; empty afterwards. */
  static final QueueId SEED_QUEUE = new QueueId("seed");

  private static final RoutingStrategyKind[] STRATEGIES = {
    RoutingStrategyKind.LONGEST_IDLE,
    RoutingStrategyKind.ROUND_ROBIN,
    RoutingStrategyKind.LEAST_OCCUPIED,
    RoutingStrategyKind.SKILLS_PROFICIENCY,
    RoutingStrategyKind.SIMULTANEOUS
  };

  private final SplittableRandom random;
  private final List<QueueConfig> queues = new ArrayList<>();
  private final double[] cumulativeWeights;

  SyntheticCenter(long seed) {
    this.random = new SplittableRandom(seed);
    for (int i = 0; i < SKILLS.size(); i++) {
      queues.add(queue(i));
    }
    cumulativeWeights = new double[queues.size()];
    double sum = 0;
    for (int i = 0; i < queues.size(); i++) {
      sum += 1.0 / (1 + i / 4.0);
      cumulativeWeights[i] = sum;
    }
    for (int i = 0; i < queues.size(); i++) {
      cumulativeWeights[i] /= sum;
    }
  }

  /** The seed queue: any agent, longest idle. */
  static QueueConfig seedQueue() {
    return QueueConfig.builder(SEED_QUEUE.value()).skills("any").build();
  }

  /** The 20 routing queues. */
  List<QueueConfig> queues() {
    return queues;
  }

  /** A new agent {@code a<index>} with a random skill mix. */
  AgentProfile agent(int index) {
    List<String> skills = new ArrayList<>(SKILLS);
    Collections.shuffle(skills, new java.util.Random(random.nextLong()));
    int count = 2 + random.nextInt(4);
    Map<String, Integer> proficiencies = new LinkedHashMap<>();
    for (String skill : skills.subList(0, count)) {
      proficiencies.put(skill, 1 + random.nextInt(5));
    }
    String first = language();
    String second = language();
    AgentSkills agentSkills =
        random.nextInt(10) < 4 && !second.equals(first)
            ? AgentSkills.of(proficiencies, first, second)
            : AgentSkills.of(proficiencies, first);
    return AgentProfile.voice("a" + index, agentSkills);
  }

  /** The demand of the next arriving interaction. */
  Demand nextDemand() {
    double draw = random.nextDouble();
    int queue = 0;
    while (queue < cumulativeWeights.length - 1 && draw > cumulativeWeights[queue]) {
      queue++;
    }
    int priority = random.nextInt(10) == 0 ? 5 : 0;
    int languageDraw = random.nextInt(20);
    String language =
        languageDraw < 12 ? null : languageDraw < 17 ? "en" : languageDraw < 19 ? "de" : "fr";
    return new Demand(queues.get(queue).id(), priority, language);
  }

  private String language() {
    int draw = random.nextInt(20);
    return draw < 12 ? "en" : draw < 17 ? "de" : "fr";
  }

  private static QueueConfig queue(int i) {
    String primary = SKILLS.get(i);
    String secondary = SKILLS.get((i + 7) % SKILLS.size());
    String first =
        switch (i % 4) {
          case 0 -> primary + " >= 3 and " + secondary + " >= 2";
          case 1 -> primary + " >= 4 or " + secondary + " >= 4";
          default -> primary + " >= 3";
        };
    RoutingStrategyKind strategy = STRATEGIES[i % STRATEGIES.length];
    QueueConfig.Builder builder =
        QueueConfig.builder("q-" + primary)
            .skills(first)
            .escalateAfter(Duration.ofSeconds(15), primary + " >= 1")
            .strategy(strategy)
            .priority(i % 10 == 3 || i % 10 == 7 ? 10 : 0);
    if (i % 2 == 0) {
      builder.escalateAfter(Duration.ofSeconds(45), primary + " or " + secondary);
    }
    if (strategy == RoutingStrategyKind.SIMULTANEOUS) {
      builder.simultaneousOffers(3);
    }
    return builder.build();
  }
}
