package io.tandem.server.api;

import io.tandem.core.simulation.AgentKpis;
import io.tandem.core.simulation.KpiReport;
import io.tandem.core.simulation.QueueKpis;
import io.tandem.server.statistics.KpiReports;
import io.tandem.server.statistics.LiveStatistics;
import io.tandem.server.statistics.TenantStatistics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Real-time statistics ({@code /statistics}: waiting, longest wait, agents by state, today's
 * service level) and historical KPIs for a time range ({@code /kpis?from=&to=}) per queue and per
 * agent.
 */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}")
class StatisticsController {

  /** One queue's KPIs for a range; times in seconds, percentages {@code null} when undefined. */
  record QueueKpiResource(
      String queue,
      String name,
      long offered,
      long answered,
      long answeredWithinThreshold,
      long abandoned,
      long overflowed,
      long callbacks,
      long failed,
      long handled,
      @Nullable Double serviceLevelPercent,
      int serviceLevelTargetPercent,
      double averageSpeedOfAnswerSeconds,
      double averageHandleTimeSeconds,
      double averageTalkSeconds,
      double averageWrapUpSeconds,
      double longestWaitSeconds,
      @Nullable Double abandonRatePercent) {
    static QueueKpiResource of(QueueKpis q) {
      return new QueueKpiResource(
          q.queue(),
          q.name(),
          q.offered(),
          q.answered(),
          q.answeredWithinThreshold(),
          q.abandoned(),
          q.overflowed(),
          q.callbacks(),
          q.failed(),
          q.handled(),
          percent(q.serviceLevelPercent()),
          q.serviceLevelTargetPercent(),
          seconds(q.averageSpeedOfAnswer()),
          seconds(q.averageHandleTime()),
          seconds(q.averageTalkTime()),
          seconds(q.averageWrapUpTime()),
          seconds(q.longestWait()),
          percent(q.abandonRatePercent()));
    }
  }

  /** One agent's KPIs for a range; times in seconds. */
  record AgentKpiResource(
      String agent,
      long handled,
      double loggedInSeconds,
      double idleSeconds,
      double ringingSeconds,
      double awaySeconds,
      double talkSeconds,
      double wrapUpSeconds,
      double notReadySeconds,
      @Nullable Double occupancyPercent,
      @Nullable Double utilisationPercent) {
    static AgentKpiResource of(AgentKpis a) {
      return new AgentKpiResource(
          a.agent(),
          a.handled(),
          seconds(a.loggedIn()),
          seconds(a.idle()),
          seconds(a.ringing()),
          seconds(a.away()),
          seconds(a.talk()),
          seconds(a.wrapUp()),
          seconds(a.notReady()),
          percent(a.occupancyPercent()),
          percent(a.utilisationPercent()));
    }
  }

  /** The KPIs of {@code [from, to)}. */
  record KpiResource(
      Instant from,
      Instant to,
      List<QueueKpiResource> queues,
      QueueKpiResource overall,
      List<AgentKpiResource> agents,
      AgentKpiResource agentTotals) {}

  private final LiveStatistics live;
  private final KpiReports reports;

  StatisticsController(LiveStatistics live, KpiReports reports) {
    this.live = live;
    this.reports = reports;
  }

  @GetMapping("/statistics")
  TenantStatistics statistics(Actor actor) {
    return live.current(actor.tenant());
  }

  @GetMapping("/kpis")
  KpiResource kpis(Actor actor, @RequestParam String from, @RequestParam String to) {
    Instant start = Params.instant("from", from);
    Instant end = Params.instant("to", to);
    if (!start.isBefore(end)) {
      throw ApiException.invalid("from", "'from' must be before 'to'");
    }
    if (Duration.between(start, end).compareTo(KpiReports.MAX_RANGE) > 0) {
      throw ApiException.invalid(
          "to", "a range may span at most " + KpiReports.MAX_RANGE.toDays() + " days");
    }
    KpiReport report = reports.report(actor.tenantId(), start, end);
    return new KpiResource(
        start,
        end,
        report.queues().stream().map(QueueKpiResource::of).toList(),
        QueueKpiResource.of(report.overall()),
        report.agents().stream().map(AgentKpiResource::of).toList(),
        AgentKpiResource.of(report.agentTotals()));
  }

  private static double seconds(Duration duration) {
    return Math.round(duration.toMillis() / 100.0) / 10.0;
  }

  private static @Nullable Double percent(double value) {
    return Double.isNaN(value) ? null : Math.round(value * 10) / 10.0;
  }
}
