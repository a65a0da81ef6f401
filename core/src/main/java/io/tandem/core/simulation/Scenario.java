package io.tandem.core.simulation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A what-if staffing question: callers arriving at queues, agents with skills and shifts, all run
 * through the real routing engine in virtual time. Checked as a whole by {@link ScenarioValidator}
 * before a run.
 *
 * <p>Arrivals stop at {@code start + duration} or after {@code maxArrivals} arrivals, whichever
 * comes first (at least one must be set). The run then goes on until every caller has been served,
 * has abandoned or has left, but at most {@code drain} longer; callers still waiting then are
 * reported as unfinished.
 *
 * @param name a label for the report
 * @param start virtual time at which the simulation starts
 * @param zone the time zone reports show times in
 * @param duration how long callers arrive; {@code null} to stop only by {@code maxArrivals}
 * @param maxArrivals the most callers to generate; 0 for no limit
 * @param drain how long to let calls in progress finish after arrivals stop
 * @param seed the random seed: the same scenario and seed give the same report
 * @param queues the queues and their callers
 * @param agents the agent groups
 */
public record Scenario(
    String name,
    Instant start,
    ZoneId zone,
    @Nullable Duration duration,
    long maxArrivals,
    Duration drain,
    long seed,
    List<QueueScenario> queues,
    List<AgentGroup> agents) {

  /** Default drain: one hour. */
  public static final Duration DEFAULT_DRAIN = Duration.ofHours(1);

  public Scenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(drain, "drain");
    queues = List.copyOf(queues);
    agents = List.copyOf(agents);
  }

  /** A copy with {@code value} as the seed. */
  public Scenario withSeed(long value) {
    return new Scenario(name, start, zone, duration, maxArrivals, drain, value, queues, agents);
  }

  /** A copy with these queues. */
  public Scenario withQueues(List<QueueScenario> value) {
    return new Scenario(name, start, zone, duration, maxArrivals, drain, seed, value, agents);
  }

  /** A copy with these agent groups. */
  public Scenario withAgents(List<AgentGroup> value) {
    return new Scenario(name, start, zone, duration, maxArrivals, drain, seed, queues, value);
  }

  /** The number of agents over all groups. */
  public int agentCount() {
    return agents.stream().mapToInt(AgentGroup::count).sum();
  }
}
