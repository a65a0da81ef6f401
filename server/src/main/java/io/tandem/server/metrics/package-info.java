/**
 * Prometheus metrics (via Micrometer, at {@code /actuator/prometheus}): queue depth and longest
 * wait, agents by state, routing decisions (offers), how long tenant commands take (decision
 * latency) and how long events take to become durable (event-log lag).
 *
 * <p>Threading: {@link io.tandem.server.metrics.TenantTimings} and the event counters run on the
 * tenants' writers and only record; {@link io.tandem.server.metrics.QueueGauges} refreshes its
 * gauges on its own daemon thread from the shared statistics cache.
 */
@NullMarked
package io.tandem.server.metrics;

import org.jspecify.annotations.NullMarked;
