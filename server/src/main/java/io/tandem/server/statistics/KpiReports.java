package io.tandem.server.statistics;

import io.tandem.core.event.TenantEvent;
import io.tandem.core.simulation.KpiProjection;
import io.tandem.core.simulation.KpiReport;
import io.tandem.core.tenant.TenantId;
import io.tandem.server.eventlog.EventLog;
import java.time.Duration;
import java.time.Instant;

/**
 * KPIs of a tenant for a time range {@code [from, to)}, per queue and per agent, computed by
 * replaying the tenant's log into a {@link KpiProjection} whose window starts at {@code from} (see
 * {@link KpiProjection#startWindow} for how interactions that span the edges count).
 *
 * <p>Cost: it reads the tenant's whole log up to {@code to}; fine for the logs a single node holds
 * today, to be replaced by stored interval aggregates when logs grow past that.
 *
 * <p>Threading: thread-safe; blocking (runs on the caller's thread).
 */
public final class KpiReports {

  /** The longest range one report covers. */
  public static final Duration MAX_RANGE = Duration.ofDays(366);

  private final EventLog log;

  public KpiReports(EventLog log) {
    this.log = log;
  }

  /**
   * The KPIs of {@code [from, to)}.
   *
   * @throws IllegalArgumentException if {@code from} is not before {@code to} or the range is
   *     longer than {@link #MAX_RANGE}
   */
  public KpiReport report(TenantId tenant, Instant from, Instant to) {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("'from' must be before 'to'");
    }
    if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
      throw new IllegalArgumentException(
          "a range may span at most " + MAX_RANGE.toDays() + " days");
    }
    KpiProjection kpis = new KpiProjection();
    boolean windowStarted = false;
    for (TenantEvent event : log.read(tenant)) {
      if (!event.at().isBefore(to)) {
        break;
      }
      if (!windowStarted && !event.at().isBefore(from)) {
        kpis.startWindow(from);
        windowStarted = true;
      }
      kpis.on(event);
    }
    if (!windowStarted) {
      kpis.startWindow(from);
    }
    return kpis.report(to);
  }
}
