package io.tandem.server.wallboard;

import io.tandem.core.tenant.TenantId;
import io.tandem.server.statistics.LiveStatistics;
import io.tandem.server.tenant.RunningTenant;
import io.tandem.server.tenant.TenantRegistry;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the {@link WaitingHistory}: every {@link WaitingHistory#period()}, from {@link #start}
 * until {@link #close}, one round ({@link #run}) records every running tenant's waiting callers
 * from the shared {@link LiveStatistics} cache and forgets tenants that stopped running.
 *
 * <p>Threading: rounds run on the injected scheduler (its own single thread), block on each
 * tenant's writer in turn, and never throw, so the schedule keeps going.
 */
final class WaitingSampler implements Runnable, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WaitingSampler.class);

  private final TenantRegistry tenants;
  private final LiveStatistics statistics;
  private final WaitingHistory history;
  private final ScheduledExecutorService scheduler;

  WaitingSampler(
      TenantRegistry tenants,
      LiveStatistics statistics,
      WaitingHistory history,
      ScheduledExecutorService scheduler) {
    this.tenants = tenants;
    this.statistics = statistics;
    this.history = history;
    this.scheduler = scheduler;
  }

  /** Samples now and then every period. */
  void start() {
    long period = history.period().toMillis();
    scheduler.scheduleAtFixedRate(this, 0, period, TimeUnit.MILLISECONDS);
  }

  /** Stops sampling, and the scheduler with it. */
  @Override
  public void close() {
    scheduler.shutdownNow();
  }

  /** One round: a sample of every running tenant. */
  @Override
  public void run() {
    try {
      Set<TenantId> running = tenants.ids();
      for (TenantId id : running) {
        sample(id);
      }
      history.retainOnly(running);
    } catch (RuntimeException e) {
      LOG.warn("Sampling the waiting callers failed; trying again next period", e);
    }
  }

  private void sample(TenantId id) {
    try {
      RunningTenant tenant = tenants.find(id);
      if (tenant != null) {
        history.record(id, statistics.current(tenant));
      }
    } catch (RuntimeException e) {
      // Not started yet, or its event log failed (which the tenant's own commands report).
      LOG.debug("No waiting sample for tenant {}: {}", id, e.toString());
    }
  }
}
