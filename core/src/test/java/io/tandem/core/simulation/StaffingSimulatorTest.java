package io.tandem.core.simulation;

import static io.tandem.core.simulation.Scenarios.exponential;
import static io.tandem.core.simulation.Scenarios.fixed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.agent.AgentEvent;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.presence.Availability;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaffingSimulatorTest {

  private final StaffingSimulator simulator = new StaffingSimulator();

  private static Scenario answeringAfter(Scenario scenario, Duration delay) {
    AgentGroup group = scenario.agents().get(0);
    return Scenarios.withGroup(
        scenario,
        group.withAnswering(fixed(delay), group.noAnswerProbability(), group.readyAgainAfter()));
  }

  private static Scenario withWrapUp(Scenario scenario, Duration wrapUp) {
    QueueScenario queue = scenario.queues().get(0);
    return Scenarios.withQueue(
        scenario,
        new QueueScenario(
            queue.queue().toBuilder().wrapUp(wrapUp).build(),
            queue.arrivals(),
            queue.arrivalsRepeatEvery(),
            queue.priorities(),
            queue.requirements(),
            queue.handleTime(),
            queue.patience()));
  }

  private static Scenario withPatience(Scenario scenario, Distribution patience) {
    return Scenarios.withQueue(scenario, scenario.queues().get(0).withPatience(patience));
  }

  @Test
  void moreAgentsThanCalls_everyCallAnsweredAfterExactlyTheAnswerDelay() {
    Scenario scenario =
        withWrapUp(
            answeringAfter(
                Scenarios.oneQueue(6, fixed(Duration.ofSeconds(60)), 20, Duration.ofHours(4), 7),
                Duration.ofSeconds(2)),
            Duration.ofSeconds(10));

    SimulationReport report = simulator.run(scenario);

    QueueKpis queue = report.kpis().queues().get(0);
    assertThat(report.arrivals()).isBetween(10L, 50L);
    assertThat(queue.offered()).isEqualTo(report.arrivals());
    assertThat(queue.answered()).isEqualTo(queue.offered());
    assertThat(queue.abandoned()).isZero();
    assertThat(queue.serviceLevelPercent()).isEqualTo(100.0);
    assertThat(queue.averageSpeedOfAnswer()).isEqualTo(Duration.ofSeconds(2));
    assertThat(queue.longestWait()).isEqualTo(Duration.ofSeconds(2));
    assertThat(queue.averageHandleTime()).isEqualTo(Duration.ofSeconds(70));
    assertThat(queue.handled()).isEqualTo(queue.answered());
    AgentKpis all = report.kpis().agentTotals();
    assertThat(all.talk()).isEqualTo(Duration.ofSeconds(60 * queue.answered()));
    assertThat(all.wrapUp()).isEqualTo(Duration.ofSeconds(10 * queue.answered()));
    assertThat(all.ringing()).isEqualTo(Duration.ofSeconds(2 * queue.answered()));
    assertThat(report.kpis().overall().answered()).isEqualTo(queue.answered());
    assertThat(report.unfinished()).isZero();
  }

  @Test
  void oneCallOneAgent_agentTimeAddsUpToTheSimulatedTime() {
    Scenario one =
        withWrapUp(
            answeringAfter(
                Scenarios.oneQueue(60, fixed(Duration.ofSeconds(60)), 1, null, 3),
                Duration.ofSeconds(2)),
            Duration.ofSeconds(10));
    one =
        new Scenario(
            one.name(),
            one.start(),
            one.zone(),
            null,
            1,
            one.drain(),
            3,
            one.queues(),
            one.agents());

    SimulationReport report = simulator.run(one);

    Duration simulated = Duration.between(report.start(), report.end());
    Duration arrivedAfter = Duration.between(report.start(), report.arrivalsClosed());
    assertThat(report.arrivals()).isEqualTo(1);
    assertThat(simulated).isEqualTo(arrivedAfter.plusSeconds(72));
    AgentKpis agent = report.kpis().agents().get(0);
    assertThat(agent.agent()).isEqualTo("agent-001");
    assertThat(agent.loggedIn()).isEqualTo(simulated);
    assertThat(agent.idle()).isEqualTo(arrivedAfter);
    assertThat(agent.ringing()).isEqualTo(Duration.ofSeconds(2));
    assertThat(agent.talk()).isEqualTo(Duration.ofSeconds(60));
    assertThat(agent.wrapUp()).isEqualTo(Duration.ofSeconds(10));
    assertThat(agent.occupancyPercent())
        .isEqualTo(100.0 * 70e9 / simulated.minusSeconds(0).toNanos());
    assertThat(report.groups())
        .singleElement()
        .satisfies(g -> assertThat(g.agent()).isEqualTo("agent"));
  }

  @Test
  void overload_callersAbandonAndServiceLevelMissesTarget() {
    Scenario overload =
        withPatience(
            Scenarios.oneQueue(120, exponential(Duration.ofMinutes(4)), 5, Duration.ofHours(4), 11),
            exponential(Duration.ofMinutes(1)));

    SimulationReport report = simulator.run(overload);

    QueueKpis queue = report.kpis().queues().get(0);
    assertThat(queue.abandoned()).isGreaterThan(queue.offered() / 5);
    assertThat(queue.serviceLevelPercent()).isLessThan(queue.serviceLevelTargetPercent());
    assertThat(queue.meetsTarget()).isFalse();
    assertThat(queue.offered())
        .isEqualTo(queue.answered() + queue.abandoned() + queue.waitingAtEnd());
    assertThat(report.kpis().agentTotals().occupancyPercent()).isGreaterThan(85);
  }

  @Test
  void moreAgents_neverWorseServiceLevelOnTheSameSeed() {
    Scenario base =
        withPatience(
            Scenarios.oneQueue(90, exponential(Duration.ofMinutes(4)), 1, Duration.ofHours(6), 5),
            exponential(Duration.ofMinutes(2)));
    List<Double> serviceLevels = new ArrayList<>();
    List<Long> abandoned = new ArrayList<>();

    for (int agents : new int[] {5, 6, 7, 8, 10}) {
      AgentGroup group = base.agents().get(0).withCount(agents);
      QueueKpis queue = simulator.run(Scenarios.withGroup(base, group)).kpis().queues().get(0);
      serviceLevels.add(queue.serviceLevelPercent());
      abandoned.add(queue.abandoned());
    }

    assertThat(serviceLevels).isSorted();
    assertThat(abandoned).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    assertThat(serviceLevels.get(0)).isLessThan(60);
    assertThat(serviceLevels.get(4)).isGreaterThan(80);
  }

  @Test
  void sameSeed_sameReport_otherSeed_otherReport() {
    Scenario scenario =
        withPatience(
            Scenarios.oneQueue(60, exponential(Duration.ofMinutes(4)), 4, Duration.ofHours(3), 99),
            exponential(Duration.ofMinutes(2)));

    SimulationReport first = simulator.run(scenario);
    SimulationReport second = simulator.run(scenario);
    SimulationReport other = simulator.run(scenario.withSeed(100));

    assertThat(second).isEqualTo(first);
    assertThat(second.toJson()).isEqualTo(first.toJson());
    assertThat(second.toTable()).isEqualTo(first.toTable());
    assertThat(other).isNotEqualTo(first);
    assertThat(other.seed()).isEqualTo(100);
  }

  @Test
  void shiftEnd_busyAgentLogsOutOnlyOnceCallAndWrapUpAreDone() {
    Duration shiftEnd = Duration.ofMinutes(30);
    Scenario scenario =
        withWrapUp(
            Scenarios.oneQueue(30, fixed(Duration.ofMinutes(10)), 1, Duration.ofMinutes(40), 1),
            Duration.ofSeconds(30));
    scenario =
        Scenarios.withGroup(
            scenario,
            scenario.agents().get(0).withShifts(List.of(Shift.once(Duration.ZERO, shiftEnd))));
    List<TenantEvent> events = new ArrayList<>();

    SimulationReport report = simulator.run(scenario, List.of(events::add));

    Instant end = Scenarios.START.plus(shiftEnd);
    Instant loggedOut = only(events, AgentEvent.LoggedOut.class).at();
    InteractionEvent.Disconnected last = last(events, InteractionEvent.Disconnected.class);
    InteractionEvent.Connected lastConnected = last(events, InteractionEvent.Connected.class);
    assertThat(lastConnected.at()).isBefore(end);
    assertThat(last.at()).isAfter(end);
    assertThat(loggedOut).isEqualTo(last.wrapUpUntil());
    assertThat(last(events, InteractionEvent.WrapUpCompleted.class).at()).isEqualTo(loggedOut);
    assertThat(events)
        .filteredOn(
            e -> e instanceof InteractionEvent.Offered && e.at().isAfter(lastConnected.at()))
        .as("no offer once the shift is over")
        .isEmpty();
    assertThat(report.unfinished()).as("callers left waiting when the drain ran out").isPositive();
    assertThat(report.end()).isEqualTo(report.arrivalsClosed().plus(scenario.drain()));
    assertThat(report.kpis().agents().get(0).loggedIn())
        .isEqualTo(Duration.between(Scenarios.START, loggedOut));
  }

  @Test
  void shiftEnd_withoutWrapUp_agentLogsOutWhenTheCallEnds() {
    Duration shiftEnd = Duration.ofMinutes(30);
    Scenario scenario =
        Scenarios.oneQueue(30, fixed(Duration.ofMinutes(10)), 1, Duration.ofMinutes(40), 1);
    scenario =
        Scenarios.withGroup(
            scenario,
            scenario.agents().get(0).withShifts(List.of(Shift.once(Duration.ZERO, shiftEnd))));
    List<TenantEvent> events = new ArrayList<>();

    simulator.run(scenario, List.of(events::add));

    InteractionEvent.Disconnected last = last(events, InteractionEvent.Disconnected.class);
    assertThat(last.at()).isAfter(Scenarios.START.plus(shiftEnd));
    assertThat(only(events, AgentEvent.LoggedOut.class).at()).isEqualTo(last.at());
    assertThat(last(events, InteractionEvent.Connected.class).at()).isBefore(last.at());
  }

  @Test
  void repeatingShifts_logAgentsInEveryDay() {
    Scenario scenario =
        Scenarios.oneQueue(2, fixed(Duration.ofMinutes(1)), 2, Duration.ofDays(3), 4);
    scenario =
        Scenarios.withGroup(
            scenario,
            scenario
                .agents()
                .get(0)
                .withShifts(
                    List.of(
                        new Shift(Duration.ofHours(8), Duration.ofHours(16), Duration.ofDays(1)))));
    List<TenantEvent> events = new ArrayList<>();

    SimulationReport report = simulator.run(scenario, List.of(events::add));

    assertThat(events).filteredOn(AgentEvent.LoggedIn.class::isInstance).hasSize(6);
    assertThat(events).filteredOn(AgentEvent.LoggedOut.class::isInstance).hasSize(6);
    assertThat(report.kpis().agentTotals().loggedIn()).isEqualTo(Duration.ofHours(2 * 3 * 8));
  }

  @Test
  void presenceFlips_agentsAwayAnswerFewerCalls() {
    Scenario base =
        withPatience(
            Scenarios.oneQueue(60, exponential(Duration.ofMinutes(4)), 5, Duration.ofHours(6), 21),
            exponential(Duration.ofMinutes(1)));
    Scenario flipping =
        Scenarios.withGroup(
            base,
            base.agents()
                .get(0)
                .withPresenceFlips(
                    new PresenceFlips(2, Duration.ofMinutes(15), Availability.BUSY)));

    SimulationReport steady = simulator.run(base);
    SimulationReport away = simulator.run(flipping);

    assertThat(away.arrivals()).isEqualTo(steady.arrivals());
    assertThat(away.kpis().overall().answered()).isLessThan(steady.kpis().overall().answered());
    assertThat(away.kpis().agentTotals().away()).isGreaterThan(Duration.ofHours(5));
    assertThat(steady.kpis().agentTotals().away()).isZero();
  }

  @Test
  void agentsWhoLetOffersRingOut_becomeReadyAgainAndStillServeEveryone() {
    Scenario base = Scenarios.oneQueue(20, fixed(Duration.ofMinutes(2)), 3, Duration.ofHours(2), 8);
    AgentGroup group = base.agents().get(0);
    Scenario scenario =
        Scenarios.withGroup(
            base, group.withAnswering(fixed(Duration.ofSeconds(3)), 0.5, Duration.ofSeconds(20)));
    List<TenantEvent> events = new ArrayList<>();

    SimulationReport report = simulator.run(scenario, List.of(events::add));

    long ronas = events.stream().filter(InteractionEvent.OfferTimedOut.class::isInstance).count();
    assertThat(ronas).isPositive();
    assertThat(report.kpis().overall().answered()).isEqualTo(report.arrivals());
    assertThat(report.kpis().agentTotals().notReady()).isPositive();
    assertThat(events)
        .filteredOn(AgentEvent.BecameReady.class::isInstance)
        .hasSizeGreaterThan((int) ronas);
  }

  @Test
  void maxArrivals_stopsArrivalsAtExactlyThatMany() {
    Scenario scenario = Scenarios.oneQueue(600, exponential(Duration.ofMinutes(1)), 20, null, 2);
    scenario =
        new Scenario(
            scenario.name(),
            scenario.start(),
            scenario.zone(),
            Duration.ofHours(10),
            1234,
            scenario.drain(),
            2,
            scenario.queues(),
            scenario.agents());

    SimulationReport report = simulator.run(scenario);

    assertThat(report.arrivals()).isEqualTo(1234);
    assertThat(report.kpis().overall().offered()).isEqualTo(1234);
    assertThat(report.arrivalsClosed()).isBefore(scenario.start().plus(Duration.ofHours(3)));
  }

  @Test
  void invalidScenario_isRejectedBeforeAnythingRuns() {
    Scenario invalid =
        Scenarios.oneQueue(-1, fixed(Duration.ofMinutes(1)), -2, Duration.ofHours(1), 1);

    assertThatThrownBy(() -> simulator.run(invalid))
        .isInstanceOf(InvalidScenarioException.class)
        .hasMessageContaining("queues[0].arrivals[0].perHour must be >= 0, got -1.0")
        .hasMessageContaining("agents[0].count must be >= 0, got -2");
  }

  private static <T extends TenantEvent> T only(List<TenantEvent> events, Class<T> type) {
    List<T> found = events.stream().filter(type::isInstance).map(type::cast).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private static <T extends TenantEvent> T last(List<TenantEvent> events, Class<T> type) {
    return events.stream()
        .filter(type::isInstance)
        .map(type::cast)
        .reduce((a, b) -> b)
        .orElseThrow();
  }
}
