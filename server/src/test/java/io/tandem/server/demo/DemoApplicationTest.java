package io.tandem.server.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.core.agent.AgentEvent;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.queue.QueueEvent;
import io.tandem.core.tenant.TenantId;
import io.tandem.server.TandemApplication;
import io.tandem.server.eventlog.EventCodec;
import io.tandem.server.eventlog.EventLog;
import io.tandem.server.eventlog.JdbcEventLog;
import io.tandem.server.tenant.RunningTenant;
import io.tandem.server.tenant.TenantDirectory;
import io.tandem.server.tenant.TenantRecord;
import io.tandem.server.tenant.TenantRegistry;
import io.tandem.server.testing.H2Database;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The packaged application with the demo on (its default), on H2 in a temporary directory. */
class DemoApplicationTest {

  private static final TenantId DEMO = new TenantId("demo");

  @TempDir Path directory;
  private H2Database database;

  @BeforeEach
  void createDatabase() {
    database = new H2Database(directory);
  }

  @AfterEach
  void dropDatabase() {
    database.close();
  }

  /** Starts the application; callers arrive 30 times as often as the demo file says. */
  private ConfigurableApplicationContext start() {
    return new SpringApplication(TandemApplication.class)
        .run(
            "--spring.datasource.url=" + database.jdbcUrl(),
            "--spring.datasource.username=" + database.username(),
            "--spring.main.banner-mode=off",
            "--server.port=0",
            "--server.address=127.0.0.1",
            "--tandem.demo.arrival-rate-factor=30");
  }

  @Test
  void start_withTheDemoOn_listsTheTenantLogsTheAgentsInAndCallsArrive() {
    try (ConfigurableApplicationContext context = start()) {
      RunningTenant demo = context.getBean(TenantRegistry.class).find(DEMO);
      EventLog log = context.getBean(EventLog.class);

      assertThat(demo).isNotNull();
      assertThat(context.getBean(TenantDirectory.class).find(DEMO))
          .extracting(TenantRecord::name)
          .isEqualTo("Tandem demo");
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                assertThat(loggedIn(demo)).isEqualTo(20);
                assertThat(log.read(DEMO))
                    .filteredOn(InteractionEvent.Arrived.class::isInstance)
                    .isNotEmpty();
              });
    }
  }

  @Test
  void restart_withTheDemoOn_takesTheRecoveredTenantAsItIs() throws Exception {
    try (ConfigurableApplicationContext context = start()) {
      EventLog log = context.getBean(EventLog.class);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> log.read(DEMO).stream().anyMatch(InteractionEvent.Arrived.class::isInstance));
    }
    long configured = configurations(database);

    try (ConfigurableApplicationContext context = start()) {
      RunningTenant demo = context.getBean(TenantRegistry.class).find(DEMO);

      assertThat(configurations(database)).isEqualTo(configured);
      assertThat(loggedIn(demo)).isEqualTo(20);
    }
  }

  private static long loggedIn(RunningTenant demo) throws Exception {
    return demo.ask(
            tenant ->
                tenant.state().agents().stream()
                    .filter(agent -> agent.state().isLoggedIn())
                    .count())
        .get(10, TimeUnit.SECONDS);
  }

  /** Agent and queue configuration events in the log. */
  private static long configurations(H2Database database) {
    List<TenantEvent> events = new JdbcEventLog(database.dataSource(), new EventCodec()).read(DEMO);
    return events.stream()
        .filter(
            event ->
                event instanceof AgentEvent.Configured || event instanceof QueueEvent.Configured)
        .count();
  }
}
