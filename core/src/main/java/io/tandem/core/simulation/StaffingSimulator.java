package io.tandem.core.simulation;

import io.tandem.core.event.TenantEventListener;
import java.util.List;

/**
 * Runs a {@link Scenario} through the real routing engine in virtual time and reports the KPIs.
 *
 * <p>Each run builds a fresh {@link io.tandem.core.tenant.Tenant} on {@link
 * io.tandem.core.time.VirtualTime}, configures the scenario's queues and agents, and drives callers
 * and agents by timers: arrivals (one pending timer per queue), answer delays, no answers,
 * hang-ups, patience, shift edges and presence flips. The engine decides everything else (routing,
 * offers, RONA, wrap-up, escalation, overflow). Runs are deterministic: the same scenario and seed
 * give an equal report. Memory stays flat in the number of callers: finished calls leave no trace
 * but their KPI counts.
 */
public final class StaffingSimulator {

  /** Validates and runs {@code scenario}; throws {@link InvalidScenarioException} if invalid. */
  public SimulationReport run(Scenario scenario) {
    return run(scenario, List.of());
  }

  /**
   * Validates and runs {@code scenario}, also publishing every tenant event to {@code observers}
   * (for tests and traces; they must not call the tenant).
   */
  public SimulationReport run(Scenario scenario, List<TenantEventListener> observers) {
    ScenarioValidator.requireValid(scenario);
    return new Simulation(scenario, observers).run();
  }
}
