package io.tandem.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentProfile;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.interaction.Channel;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueId;
import io.tandem.core.skill.AgentSkills;
import io.tandem.core.tenant.TenantId;
import io.tandem.server.eventlog.EventLog;
import io.tandem.server.tenant.TenantRegistry;
import io.tandem.server.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The packaged application on each supported database: Spring Boot's Flyway runs the migrations,
 * tenants log their events, and a restarted application recovers them.
 */
abstract class ApplicationContract {

  private static final TenantId ACME = new TenantId("acme");

  private TestDatabase database;

  /** A new, empty database. */
  abstract TestDatabase newDatabase();

  @BeforeEach
  void createDatabase() {
    database = newDatabase();
  }

  @AfterEach
  void dropDatabase() {
    database.close();
  }

  private ConfigurableApplicationContext start() {
    SpringApplication application = new SpringApplication(TandemApplication.class);
    return application.run(
        "--spring.datasource.url=" + database.jdbcUrl(),
        "--spring.datasource.username=" + database.username(),
        "--spring.main.banner-mode=off",
        "--server.port=0",
        "--tandem.demo.enabled=false");
  }

  @Test
  void start_migratesTheDatabaseWithFlyway() {
    try (ConfigurableApplicationContext context = start()) {
      JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));

      assertThat(
              jdbc.sql(
                      "select \"version\" from \"flyway_schema_history\""
                          + " where \"success\" and \"version\" is not null")
                  .query(String.class)
                  .list())
          .containsExactly("1", "2", "4", "5", "7");
      assertThat(jdbc.sql("select count(*) from tenant_event").query(Long.class).single()).isZero();
      assertThat(context.getBean(TenantRegistry.class).ids()).isEmpty();
    }
  }

  @Test
  void restart_recoversTenantsFromTheLog_endingCallsWhoseMediaWasLost() throws Exception {
    InteractionId ringing;
    try (ConfigurableApplicationContext context = start()) {
      ringing =
          context
              .getBean(TenantRegistry.class)
              .tenant(ACME)
              .ask(
                  tenant -> {
                    tenant.configureQueue(
                        QueueConfig.builder("sales").ringTimeout(Duration.ofMinutes(10)).build());
                    tenant.configureAgent(AgentProfile.voice("anna", AgentSkills.NONE));
                    tenant.logIn(new AgentId("anna"), true);
                    InteractionId call =
                        tenant.arrive(null, Channel.VOICE, "+4930123456", "+4940999", Map.of());
                    tenant.enqueue(call, new QueueId("sales"), null);
                    return call;
                  })
              .get(1, TimeUnit.MINUTES);
    }

    try (ConfigurableApplicationContext context = start()) {
      assertThat(context.getBean(TenantRegistry.class).ids()).containsExactly(ACME);
      List<TenantEvent> log = context.getBean(EventLog.class).read(ACME);
      assertThat(log)
          .filteredOn(InteractionEvent.Failed.class::isInstance)
          .extracting(
              event -> ((InteractionEvent.Failed) event).interaction(),
              event -> ((InteractionEvent.Failed) event).reason())
          .containsExactly(tuple(ringing, "lost-on-restart"));
    }
  }
}
