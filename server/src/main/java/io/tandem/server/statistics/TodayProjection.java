package io.tandem.server.statistics;

import io.tandem.core.agent.AgentState;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.interaction.InteractionState;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueId;
import io.tandem.core.routing.Agent;
import io.tandem.core.routing.Interaction;
import io.tandem.core.routing.TenantState;
import io.tandem.core.simulation.KpiProjection;
import io.tandem.core.simulation.KpiReport;
import io.tandem.core.simulation.QueueKpis;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One tenant's KPIs since local midnight, kept up to date from its event stream: a {@link
 * KpiProjection} whose window restarts at each midnight in {@code zone}. Confined to the tenant's
 * writer (not thread-safe).
 */
final class TodayProjection {

  private final ZoneId zone;
  private final KpiProjection kpis = new KpiProjection();
  private LocalDate day;

  /** A projection that has seen no event yet, counting from the start of {@code now}'s day. */
  TodayProjection(ZoneId zone, Instant now) {
    this.zone = zone;
    this.day = LocalDate.ofInstant(now, zone);
  }

  /** Feeds past events in order (a replay of the log), then counts from today's midnight on. */
  void replay(List<TenantEvent> events, Instant now) {
    Instant midnight = day.atStartOfDay(zone).toInstant();
    boolean windowStarted = false;
    for (TenantEvent event : events) {
      if (!windowStarted && !event.at().isBefore(midnight)) {
        kpis.startWindow(midnight);
        windowStarted = true;
      }
      kpis.on(event);
    }
    if (!windowStarted) {
      kpis.startWindow(midnight);
    }
    rollOver(now);
  }

  void on(TenantEvent event) {
    rollOver(event.at());
    kpis.on(event);
  }

  /** The statistics now, from the tenant's live state and today's KPIs. */
  TenantStatistics statistics(TenantState state, Instant now, long seq) {
    rollOver(now);
    KpiReport report = kpis.report(now);
    Map<String, QueueKpis> today = new LinkedHashMap<>();
    report.queues().forEach(row -> today.put(row.queue(), row));
    List<QueueStatistics> queues = new ArrayList<>();
    int waitingTotal = 0;
    long longestTotal = 0;
    List<QueueConfig> configs =
        state.queues().stream().sorted(Comparator.comparing(q -> q.id().value())).toList();
    Map<QueueId, List<Interaction>> waiting = waitingByQueue(state);
    for (QueueConfig queue : configs) {
      List<Interaction> line = waiting.getOrDefault(queue.id(), List.of());
      long longest = longestWait(line, now);
      waitingTotal += line.size();
      longestTotal = Math.max(longestTotal, longest);
      queues.add(
          row(
              queue.id().value(),
              queue.name(),
              line.size(),
              longest,
              today.get(queue.id().value())));
    }
    Map<String, Integer> agents = new LinkedHashMap<>();
    Map<AgentState, Integer> counts = new EnumMap<>(AgentState.class);
    for (Agent agent : state.agents()) {
      counts.merge(agent.state(), 1, Integer::sum);
    }
    for (AgentState agentState : AgentState.values()) {
      agents.put(agentState.name(), counts.getOrDefault(agentState, 0));
    }
    return new TenantStatistics(
        now,
        seq,
        day.toString(),
        queues,
        agents,
        waitingTotal,
        state.interactions().size(),
        row("all", "All queues", waitingTotal, longestTotal, report.overall()));
  }

  private void rollOver(Instant at) {
    LocalDate now = LocalDate.ofInstant(at, zone);
    if (now.isAfter(day)) {
      day = now;
      kpis.startWindow(day.atStartOfDay(zone).toInstant());
    }
  }

  /** The callers waiting in each queue: queued, or ringing an agent (not yet answered). */
  private static Map<QueueId, List<Interaction>> waitingByQueue(TenantState state) {
    Map<QueueId, List<Interaction>> waiting = new HashMap<>();
    for (Interaction interaction : state.interactions()) {
      InteractionState now = interaction.state();
      if (interaction.queue() != null
          && (now == InteractionState.QUEUED || now == InteractionState.RESERVED)) {
        waiting.computeIfAbsent(interaction.queue(), q -> new ArrayList<>()).add(interaction);
      }
    }
    return waiting;
  }

  private static long longestWait(List<Interaction> line, Instant now) {
    long longest = 0;
    for (Interaction interaction : line) {
      Instant since = interaction.queuedAt();
      if (since != null) {
        longest = Math.max(longest, Duration.between(since, now).toSeconds());
      }
    }
    return longest;
  }

  private static QueueStatistics row(
      String id, String name, int waiting, long longestWait, @Nullable QueueKpis today) {
    if (today == null) {
      return new QueueStatistics(id, name, waiting, longestWait, 0, 0, 0, null, 0, 0, 0, 0);
    }
    double serviceLevel = today.serviceLevelPercent();
    return new QueueStatistics(
        id,
        name,
        waiting,
        longestWait,
        today.offered(),
        today.answered(),
        today.abandoned(),
        Double.isNaN(serviceLevel) ? null : round(serviceLevel),
        today.serviceLevelTargetPercent(),
        today.serviceLevelThreshold() == null ? 0 : today.serviceLevelThreshold().toSeconds(),
        seconds(today.averageSpeedOfAnswer()),
        seconds(today.averageHandleTime()));
  }

  static double seconds(Duration duration) {
    return round(duration.toMillis() / 1000.0);
  }

  static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
