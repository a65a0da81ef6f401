package io.tandem.server.demo;

import io.tandem.core.queue.QueueId;
import io.tandem.core.simulation.Distribution;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the demo's simulated agents behave beyond answering (answer delay, RONA and presence come
 * from the tenant's scenario).
 *
 * @param wrapUpAfter time from the end of a call to the agent completing wrap-up with a code; when
 *     it outlasts the queue's wrap-up time, the engine ends wrap-up first, without a code
 * @param wrapUpCodes per queue, the codes an agent picks from (evenly); a queue without codes gets
 *     its wrap-up completed without one
 * @param endCallShare share of answered calls (0-1) the agent ends; the caller ends the rest
 * @param breaks the agents' not-ready breaks; {@code null} for none
 */
public record AgentHabits(
    Distribution wrapUpAfter,
    Map<QueueId, List<String>> wrapUpCodes,
    double endCallShare,
    @Nullable Breaks breaks) {

  public AgentHabits {
    Objects.requireNonNull(wrapUpAfter, "wrapUpAfter");
    wrapUpCodes = Map.copyOf(wrapUpCodes);
  }

  /**
   * Each agent's not-ready breaks: Poisson times, {@code perHour} an hour on average, each lasting
   * a time drawn from {@code length}, taken only while the agent is ready.
   *
   * @param perHour mean breaks per agent and hour
   * @param length how long a break lasts
   * @param reason the not-ready reason agents give
   */
  public record Breaks(double perHour, Distribution length, String reason) {
    public Breaks {
      Objects.requireNonNull(length, "length");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The default time an agent takes to complete wrap-up: 5 to 20 s. */
  static final Distribution DEFAULT_WRAP_UP_AFTER =
      new Distribution.Uniform(Duration.ofSeconds(5), Duration.ofSeconds(20));
}
