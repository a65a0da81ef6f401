package io.tandem.core.simulation;

import io.tandem.core.queue.QueueConfig;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One queue of a scenario: its real configuration and the callers who call it.
 *
 * @param queue the queue as the routing engine gets it
 * @param arrivals piecewise-constant Poisson arrival rates, ordered by {@code from}; empty for a
 *     queue reached only by overflow
 * @param arrivalsRepeatEvery length of the arrival cycle (e.g. one day) after which {@code
 *     arrivals} repeat; {@code null} for no repetition (the last step lasts to the end)
 * @param priorities the callers' own priority mix
 * @param requirements the callers' extra skill/language requirement mix
 * @param handleTime talk time of an answered call (wrap-up comes on top, from the queue)
 * @param patience how long a caller waits before hanging up; {@code null} for callers who never
 *     hang up
 */
public record QueueScenario(
    QueueConfig queue,
    List<ArrivalStep> arrivals,
    @Nullable Duration arrivalsRepeatEvery,
    List<PriorityShare> priorities,
    List<RequirementShare> requirements,
    Distribution handleTime,
    @Nullable Distribution patience) {
  public QueueScenario {
    Objects.requireNonNull(queue, "queue");
    arrivals = List.copyOf(arrivals);
    priorities = List.copyOf(priorities);
    requirements = List.copyOf(requirements);
    Objects.requireNonNull(handleTime, "handleTime");
  }

  /** Callers with one constant rate, no mixes, who never hang up. */
  public static QueueScenario constant(QueueConfig queue, double perHour, Distribution handleTime) {
    return new QueueScenario(
        queue,
        List.of(new ArrivalStep(Duration.ZERO, perHour)),
        null,
        List.of(),
        List.of(),
        handleTime,
        null);
  }

  /** A copy with {@code value} as the patience. */
  public QueueScenario withPatience(@Nullable Distribution value) {
    return new QueueScenario(
        queue, arrivals, arrivalsRepeatEvery, priorities, requirements, handleTime, value);
  }

  /**
   * The priority of a caller whose uniform draw in [0, 1) is {@code draw}: the shares of {@link
   * #priorities} laid end to end; 0 past their sum.
   */
  public int priorityFor(double draw) {
    double cumulative = 0;
    for (PriorityShare share : priorities) {
      cumulative += share.share();
      if (draw < cumulative) {
        return share.priority();
      }
    }
    return 0;
  }

  /**
   * The requirement of a caller whose uniform draw in [0, 1) is {@code draw}: the shares of {@link
   * #requirements} laid end to end; {@code null} (none) past their sum.
   */
  public @Nullable RequirementShare requirementFor(double draw) {
    double cumulative = 0;
    for (RequirementShare share : requirements) {
      cumulative += share.share();
      if (draw < cumulative) {
        return share;
      }
    }
    return null;
  }
}
