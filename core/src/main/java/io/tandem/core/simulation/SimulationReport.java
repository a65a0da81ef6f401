package io.tandem.core.simulation;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a simulation run produced: the KPIs of {@link KpiProjection} plus what was simulated. Two
 * runs of the same scenario with the same seed give equal reports.
 *
 * @param scenario the scenario's name
 * @param seed the random seed used
 * @param zone the time zone the table shows times in
 * @param start when the simulation started (virtual time)
 * @param arrivalsClosed when arrivals stopped (duration over or maxArrivals reached)
 * @param end when the simulation stopped: the last caller done, or the drain over
 * @param arrivals callers generated
 * @param events tenant events the engine produced
 * @param unfinished callers still waiting or being served at {@code end}
 * @param kpis per queue, overall and per agent, up to {@code end}
 * @param groups per agent group (sums of their agents), in scenario order
 */
public record SimulationReport(
    String scenario,
    long seed,
    ZoneId zone,
    Instant start,
    Instant arrivalsClosed,
    Instant end,
    long arrivals,
    long events,
    long unfinished,
    KpiReport kpis,
    List<AgentKpis> groups) {

  public SimulationReport {
    groups = List.copyOf(groups);
  }

  static SimulationReport of(
      Scenario scenario,
      Instant arrivalsClosed,
      Instant end,
      long arrivals,
      long events,
      long unfinished,
      KpiReport kpis) {
    Map<String, AgentKpis> byId = new HashMap<>();
    kpis.agents().forEach(row -> byId.put(row.agent(), row));
    List<AgentKpis> groups = new ArrayList<>();
    for (AgentGroup group : scenario.agents()) {
      List<AgentKpis> rows = new ArrayList<>();
      for (int i = 0; i < group.count(); i++) {
        AgentKpis row = byId.get(group.agentId(i));
        if (row != null) {
          rows.add(row);
        }
      }
      groups.add(AgentKpis.sum(group.name(), rows));
    }
    return new SimulationReport(
        scenario.name(),
        scenario.seed(),
        scenario.zone(),
        scenario.start(),
        arrivalsClosed,
        end,
        arrivals,
        events,
        unfinished,
        kpis,
        groups);
  }

  /** The report as pretty-printed JSON (durations in seconds, percentages 0-100). */
  public String toJson() {
    return ReportJson.write(this);
  }

  /** The report as fixed-width text tables for a terminal. */
  public String toTable() {
    return ReportTable.write(this, ReportTable.DEFAULT_AGENT_ROWS);
  }
}
