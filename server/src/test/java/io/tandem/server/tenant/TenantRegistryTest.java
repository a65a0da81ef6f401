package io.tandem.server.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentProfile;
import io.tandem.core.agent.AgentState;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.interaction.Channel;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.InteractionState;
import io.tandem.core.interaction.ReservationId;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueId;
import io.tandem.core.routing.Interaction;
import io.tandem.core.skill.AgentSkills;
import io.tandem.core.tenant.RecoveryReport;
import io.tandem.core.tenant.Tenant;
import io.tandem.core.tenant.TenantId;
import io.tandem.server.eventlog.EventCodec;
import io.tandem.server.eventlog.EventLog;
import io.tandem.server.eventlog.EventLogException;
import io.tandem.server.eventlog.JdbcEventLog;
import io.tandem.server.testing.DataSourceFailingInserts;
import io.tandem.server.testing.H2Database;
import io.tandem.server.testing.Migrations;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tenants on mailboxes that log every event, and their recovery when the server restarts. */
class TenantRegistryTest {

  private static final TenantId ACME = new TenantId("acme");
  private static final QueueId SALES = new QueueId("sales");
  private static final AgentId ANNA = new AgentId("anna");
  private static final AgentId BEN = new AgentId("ben");

  @TempDir Path directory;
  private final EventCodec codec = new EventCodec();
  private final List<Server> servers = new ArrayList<>();
  private H2Database database;

  /** One server process: its own executors and registry on the shared database. */
  private record Server(
      TenantRegistry registry,
      EventLog log,
      ExecutorService writers,
      ScheduledExecutorService timers)
      implements AutoCloseable {
    @Override
    public void close() {
      timers.shutdownNow();
      writers.close();
    }
  }

  @BeforeEach
  void migrate() {
    database = new H2Database(directory);
    Migrations.migrate(database.dataSource());
  }

  @AfterEach
  void stopServers() {
    servers.forEach(Server::close);
    database.close();
  }

  private Server server(DataSource dataSource) {
    ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor();
    ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    EventLog log = new JdbcEventLog(dataSource, codec);
    Server server =
        new Server(
            new TenantRegistry(log, new EventFeed(), Clock.systemUTC(), writers, timers),
            log,
            writers,
            timers);
    servers.add(server);
    return server;
  }

  /** A server started on the database as it is now: it recovers every tenant in the log. */
  private Server start() {
    Server server = server(database.dataSource());
    server.registry().startUp();
    return server;
  }

