/**
 * Live and historical statistics of a tenant: real-time queue figures (waiting, longest wait,
 * agents by state, today's service level) and KPIs for any time range, all computed by core's
 * {@link io.tandem.core.simulation.KpiProjection} from the event stream.
 *
 * <p>Threading: {@link io.tandem.server.statistics.LiveStatistics} keeps one projection per tenant
 * on that tenant's writer (it is fed by the {@link io.tandem.server.tenant.EventFeed} there) and
 * publishes immutable {@link io.tandem.server.statistics.TenantStatistics} that any thread reads
 * without locking. {@link io.tandem.server.statistics.KpiReports} replays the log on the calling
 * thread.
 */
@NullMarked
package io.tandem.server.statistics;

import org.jspecify.annotations.NullMarked;
