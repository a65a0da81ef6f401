package io.tandem.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.tenant.TenantId;
import io.tandem.server.eventlog.LoggedEvent;
import io.tandem.server.tenant.EventFeed;
import io.tandem.server.tenant.TenantObserver;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Per tenant: {@code tandem.tenant.command} (how long each command on the tenant's writer took —
 * arrivals, agent actions, timers, with the routing decisions and appends they make: the decision
 * latency), {@code tandem.eventlog.append} (how long one event took to become durable: the event
 * log's lag behind the tenant), {@code tandem.events} (events made durable) and {@code
 * tandem.routing.offers} (routing decisions: offers made to agents). Timers publish a histogram, so
 * Prometheus can compute any percentile.
 */
public final class TenantTimings implements TenantObserver, EventFeed.Subscriber {

  private final MeterRegistry registry;
  private final Map<TenantId, Meters> meters = new ConcurrentHashMap<>();

  private record Meters(Timer command, Timer append, Counter events, Counter offers) {}

  public TenantTimings(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void commandTook(TenantId tenant, long nanos) {
    meters(tenant).command().record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void appendTook(TenantId tenant, long nanos) {
    meters(tenant).append().record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void on(LoggedEvent event) {
    Meters tenant = meters(event.tenant());
    tenant.events().increment();
    if (event.event() instanceof InteractionEvent.Offered) {
      tenant.offers().increment();
    }
  }

  private Meters meters(TenantId tenant) {
    return meters.computeIfAbsent(
        tenant,
        id ->
            new Meters(
                Timer.builder("tandem.tenant.command")
                    .description("time a command took on the tenant's single writer")
                    .tag("tenant", id.value())
                    .publishPercentileHistogram()
                    .register(registry),
                Timer.builder("tandem.eventlog.append")
                    .description("time one event took to become durable in the event log")
                    .tag("tenant", id.value())
                    .publishPercentileHistogram()
                    .register(registry),
                Counter.builder("tandem.events")
                    .description("events made durable")
                    .tag("tenant", id.value())
                    .register(registry),
                Counter.builder("tandem.routing.offers")
                    .description("routing decisions: offers made to agents")
                    .tag("tenant", id.value())
                    .register(registry)));
  }
}
