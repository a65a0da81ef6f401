package io.tandem.server;

import io.tandem.core.tenant.RecoveryReport;
import io.tandem.core.tenant.TenantId;
import io.tandem.server.eventlog.EventCodec;
import io.tandem.server.eventlog.EventHistory;
import io.tandem.server.eventlog.EventLog;
import io.tandem.server.eventlog.JdbcEventLog;
import io.tandem.server.statistics.KpiReports;
import io.tandem.server.statistics.LiveStatistics;
import io.tandem.server.tenant.EventFeed;
import io.tandem.server.tenant.TenantDirectory;
import io.tandem.server.tenant.TenantObserver;
import io.tandem.server.tenant.TenantRegistry;
import io.tandem.server.tenant.TenantThreads;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the server is put together: the event log on the configured data source (migrated by Flyway),
 * the tenants on virtual-thread mailboxes and one timer thread, and recovery of every tenant in the
 * log before the web server accepts requests.
 */
@Configuration(proxyBeanMethods = false)
class ServerConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(ServerConfiguration.class);

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  EventCodec eventCodec() {
    return new EventCodec();
  }

  @Bean
  @DependsOnDatabaseInitialization
  EventLog eventLog(DataSource dataSource, EventCodec codec) {
    return new JdbcEventLog(dataSource, codec);
  }

  @Bean
  @DependsOnDatabaseInitialization
  EventHistory eventHistory(DataSource dataSource, EventCodec codec) {
    return new EventHistory(dataSource, codec);
  }

  @Bean
  @DependsOnDatabaseInitialization
  TenantDirectory tenantDirectory(DataSource dataSource, Clock clock) {
    return new TenantDirectory(dataSource, clock);
  }

  @Bean
  LiveStatistics liveStatistics(
      EventLog eventLog,
      EventFeed feed,
      Clock clock,
      @Value("${tandem.statistics.zone:}") String zone,
      @Value("${tandem.statistics.max-age:1s}") Duration maxAge) {
    LiveStatistics statistics =
        new LiveStatistics(
            eventLog, clock, zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone), maxAge);
    feed.subscribe(statistics);
    return statistics;
  }

  @Bean
  KpiReports kpiReports(EventLog eventLog) {
    return new KpiReports(eventLog);
  }

  @Bean
  TenantThreads tenantThreads() {
    return new TenantThreads();
  }

  @Bean
  EventFeed eventFeed() {
    return new EventFeed();
  }

  @Bean
  TenantRegistry tenantRegistry(
      EventLog eventLog,
      EventFeed feed,
      TenantObserver observer,
      Clock clock,
      TenantThreads threads) {
    return new TenantRegistry(eventLog, feed, observer, clock, threads.writers(), threads.timers());
  }

  /**
   * Rebuilds every tenant from the event log once every bean exists and before the web server
   * starts, so that no request ever sees a tenant that is not recovered yet.
   */
  @Bean
  SmartInitializingSingleton recoverTenants(TenantRegistry tenants) {
    return () -> {
      Map<TenantId, RecoveryReport> reports = tenants.startUp();
      reports.forEach(
          (tenant, report) ->
              LOG.info(
                  "Recovered tenant {}: {} events replayed, {} interactions lost on restart, {}"
                      + " kept, {} timers re-armed",
                  tenant,
                  report.eventsReplayed(),
                  report.lostOnRestart().size(),
                  report.interactionsKept(),
                  report.timersRearmed()));
      LOG.info("{} tenants recovered from the event log", reports.size());
    };
  }
}
