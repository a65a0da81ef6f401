package io.tandem.core.simulation;

import io.tandem.core.event.TenantEventListener;
import io.tandem.core.queue.QueueAction;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.tenant.Tenant;
import io.tandem.core.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One run of a validated scenario: wires tenant, callers, staff and KPIs onto one virtual clock,
 * then runs timers until arrivals have closed and every caller is done (or the drain ran out).
 */
final class Simulation implements Callers.Control {

  private final Scenario scenario;
  private final SimulationClock clock;
  private final Tenant tenant;
  private final KpiProjection kpis = new KpiProjection();
  private final Callers callers;
  private final Staff staff;
  private long arrivals;
  private long events;
  private int exhaustedStreams;
  private boolean closed;
  private long closedAt = -1;
  private boolean stopped;

  Simulation(Scenario scenario, List<TenantEventListener> observers) {
    this.scenario = scenario;
    this.clock = new SimulationClock(scenario.start());
    this.tenant = new Tenant(new TenantId("simulation"), clock.time, clock.time);
    SplittableRandom seeds = new SplittableRandom(scenario.seed());
    long end = scenario.duration() == null ? Long.MAX_VALUE : scenario.duration().toNanos();
    this.callers = new Callers(tenant, clock, this, end, scenario.queues(), seeds);
    this.staff = new Staff(tenant, clock, scenario.agents(), seeds);
    tenant.addListener(event -> events++);
    tenant.addListener(kpis);
    observers.forEach(tenant::addListener);
    tenant.addListener(callers);
    tenant.addListener(staff);
  }

  SimulationReport run() {
    configureQueues();
    staff.start();
    callers.start();
    if (scenario.duration() != null) {
      clock.schedule(scenario.duration().toNanos(), this::close);
    }
    if (exhaustedStreams == scenario.queues().size() && scenario.duration() == null) {
      close();
    }
    while (!stopped && clock.time.runNext()) {
      if (closed && callers.live() == 0) {
        break;
      }
    }
    Instant end = clock.time.instant();
    return SimulationReport.of(
        scenario,
        clock.at(closedAt < 0 ? clock.now() : closedAt),
        end,
        arrivals,
        events,
        callers.live(),
        kpis.report(end));
  }

  /**
   * Configures the queues; those that overflow to other queues are first configured without the
   * reference, since a queue may only name queues that exist.
   */
  private void configureQueues() {
    List<QueueConfig> configs = scenario.queues().stream().map(QueueScenario::queue).toList();
    for (QueueConfig config : configs) {
      boolean refers =
          config.overflowAction() instanceof QueueAction.ToQueue
              || config.noAgentAction() instanceof QueueAction.ToQueue;
      tenant.configureQueue(
          refers
              ? config.toBuilder()
                  .overflowAction(new QueueAction.OfferCallback())
                  .noAgentAction(null)
                  .build()
              : config);
    }
    for (QueueConfig config : configs) {
      if (config.overflowAction() instanceof QueueAction.ToQueue
          || config.noAgentAction() instanceof QueueAction.ToQueue) {
        tenant.configureQueue(config);
      }
    }
  }

  @Override
  public boolean closed() {
    return closed;
  }

  @Override
  public void arrived() {
    arrivals++;
    if (scenario.maxArrivals() > 0 && arrivals >= scenario.maxArrivals()) {
      close();
    }
  }

  @Override
  public void streamExhausted() {
    exhaustedStreams++;
    if (exhaustedStreams == scenario.queues().size() && scenario.duration() == null) {
      close();
    }
  }

  private void close() {
    if (closed) {
      return;
    }
    closed = true;
    closedAt = clock.now();
    clock.schedule(closedAt + scenario.drain().toNanos(), () -> stopped = true);
  }
}
