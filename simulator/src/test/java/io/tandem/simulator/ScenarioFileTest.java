package io.tandem.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.presence.Availability;
import io.tandem.core.queue.Announcements;
import io.tandem.core.queue.QueueAction;
import io.tandem.core.queue.RoutingStrategyKind;
import io.tandem.core.simulation.AgentGroup;
import io.tandem.core.simulation.Distribution;
import io.tandem.core.simulation.QueueScenario;
import io.tandem.core.simulation.Scenario;
import io.tandem.core.simulation.SimulationReport;
import io.tandem.core.simulation.StaffingSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ScenarioFileTest {

  static final Path DEMO = Path.of("../scenarios/demo.yaml");
  static final Path MILLION = Path.of("../scenarios/million.yaml");

  @Test
  void demo_describesThreeQueuesAnd25AgentsInTwoShifts() throws Exception {
    Scenario demo = ScenarioFile.read(DEMO);

    assertThat(demo.name()).isEqualTo("demo");
    assertThat(demo.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(demo.start()).isEqualTo(Instant.parse("2026-03-02T06:00:00Z"));
    assertThat(demo.duration()).isEqualTo(Duration.ofHours(12));
    assertThat(demo.queues())
        .extracting(queue -> queue.queue().id().value())
        .containsExactly("billing", "support", "vip");
    QueueScenario billing = demo.queues().get(0);
    assertThat(billing.requirements())
        .extracting(share -> share.language())
        .containsExactly("de", "en");
    assertThat(billing.queue().overflowAction()).isInstanceOf(QueueAction.ToVoicemail.class);
    assertThat(billing.handleTime())
        .isEqualTo(new Distribution.LogNormal(Duration.ofMinutes(4), Duration.ofMinutes(2)));
    QueueScenario support = demo.queues().get(1);
    assertThat(support.queue().stages()).hasSize(3);
    assertThat(support.queue().strategy()).isEqualTo(RoutingStrategyKind.SKILLS_PROFICIENCY);
    QueueScenario vip = demo.queues().get(2);
    assertThat(vip.queue().priority()).isEqualTo(50);
    assertThat(vip.priorities())
        .singleElement()
        .satisfies(p -> assertThat(p.priority()).isEqualTo(30));
    assertThat(demo.agentCount()).isEqualTo(25);
    assertThat(demo.agents())
        .flatExtracting(AgentGroup::shifts)
        .extracting(shift -> shift.start())
        .contains(Duration.ZERO, Duration.ofHours(3));
    assertThat(demo.agents())
        .filteredOn(group -> group.presenceFlips() != null)
        .extracting(group -> group.presenceFlips().availability())
        .contains(Availability.BUSY, Availability.DO_NOT_DISTURB);
  }

  @Test
  void demo_runsInAboutASecondAndServesEveryQueue() throws Exception {
    long started = System.nanoTime();
    SimulationReport report = new StaffingSimulator().run(ScenarioFile.read(DEMO));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(report.arrivals()).isGreaterThan(1000);
    assertThat(report.kpis().queues())
        .allSatisfy(queue -> assertThat(queue.answered()).isPositive());
    assertThat(report.kpis().overall().abandoned()).isPositive();
    assertThat(report.kpis().agentTotals().away()).isPositive();
    assertThat(report.unfinished()).isZero();
    assertThat(report.groups()).hasSize(7);
    assertThat(took).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void million_describesAMillionArrivalsAndThreeHundredAgents() throws Exception {
    Scenario million = ScenarioFile.read(MILLION);

    assertThat(million.maxArrivals()).isEqualTo(1_000_000);
    assertThat(million.duration()).isNull();
    assertThat(million.agentCount()).isEqualTo(300);
    assertThat(million.queues().get(1).arrivals())
        .as("the YAML alias *weekday repeats billing's profile")
        .isEqualTo(million.queues().get(0).arrivals());
    assertThat(million.queues().get(0).arrivalsRepeatEvery()).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void defaults_fillEverythingButQueuesArrivalsAndAgents() {
    Scenario scenario =
        ScenarioFile.parse(
            """
            duration: 1h
            queues:
              - id: general
                arrivals: [{perHour: 10}]
                handleTime: 2m
            agents:
              - {name: agent, count: 1}
            """,
            "inline",
            "fallback");

    assertThat(scenario.name()).isEqualTo("fallback");
    assertThat(scenario.zone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(scenario.start()).isEqualTo(Instant.parse("2026-01-05T00:00:00Z"));
    assertThat(scenario.seed()).isEqualTo(1);
    assertThat(scenario.drain()).isEqualTo(Duration.ofHours(1));
    assertThat(scenario.maxArrivals()).isZero();
    QueueScenario queue = scenario.queues().get(0);
    assertThat(queue.queue().ringTimeout()).isEqualTo(Duration.ofSeconds(15));
    assertThat(queue.queue().serviceLevel().percent()).isEqualTo(80);
    assertThat(queue.queue().strategy()).isEqualTo(RoutingStrategyKind.LONGEST_IDLE);
    assertThat(queue.queue().overflowAction()).isEqualTo(new QueueAction.OfferCallback());
    assertThat(queue.arrivals().get(0).from()).isZero();
    assertThat(queue.handleTime()).isEqualTo(new Distribution.Fixed(Duration.ofMinutes(2)));
    assertThat(queue.patience()).isNull();
    AgentGroup group = scenario.agents().get(0);
    assertThat(group.answerDelay()).isEqualTo(new Distribution.Fixed(Duration.ofSeconds(3)));
    assertThat(group.noAnswerProbability()).isZero();
    assertThat(group.readyAgainAfter()).isEqualTo(Duration.ofSeconds(30));
    assertThat(group.shifts()).isEmpty();
    assertThat(group.presenceFlips()).isNull();
  }

  @Test
  void announcements_areReadWithTheStandardForWhatIsLeftOut_andBadOnesAreNamed() {
    Scenario scenario =
        ScenarioFile.parse(
            """
            duration: 1h
            queues:
              - id: general
                arrivals: [{perHour: 10}]
                handleTime: 2m
                announcements: {interval: 30s, announceExpectedWait: true}
              - id: quiet
                arrivals: [{perHour: 10}]
                handleTime: 2m
                announcements: {interval: none, musicOnHold: "prompt:jazz"}
            agents:
              - {name: agent, count: 1}
            """,
            "inline",
            "announcing");

    assertThat(scenario.queues().get(0).queue().announcements())
        .isEqualTo(new Announcements("prompt:music-on-hold", Duration.ofSeconds(30), true, true));
    assertThat(scenario.queues().get(1).queue().announcements())
        .isEqualTo(new Announcements("prompt:jazz", null, true, false));
    assertThatThrownBy(
            () ->
                ScenarioFile.parse(
                    """
                    duration: 1h
                    queues:
                      - id: general
                        arrivals: [{perHour: 10}]
                        handleTime: 2m
                        announcements: {interval: 0s, announcePosition: maybe, say: hi}
                    agents:
                      - {name: agent, count: 1}
                    """,
                    "bad.yaml",
                    "bad"))
        .isInstanceOf(InvalidScenarioFileException.class)
        .hasMessageContaining("queues[0].announcements.interval must be > 0s or none")
        .hasMessageContaining("queues[0].announcements.announcePosition must be true or false")
        .hasMessageContaining("queues[0].announcements.say is not a known key");
  }

  @Test
  void everyProblem_isReportedAtOnceWithPathAndLineInLineOrder() {
    String yaml =
        """
        name: broken
        duration: 2h
        seeed: 3
        queues:
          - id: billing
            skills: billing >= x
            arrivals:
              - {from: 0h, perHour: -3}
            handleTime: {distribution: gamma, mean: 4m}
        agents:
          - name: billing
            count: two
        """;

    assertThatThrownBy(() -> ScenarioFile.parse(yaml, "broken.yaml", "broken"))
        .isInstanceOfSatisfying(
            InvalidScenarioFileException.class,
            e ->
                assertThat(e.problems())
                    .extracting(FileProblem::toString)
                    .containsExactly(
                        "line 3: seeed is not a known key (did you mean 'seed'?); known keys: name,"
                            + " start, zone, duration, maxArrivals, drain, seed, queues, agents",
                        "line 6: queues[0].skills is not a valid skill expression: expected a number"
                            + " 1-5 after '>=', found 'x' at position 11 in 'billing >= x'",
                        "line 8: queues[0].arrivals[0].perHour must be >= 0, got -3.0",
                        "line 9: queues[0].handleTime.distribution must be exponential, lognormal,"
                            + " fixed or uniform, got 'gamma'",
                        "line 12: agents[0].count must be a whole number, got 'two'"))
        .hasMessageStartingWith(
            "broken.yaml: invalid scenario (5 problems)\n  broken.yaml:3: seeed");
  }
}
