package io.tandem.core.simulation;

import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.ServiceLevelTarget;
import io.tandem.core.skill.AgentSkills;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Small scenarios for tests, built in one line each. */
final class Scenarios {

  /** Monday 2026-11-23 08:00 UTC. */
  static final Instant START = Instant.parse("2026-11-23T08:00:00Z");

  static final AgentSkills GENERAL = AgentSkills.of(Map.of("general", 3), "en");

  private Scenarios() {}

  /** One "general" queue (80/20, 15 s ring, no wrap-up) and one group of always-on agents. */
  static Scenario oneQueue(
      double perHour, Distribution handleTime, int agents, Duration duration, long seed) {
    return new Scenario(
        "test",
        START,
        ZoneId.of("UTC"),
        duration,
        0,
        Scenario.DEFAULT_DRAIN,
        seed,
        List.of(QueueScenario.constant(general().build(), perHour, handleTime)),
        List.of(AgentGroup.of("agent", agents, GENERAL)));
  }

  static QueueConfig.Builder general() {
    return QueueConfig.builder("general")
        .skills("general")
        .serviceLevel(new ServiceLevelTarget(80, Duration.ofSeconds(20)));
  }

  static Distribution fixed(Duration value) {
    return new Distribution.Fixed(value);
  }

  static Distribution exponential(Duration mean) {
    return new Distribution.Exponential(mean);
  }

  static Scenario withQueue(Scenario scenario, QueueScenario queue) {
    return scenario.withQueues(List.of(queue));
  }

  static Scenario withGroup(Scenario scenario, AgentGroup group) {
    return scenario.withAgents(List.of(group));
  }
}
