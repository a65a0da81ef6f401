package io.tandem.server.wallboard;

import io.tandem.server.statistics.LiveStatistics;
import io.tandem.server.tenant.TenantRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The wallboard's history of waiting callers, and the thread that samples it every {@code
 * tandem.wallboard.waiting-sample-period} (see server/README.md).
 */
@Configuration(proxyBeanMethods = false)
class WallboardConfiguration {

  @Bean
  WaitingHistory waitingHistory(
      Clock clock, @Value("${tandem.wallboard.waiting-sample-period:10s}") Duration period) {
    return new WaitingHistory(clock, period);
  }

  /**
   * The sampler, already sampling on its own thread (whose scheduler is deliberately not a bean, so
   * that nothing else schedules work on it); stopped when the application closes.
   */
  @Bean
  WaitingSampler waitingSampler(
      WaitingHistory history, TenantRegistry tenants, LiveStatistics statistics) {
    WaitingSampler sampler =
        new WaitingSampler(
            tenants,
            statistics,
            history,
            Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("wallboard-sampler").daemon(true).factory()));
    sampler.start();
    return sampler;
  }
}
