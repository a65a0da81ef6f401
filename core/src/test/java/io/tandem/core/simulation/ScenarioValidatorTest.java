package io.tandem.core.simulation;

import static io.tandem.core.simulation.Scenarios.fixed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.agent.AgentId;
import io.tandem.core.presence.Availability;
import io.tandem.core.queue.QueueAction;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueId;
import io.tandem.core.skill.SkillExpression;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioValidatorTest {

  private static final Scenario VALID =
      Scenarios.oneQueue(60, fixed(Duration.ofMinutes(3)), 4, Duration.ofHours(8), 1);

  private static Duration s(long seconds) {
    return Duration.ofSeconds(seconds);
  }

  private static UnaryOperator<Scenario> queue(UnaryOperator<QueueScenario> change) {
    return scenario -> scenario.withQueues(List.of(change.apply(scenario.queues().get(0))));
  }

  private static UnaryOperator<Scenario> config(UnaryOperator<QueueConfig.Builder> change) {
    return queue(
        q ->
            new QueueScenario(
                change.apply(q.queue().toBuilder()).build(),
                q.arrivals(),
                q.arrivalsRepeatEvery(),
                q.priorities(),
                q.requirements(),
                q.handleTime(),
                q.patience()));
  }

  private static UnaryOperator<Scenario> arrivals(List<ArrivalStep> steps, Duration repeat) {
    return queue(
        q ->
            new QueueScenario(
                q.queue(),
                steps,
                repeat,
                q.priorities(),
                q.requirements(),
                q.handleTime(),
                q.patience()));
  }

  private static UnaryOperator<Scenario> priorities(PriorityShare... shares) {
    return queue(
        q ->
            new QueueScenario(
                q.queue(),
                q.arrivals(),
                null,
                List.of(shares),
                q.requirements(),
                q.handleTime(),
                q.patience()));
  }

  private static UnaryOperator<Scenario> requirements(RequirementShare... shares) {
    return queue(
        q ->
            new QueueScenario(
                q.queue(),
                q.arrivals(),
                null,
                q.priorities(),
                List.of(shares),
                q.handleTime(),
                q.patience()));
  }

  private static UnaryOperator<Scenario> handleTime(Distribution handle) {
    return queue(
        q ->
            new QueueScenario(
                q.queue(),
                q.arrivals(),
                null,
                q.priorities(),
                q.requirements(),
                handle,
                q.patience()));
  }

  private static UnaryOperator<Scenario> group(UnaryOperator<AgentGroup> change) {
    return scenario -> scenario.withAgents(List.of(change.apply(scenario.agents().get(0))));
  }

  private static UnaryOperator<Scenario> top(Duration duration, long maxArrivals, Duration drain) {
    return sc ->
        new Scenario(
            sc.name(),
            sc.start(),
            sc.zone(),
            duration,
            maxArrivals,
            drain,
            1,
            sc.queues(),
            sc.agents());
  }

  private static AgentGroup answering(
      AgentGroup g, Distribution delay, double noAnswer, Duration again) {
    return g.withAnswering(delay, noAnswer, again);
  }

  static Stream<Arguments> rules() {
    Duration hour = Duration.ofHours(1);
    return Stream.of(
        rule("duration must be positive, got 0s", top(Duration.ZERO, 0, hour)),
        rule("maxArrivals must be >= 0, got -1", top(hour, -1, hour)),
        rule("duration or maxArrivals must be set, else arrivals never stop", top(null, 0, hour)),
        rule("drain must be >= 0s, got -1s", top(hour, 0, s(-1))),
        rule("queues must list at least one queue", sc -> sc.withQueues(List.of())),
        rule("agents must list at least one agent group", sc -> sc.withAgents(List.of())),
        rule(
            "agents must have at most 100000 agents in all, got 100001",
            group(g -> g.withCount(100_001))),
        rule(
            "queues[1].id 'general' is already the id of queues[0]",
            sc -> sc.withQueues(List.of(sc.queues().get(0), sc.queues().get(0)))),
        rule(
            "queues[0].overflowAction refers to unknown queue 'nowhere'",
            config(
                b ->
                    b.maxWait(hour)
                        .overflowAction(new QueueAction.ToQueue(new QueueId("nowhere"))))),
        rule(
            "queues[0].noAgentAction refers to unknown queue 'nowhere'",
            config(b -> b.noAgentAction(new QueueAction.ToQueue(new QueueId("nowhere"))))),
        rule(
            "queues[0].businessHours is not supported by the simulator (queues are always open)",
            config(b -> b.businessHours("office"))),
        rule(
            "queues[0].members[1] names no agent of the scenario: 'agent-005'",
            config(b -> b.members(List.of(new AgentId("agent-004"), new AgentId("agent-005"))))),
        rule(
            "queues[0].arrivals[0].from must be >= 0s, got -1s",
            arrivals(List.of(new ArrivalStep(s(-1), 10)), null)),
        rule(
            "queues[0].arrivals[1].from must be after the previous step's from (1h), got 1h",
            arrivals(List.of(new ArrivalStep(hour, 10), new ArrivalStep(hour, 20)), null)),
        rule(
            "queues[0].arrivals[0].perHour must be >= 0, got -3.0",
            arrivals(List.of(new ArrivalStep(Duration.ZERO, -3)), null)),
        rule(
            "queues[0].arrivals[0].perHour must be >= 0, got NaN",
            arrivals(List.of(new ArrivalStep(Duration.ZERO, Double.NaN)), null)),
        rule(
            "queues[0].arrivals[0].perHour must be at most 1000000, got 2000000.0",
            arrivals(List.of(new ArrivalStep(Duration.ZERO, 2_000_000)), null)),
        rule(
            "queues[0].arrivalsRepeatEvery must be positive, got 0s",
            arrivals(List.of(new ArrivalStep(Duration.ZERO, 1)), Duration.ZERO)),
        rule(
            "queues[0].arrivalsRepeatEvery must be longer than the last arrival step's from (1h),"
                + " got 1h",
            arrivals(List.of(new ArrivalStep(Duration.ZERO, 1), new ArrivalStep(hour, 2)), hour)),
        rule(
            "queues[0].priorities[0].priority must be 0-100, got 101",
            priorities(new PriorityShare(101, 0.1))),
        rule(
            "queues[0].priorities[0].share must be between 0 and 1, got 1.5",
            priorities(new PriorityShare(10, 1.5))),
        rule(
            "queues[0].priorities shares must add up to at most 1, got 1.2",
            priorities(new PriorityShare(10, 0.6), new PriorityShare(20, 0.6))),
        rule(
            "queues[0].requirements[0].language language 'DE' is invalid: expected a lower-case tag"
                + " such as 'de', 'en' or 'pt-br'",
            requirements(new RequirementShare(SkillExpression.ANY, "DE", 0.5))),
        rule(
            "queues[0].requirements[0].share must be between 0 and 1, got -0.1",
            requirements(new RequirementShare(SkillExpression.ANY, "de", -0.1))),
        rule(
            "queues[0].requirements shares must add up to at most 1, got 1.1",
            requirements(
                new RequirementShare(SkillExpression.ANY, "de", 0.5),
                new RequirementShare(SkillExpression.ANY, "en", 0.6))),
        rule(
            "queues[0].handleTime.mean must be positive, got 0s",
            handleTime(new Distribution.Exponential(Duration.ZERO))),
        rule(
            "queues[0].handleTime.stddev must be positive, got -1s",
            handleTime(new Distribution.LogNormal(s(60), s(-1)))),
        rule("queues[0].handleTime must be >= 0s, got -5s", handleTime(fixed(s(-5)))),
        rule(
            "queues[0].handleTime.max must be at least min (10s), got 5s",
            handleTime(new Distribution.Uniform(s(10), s(5)))),
        rule(
            "queues[0].patience.mean must be positive, got -1s",
            queue(q -> q.withPatience(new Distribution.Exponential(s(-1))))),
        rule(
            "agents[0].name group name must be 1-128 characters of letters, digits and ._:@+-"
                + " starting with a letter or digit, got 'bad name'",
            sc -> sc.withAgents(List.of(AgentGroup.of("bad name", 1, Scenarios.GENERAL)))),
        rule(
            "agents[1].name 'agent' is already the name of agents[0]",
            sc -> sc.withAgents(List.of(sc.agents().get(0), sc.agents().get(0)))),
        rule("agents[0].count must be >= 0, got -1", group(g -> g.withCount(-1))),
        rule(
            "agents[0].shifts[0].start must be >= 0s, got -1h",
            group(g -> g.withShifts(List.of(Shift.once(hour.negated(), hour))))),
        rule(
            "agents[0].shifts[0].end must be after start (1h), got 1h",
            group(g -> g.withShifts(List.of(Shift.once(hour, hour))))),
        rule(
            "agents[0].shifts[0].every must be at least the shift's length (8h), got 4h",
            group(
                g ->
                    g.withShifts(
                        List.of(
                            new Shift(Duration.ZERO, Duration.ofHours(8), Duration.ofHours(4)))))),
        rule(
            "agents[0].answerDelay must be a fixed or uniform delay, got exponential(mean 5s)",
            group(g -> answering(g, new Distribution.Exponential(s(5)), 0, s(30)))),
        rule(
            "agents[0].answerDelay must stay below the ring timeout of queue 'general' (15s), got up"
                + " to 20s",
            group(g -> answering(g, new Distribution.Uniform(s(1), s(20)), 0, s(30)))),
        rule(
            "agents[0].answerDelay.max must be at least min (5s), got 1s",
            group(g -> answering(g, new Distribution.Uniform(s(5), s(1)), 0, s(30)))),
        rule(
            "agents[0].noAnswerProbability must be between 0 and 1, got 2.0",
            group(g -> answering(g, fixed(s(1)), 2, s(30)))),
        rule(
            "agents[0].readyAgainAfter must be >= 0s, got -30s",
            group(g -> answering(g, fixed(s(1)), 0, s(-30)))),
        rule(
            "agents[0].presenceFlips.perHour must be >= 0, got -1.0",
            group(g -> g.withPresenceFlips(new PresenceFlips(-1, s(60), Availability.BUSY)))),
        rule(
            "agents[0].presenceFlips.meanAway must be positive, got 0s",
            group(
                g -> g.withPresenceFlips(new PresenceFlips(1, Duration.ZERO, Availability.BUSY)))),
        rule(
            "agents[0].presenceFlips.availability must not be Available",
            group(g -> g.withPresenceFlips(new PresenceFlips(1, s(60), Availability.AVAILABLE)))));
  }

  private static Arguments rule(String expected, UnaryOperator<Scenario> breakIt) {
    return Arguments.of(expected, breakIt);
  }

  @Test
  void validScenario_hasNoProblems() {
    assertThat(ScenarioValidator.problems(VALID)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void everyRule_isReportedWithItsPath(String expected, UnaryOperator<Scenario> breakIt) {
    List<ScenarioProblem> problems = ScenarioValidator.problems(breakIt.apply(VALID));

    assertThat(problems).extracting(ScenarioProblem::toString).containsExactly(expected);
  }

  @Test
  void severalProblems_areAllListedInOneException() {
    Scenario broken =
        priorities(new PriorityShare(-5, 0.5))
            .apply(group(g -> g.withCount(-3)).apply(top(null, 0, s(-1)).apply(VALID)));

    assertThatThrownBy(() -> ScenarioValidator.requireValid(broken))
        .isInstanceOfSatisfying(
            InvalidScenarioException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ScenarioProblem::path)
                    .containsExactly(
                        "duration", "drain", "queues[0].priorities[0].priority", "agents[0].count"))
        .hasMessageStartingWith("invalid scenario (4 problems):\n  duration or maxArrivals");
  }
}
