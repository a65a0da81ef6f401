package io.tandem.core.simulation;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Writes a {@link SimulationReport} as fixed-width text tables. */
final class ReportTable {

  /** Per-agent rows are listed up to this many agents; beyond, groups and totals only. */
  static final int DEFAULT_AGENT_ROWS = 60;

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  private final StringBuilder out = new StringBuilder();
  private final String queueColumns;
  private final String agentColumns;

  private ReportTable(int queueWidth, int agentWidth) {
    queueColumns = "%-" + queueWidth + "s %9s %9s %9s %9s %7s %8s %8s %8s %8s %7s %8s%n";
    agentColumns = "%-" + agentWidth + "s %6s %8s %9s %11s %9s %9s %9s %9s %9s %9s%n";
  }

  static String write(SimulationReport report, int maxAgentRows) {
    int queueWidth = 16;
    for (QueueKpis queue : report.kpis().queues()) {
      queueWidth = Math.max(queueWidth, queue.queue().length());
    }
    int agentWidth = 18;
    for (AgentKpis row : report.groups()) {
      agentWidth = Math.max(agentWidth, row.agent().length());
    }
    if (report.kpis().agents().size() <= maxAgentRows) {
      for (AgentKpis row : report.kpis().agents()) {
        agentWidth = Math.max(agentWidth, row.agent().length());
      }
    }
    return new ReportTable(queueWidth, agentWidth).table(report, maxAgentRows);
  }

  private String table(SimulationReport report, int maxAgentRows) {
    Duration simulated = Duration.between(report.start(), report.end());
    out.append("Scenario ")
        .append(report.scenario())
        .append(", seed ")
        .append(report.seed())
        .append('\n');
    out.append("Simulated ")
        .append(WHEN.format(report.start().atZone(report.zone())))
        .append(" to ")
        .append(WHEN.format(report.end().atZone(report.zone())))
        .append(' ')
        .append(report.zone().getId())
        .append(" (")
        .append(Durations.format(Duration.ofSeconds(simulated.toSeconds())))
        .append("); arrivals closed at ")
        .append(WHEN.format(report.arrivalsClosed().atZone(report.zone())))
        .append('\n');
    out.append(
        String.format(
            Locale.ROOT,
            "%d arrivals, %d engine events, %d unfinished at the end%n%n",
            report.arrivals(),
            report.events(),
            report.unfinished()));

    out.append("Queues\n");
    out.append(
        String.format(
            Locale.ROOT,
            queueColumns,
            "queue",
            "offered",
            "answered",
            "abandoned",
            "overflow",
            "SL %",
            "target",
            "ASA",
            "AHT",
            "longest",
            "aband %",
            "waiting"));
    report.kpis().queues().forEach(this::queueRow);
    queueRow(report.kpis().overall());

    out.append("\nAgents by group (occupancy = handling / (handling + idle + ringing);")
        .append(" utilisation = handling / logged in)\n");
    agentHeader("group");
    report.groups().forEach(this::agentRow);
    agentRow(report.kpis().agentTotals());

    List<AgentKpis> agents = report.kpis().agents();
    if (agents.size() <= maxAgentRows) {
      out.append("\nAgents\n");
      agentHeader("agent");
      agents.forEach(this::agentRow);
    } else {
      out.append("\n")
          .append(agents.size())
          .append(" agents: per-agent rows are in the JSON report.\n");
    }
    return out.toString();
  }

  private void queueRow(QueueKpis queue) {
    String target =
        queue.serviceLevelThreshold() == null
            ? "-"
            : queue.serviceLevelTargetPercent()
                + "/"
                + Durations.format(queue.serviceLevelThreshold());
    out.append(
        String.format(
            Locale.ROOT,
            queueColumns,
            queue.queue(),
            queue.offered(),
            queue.answered(),
            queue.abandoned(),
            queue.overflowed(),
            percent(queue.serviceLevelPercent()),
            target,
            time(queue.averageSpeedOfAnswer()),
            time(queue.averageHandleTime()),
            time(queue.longestWait()),
            percent(queue.abandonRatePercent()),
            queue.waitingAtEnd()));
  }

  private void agentHeader(String first) {
    out.append(
        String.format(
            Locale.ROOT,
            agentColumns,
            first,
            "agents",
            "handled",
            "occupancy",
            "utilisation",
            "logged in",
            "talk",
            "wrap-up",
            "idle",
            "away",
            "not ready"));
  }

  private void agentRow(AgentKpis agent) {
    out.append(
        String.format(
            Locale.ROOT,
            agentColumns,
            agent.agent(),
            agent.agents(),
            agent.handled(),
            percent(agent.occupancyPercent()),
            percent(agent.utilisationPercent()),
            time(agent.loggedIn()),
            time(agent.talk()),
            time(agent.wrapUp()),
            time(agent.idle().plus(agent.ringing())),
            time(agent.away()),
            time(agent.notReady())));
  }

  private static String percent(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
  }

  /** {@code 9.4s}, {@code 5m02s}, {@code 3h07m}, {@code 2d04h}. */
  static String time(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
    }
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
    if (seconds < 86_400) {
      return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
    }
    return String.format(Locale.ROOT, "%dd%02dh", seconds / 86_400, seconds % 86_400 / 3600);
  }
}
