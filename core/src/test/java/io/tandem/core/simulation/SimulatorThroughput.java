package io.tandem.core.simulation;

import io.tandem.core.presence.Availability;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.RoutingStrategyKind;
import io.tandem.core.skill.AgentSkills;
import io.tandem.core.skill.SkillExpression;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Measures simulator throughput by hand (not part of the test run): one million callers over three
 * queues and 300 agents in three daily shifts (about 60 simulated days), with patience, RONA and
 * presence flips. It is {@code scenarios/million.yaml} built in Java (core reads no YAML): both
 * print the same report.
 *
 * <pre>
 * java -cp core/target/classes:core/target/test-classes:$HOME/.m2/repository/org/jspecify/jspecify/1.0.0/jspecify-1.0.0.jar \
 *   io.tandem.core.simulation.SimulatorThroughput [arrivals]
 * </pre>
 */
public final class SimulatorThroughput {

  private SimulatorThroughput() {}

  public static void main(String[] args) {
    long arrivals = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    Scenario scenario = scenario(arrivals);
    warmUp(scenario);
    long started = System.nanoTime();
    SimulationReport report = new StaffingSimulator().run(scenario);
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.print(report.toTable());
    System.out.printf(
        "%n%d arrivals, %d events in %.2f s wall: %.0f arrivals/s, %.0f events/s; heap used %d MiB%n",
        report.arrivals(),
        report.events(),
        seconds,
        report.arrivals() / seconds,
        report.events() / seconds,
        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
  }

  private static void warmUp(Scenario scenario) {
    Scenario small =
        new Scenario(
            "warm-up",
            scenario.start(),
            scenario.zone(),
            scenario.duration(),
            20_000,
            scenario.drain(),
            1,
            scenario.queues(),
            scenario.agents());
    new StaffingSimulator().run(small);
  }

  static Scenario scenario(long arrivals) {
    Duration day = Duration.ofDays(1);
    List<ArrivalStep> profile =
        List.of(
            new ArrivalStep(Duration.ZERO, 100),
            new ArrivalStep(Duration.ofHours(7), 500),
            new ArrivalStep(Duration.ofHours(10), 650),
            new ArrivalStep(Duration.ofHours(13), 500),
            new ArrivalStep(Duration.ofHours(18), 250),
            new ArrivalStep(Duration.ofHours(22), 100));
    Distribution patience = new Distribution.Exponential(Duration.ofMinutes(3));
    QueueScenario billing =
        new QueueScenario(
            QueueConfig.builder("billing")
                .skills("billing >= 2")
                .wrapUp(Duration.ofSeconds(20))
                .build(),
            profile,
            day,
            List.of(),
            List.of(
                new RequirementShare(SkillExpression.ANY, "de", 0.5),
                new RequirementShare(SkillExpression.ANY, "en", 0.5)),
            new Distribution.LogNormal(Duration.ofMinutes(4), Duration.ofMinutes(2)),
            patience);
    QueueScenario support =
        new QueueScenario(
            QueueConfig.builder("support")
                .skills("support >= 4")
                .escalateAfter(Duration.ofSeconds(20), "support >= 2")
                .escalateAfter(Duration.ofSeconds(60), "any")
                .wrapUp(Duration.ofSeconds(30))
                .build(),
            profile,
            day,
            List.of(),
            List.of(),
            new Distribution.Exponential(Duration.ofMinutes(5)),
            patience);
    QueueScenario vip =
        new QueueScenario(
            QueueConfig.builder("vip")
                .skills("support >= 3")
                .priority(50)
                .strategy(RoutingStrategyKind.SKILLS_PROFICIENCY)
                .wrapUp(Duration.ofSeconds(30))
                .build(),
            List.of(new ArrivalStep(Duration.ZERO, 40)),
            null,
            List.of(new PriorityShare(20, 0.1)),
            List.of(),
            new Distribution.LogNormal(Duration.ofMinutes(6), Duration.ofMinutes(3)),
            patience);
    Shift early = new Shift(Duration.ofHours(6), Duration.ofHours(15), day);
    Shift late = new Shift(Duration.ofHours(14), Duration.ofHours(23), day);
    Shift night = new Shift(Duration.ofHours(22), Duration.ofHours(31), day);
    PresenceFlips meetings = new PresenceFlips(0.3, Duration.ofMinutes(15), Availability.BUSY);
    Distribution answer = new Distribution.Uniform(Duration.ofSeconds(2), Duration.ofSeconds(8));
    return new Scenario(
        "million",
        Instant.parse("2026-03-01T23:00:00Z"),
        ZoneId.of("Europe/Berlin"),
        null,
        arrivals,
        Duration.ofHours(1),
        42,
        List.of(billing, support, vip),
        List.of(
            group("billing-de-early", 25, BILLING_DE, early, answer, meetings),
            group("billing-de-late", 25, BILLING_DE, late, answer, meetings),
            group("billing-en-early", 25, BILLING_EN, early, answer, meetings),
            group("billing-en-late", 25, BILLING_EN, late, answer, meetings),
            group("support-early", 65, SUPPORT, early, answer, meetings),
            group("support-late", 65, SUPPORT, late, answer, meetings),
            group("generalists-early", 20, GENERALIST, early, answer, meetings),
            group("generalists-late", 20, GENERALIST, late, answer, meetings),
            group("night", 30, GENERALIST, night, answer, null)
                .withShifts(List.of(Shift.once(Duration.ZERO, Duration.ofHours(7)), night))));
  }

  private static final AgentSkills BILLING_DE = AgentSkills.of(Map.of("billing", 4), "de", "en");
  private static final AgentSkills BILLING_EN = AgentSkills.of(Map.of("billing", 3), "en");
  private static final AgentSkills SUPPORT =
      AgentSkills.of(Map.of("support", 4, "billing", 2), "en", "de");
  private static final AgentSkills GENERALIST =
      AgentSkills.of(Map.of("support", 3, "billing", 3), "en", "de");

  private static AgentGroup group(
      String name,
      int count,
      AgentSkills skills,
      Shift shift,
      Distribution answer,
      @Nullable PresenceFlips flips) {
    return new AgentGroup(
        name, count, skills, List.of(shift), answer, 0.01, Duration.ofSeconds(30), flips);
  }
}
