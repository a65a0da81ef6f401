package io.tandem.server.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.tandem.server.statistics.LiveStatistics;
import io.tandem.server.tenant.EventFeed;
import io.tandem.server.tenant.TenantRegistry;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The server's own metrics (key {@code tandem.metrics.gauge-period}, see server/README.md). */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

  @Bean
  TenantTimings tenantTimings(MeterRegistry registry, EventFeed feed) {
    TenantTimings timings = new TenantTimings(registry);
    feed.subscribe(timings);
    return timings;
  }

  @Bean
  QueueGauges queueGauges(
      TenantRegistry tenants,
      LiveStatistics statistics,
      MeterRegistry registry,
      @Value("${tandem.metrics.gauge-period:5s}") Duration period) {
    return new QueueGauges(tenants, statistics, registry, period);
  }
}