  private static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(1, TimeUnit.MINUTES);
  }

  private static <T> T ask(Server server, Function<Tenant, T> command) throws Exception {
    return await(server.registry().tenant(ACME).ask(command));
  }

  private static QueueConfig sales() {
    return QueueConfig.builder("sales")
        .ringTimeout(Duration.ofMinutes(10))
        .wrapUp(Duration.ofMinutes(10))
        .build();
  }

  private static AgentProfile agent(AgentId id) {
    return AgentProfile.voice(id.value(), AgentSkills.NONE);
  }

  private List<String> typesInLog() {
    return new JdbcEventLog(database.dataSource(), codec)
        .read(ACME).stream().map(codec::typeOf).toList();
  }

  private List<TenantEvent> logOf(TenantId tenant) {
    return new JdbcEventLog(database.dataSource(), codec).read(tenant);
  }

  // --- start-up ----------------------------------------------------------------------------------

  @Test
  void tenant_beforeStartUp_isRefused() {
    Server server = server(database.dataSource());

    assertThatThrownBy(() -> server.registry().tenant(ACME))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not started");
  }

  @Test
  void startUp_onAnEmptyLog_runsNoTenants_andRefusesASecondCall() {
    Server server = server(database.dataSource());

    assertThat(server.registry().startUp()).isEmpty();
    assertThat(server.registry().ids()).isEmpty();
    assertThatThrownBy(() -> server.registry().startUp()).isInstanceOf(IllegalStateException.class);
  }

  // --- logging -----------------------------------------------------------------------------------

  @Test
  void commands_appendEveryEventTheyEmit_inOrder_beforeTheyComplete() throws Exception {
    Server server = start();

    ask(
        server,
        tenant -> {
          tenant.configureQueue(sales());
          tenant.configureAgent(agent(ANNA));
          tenant.logIn(ANNA, true);
          return null;
        });

    assertThat(typesInLog())
        .containsExactly(
            "queue.Configured", "agent.Configured", "agent.LoggedIn", "agent.BecameReady");
    assertThat(server.registry().ids()).containsExactly(ACME);
  }

  @Test
  void failedAppend_stopsTheTenant_andARestartRecoversWhatTheLogHolds() throws Exception {
    Server failing = server(new DataSourceFailingInserts(database.dataSource(), Set.of(3)));
    failing.registry().startUp();
    RunningTenant acme = failing.registry().tenant(ACME);
    await(acme.tell(tenant -> tenant.configureQueue(sales())));
    await(acme.tell(tenant -> tenant.configureAgent(agent(ANNA))));

    assertThatThrownBy(() -> await(acme.tell(tenant -> tenant.logIn(ANNA, true))))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(EventLogException.class);
    assertThatThrownBy(() -> await(acme.tell(tenant -> tenant.configureAgent(agent(BEN)))))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("takes no more commands");
    assertThat(typesInLog()).containsExactly("queue.Configured", "agent.Configured");

    Server restarted = start();

    assertThat(stateOf(restarted, ANNA)).isEqualTo(AgentState.OFFLINE);
    assertThat(isKnown(restarted, BEN)).isFalse();
  }

  // --- recovery ----------------------------------------------------------------------------------

  @Test
  void restart_rebuildsTheTenant_endsCallsWithLiveMedia_andLogsOnlyWhatRecoveryEmits()
      throws Exception {
    Server first = start();
    ask(
        first,
        tenant -> {
          tenant.configureQueue(sales());
          tenant.configureAgent(agent(ANNA));
          tenant.configureAgent(agent(BEN));
          tenant.logIn(ANNA, true);
          return null;
        });
    InteractionId ringing = ask(first, tenant -> call(tenant));
    ask(
        first,
        tenant -> {
          tenant.logIn(BEN, true);
          return null;
        });
    InteractionId wrappingUp = ask(first, tenant -> call(tenant));
    ask(
        first,
        tenant -> {
          tenant.acceptOffer(reservationOf(tenant, wrappingUp));
          tenant.agentHungUp(wrappingUp);
          return null;
        });
    List<TenantEvent> before = logOf(ACME);
    database.restart();

    Server second = server(database.dataSource());
    RecoveryReport recovered = second.registry().startUp().get(ACME);

    assertThat(recovered.eventsReplayed()).isEqualTo(before.size());
    assertThat(recovered.lostOnRestart()).containsExactly(ringing);
    assertThat(recovered.interactionsKept()).isEqualTo(1);
    List<TenantEvent> afterRecovery = logOf(ACME);
    assertThat(afterRecovery.subList(0, before.size()))
        .as("the log up to the restart, unchanged")
        .isEqualTo(before);
    assertThat(afterRecovery)
        .as("recovery's own events are logged once, the replayed ones not again")
        .hasSizeGreaterThan(before.size())
        .filteredOn(InteractionEvent.Failed.class::isInstance)
        .extracting(
            event -> ((InteractionEvent.Failed) event).interaction(),
            event -> ((InteractionEvent.Failed) event).reason())
        .containsExactly(tuple(ringing, "lost-on-restart"));
    assertThat(stateOf(second, ANNA)).isEqualTo(AgentState.READY);
    assertThat(stateOf(second, wrappingUp)).isEqualTo(InteractionState.WRAP_UP);

    Server third = start();

    assertThat(logOf(ACME)).as("a second recovery emits nothing new").isEqualTo(afterRecovery);
    assertThat(stateOf(third, ringing)).as("ended, so gone").isNull();
    assertThat(stateOf(third, wrappingUp)).isEqualTo(InteractionState.WRAP_UP);
  }

  private static AgentState stateOf(Server server, AgentId agent) throws Exception {
    return ask(server, tenant -> tenant.state().agent(agent).state());
  }

  private static boolean isKnown(Server server, AgentId agent) throws Exception {
    return ask(server, tenant -> tenant.state().agent(agent) != null);
  }

  private static @Nullable InteractionState stateOf(Server server, InteractionId interaction)
      throws Exception {
    return ask(
        server,
        tenant -> {
          Interaction live = tenant.state().interaction(interaction);
          return live == null ? null : live.state();
        });
  }

  private static InteractionId call(Tenant tenant) {
    InteractionId id = tenant.arrive(null, Channel.VOICE, "+4930123456", "+4940999", Map.of());
    tenant.enqueue(id, SALES, null);
    return id;
  }

  private static ReservationId reservationOf(Tenant tenant, InteractionId interaction) {
    return tenant.state().interaction(interaction).reservations().getFirst();
  }
}
