package io.tandem.server.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.tandem.core.tenant.TenantId;
import io.tandem.server.statistics.LiveStatistics;
import io.tandem.server.statistics.QueueStatistics;
import io.tandem.server.statistics.TenantStatistics;
import io.tandem.server.tenant.RunningTenant;
import io.tandem.server.tenant.TenantRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges of every running tenant, refreshed every {@code period} from {@link LiveStatistics}:
 * {@code tandem.queue.waiting} and {@code tandem.queue.longest.wait} (seconds) per queue, and
 * {@code tandem.agents} per agent state.
 */
public final class QueueGauges implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(QueueGauges.class);

  private final TenantRegistry tenants;
  private final LiveStatistics statistics;
  private final MultiGauge waiting;
  private final MultiGauge longestWait;
  private final MultiGauge agents;
  private final ScheduledExecutorService refresher =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("metrics-gauges").daemon().factory());

  public QueueGauges(
      TenantRegistry tenants, LiveStatistics statistics, MeterRegistry registry, Duration period) {
    this.tenants = tenants;
    this.statistics = statistics;
    this.waiting =
        MultiGauge.builder("tandem.queue.waiting")
            .description("callers waiting in the queue (queued or ringing an agent)")
            .register(registry);
    this.longestWait =
        MultiGauge.builder("tandem.queue.longest.wait")
            .description("how long the longest-waiting caller of the queue has waited")
            .baseUnit("seconds")
            .register(registry);
    this.agents =
        MultiGauge.builder("tandem.agents")
            .description("agents in each contact-center state")
            .register(registry);
    refresher.scheduleWithFixedDelay(
        this::refreshQuietly, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** {@link #refresh}, never throwing (a scheduled task that throws is never run again). */
  private void refreshQuietly() {
    try {
      refresh();
    } catch (RuntimeException e) {
      LOG.warn("Cannot refresh the queue gauges", e);
    }
  }

  /** Reads every running tenant's statistics and sets the gauges to them. */
  void refresh() {
    List<MultiGauge.Row<?>> waitingRows = new ArrayList<>();
    List<MultiGauge.Row<?>> longestRows = new ArrayList<>();
    List<MultiGauge.Row<?>> agentRows = new ArrayList<>();
    for (TenantId id : tenants.ids()) {
      RunningTenant tenant = tenants.find(id);
      if (tenant == null) {
        continue;
      }
      TenantStatistics now;
      try {
        now = statistics.current(tenant);
      } catch (RuntimeException e) {
        LOG.debug("No statistics for tenant {}", id, e);
        continue;
      }
      for (QueueStatistics queue : now.queues()) {
        Tags tags = Tags.of("tenant", id.value(), "queue", queue.queue());
        waitingRows.add(MultiGauge.Row.of(tags, queue.waiting()));
        longestRows.add(MultiGauge.Row.of(tags, queue.longestWaitSeconds()));
      }
      now.agentsByState()
          .forEach(
              (state, count) ->
                  agentRows.add(
                      MultiGauge.Row.of(Tags.of("tenant", id.value(), "state", state), count)));
    }
    waiting.register(waitingRows, true);
    longestWait.register(longestRows, true);
    agents.register(agentRows, true);
  }

  @Override
  public void close() {
    refresher.shutdownNow();
  }
}
