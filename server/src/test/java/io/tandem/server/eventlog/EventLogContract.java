package io.tandem.server.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.agent.AgentEvent;
import io.tandem.core.agent.AgentId;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.interaction.Channel;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.tenant.TenantId;
import io.tandem.server.testing.DataSourceFailingInserts;
import io.tandem.server.testing.Migrations;
import io.tandem.server.testing.TestDatabase;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every database the server supports must do with the event log; one subclass per database
 * (H2, PostgreSQL) runs the same tests, migrations included.
 */
abstract class EventLogContract {

  static final TenantId ACME = new TenantId("acme");
  static final TenantId GLOBEX = new TenantId("globex");

  private final EventCodec codec = new EventCodec();
  private TestDatabase database;
  private EventLog log;

  /** A new, empty database. */
  abstract TestDatabase newDatabase();

  @BeforeEach
  void migrateAnEmptyDatabase() {
    database = newDatabase();
    Migrations.migrate(database.dataSource());
    log = new JdbcEventLog(database.dataSource(), codec);
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }

  // --- migrations ------------------------------------------------------------------------------

  @Test
  void migrations_runOnAnEmptyDatabase_andAgainChangeNothing() {
    try (TestDatabase fresh = newDatabase()) {
      MigrateResult first = Migrations.migrate(fresh.dataSource());
      MigrateResult second = Migrations.migrate(fresh.dataSource());

      assertThat(first.migrationsExecuted).isEqualTo(5);
      assertThat(first.targetSchemaVersion).isEqualTo("7");
      assertThat(second.migrationsExecuted).isZero();
      Flyway.configure().dataSource(fresh.dataSource()).load().validate();
    }
  }

  @Test
  void tenantMigration_registersTheTenantsThatHaveEvents() {
    try (TestDatabase old = newDatabase()) {
      Migrations.migrateTo(old.dataSource(), "1");
      JdbcClient jdbc = JdbcClient.create(old.dataSource());
      for (String tenant : List.of("acme", "acme", "globex")) {
        jdbc.sql(
                "insert into tenant_event (tenant_id, seq, type, occurred_at, payload)"
                    + " values (?, (select count(*) + 1 from tenant_event where tenant_id = ?),"
                    + " 'agent.Removed', current_timestamp, '{}')")
            .params(tenant, tenant)
            .update();
      }

      Migrations.migrate(old.dataSource());

      assertThat(jdbc.sql("select id from tenant order by id").query(String.class).list())
          .containsExactly("acme", "globex");
    }
  }

  @Test
  void table_storesTheInstantWithItsZone_andRecordsWhenItWasStored() {
    Instant at = Instant.parse("2026-03-02T09:15:30.123456Z");
    log.append(ACME, new AgentEvent.LoggedIn(new AgentId("anna"), at));

    Map<String, Object> row =
        jdbc()
            .sql("select occurred_at, recorded_at, type from tenant_event where tenant_id = ?")
            .param("acme")
            .query(
                (rs, n) -> {
                  Map<String, Object> columns = new LinkedHashMap<>();
                  columns.put("occurred_at", rs.getObject(1, OffsetDateTime.class));
                  columns.put("recorded_at", rs.getObject(2, OffsetDateTime.class));
                  columns.put("type", rs.getString(3));
                  return columns;
                })
            .single();

    assertThat(((OffsetDateTime) row.get("occurred_at")).toInstant()).isEqualTo(at);
    assertThat(row.get("recorded_at")).isNotNull();
    assertThat(row.get("type")).isEqualTo("agent.LoggedIn");
  }

  // --- append and read -------------------------------------------------------------------------

  @Test
  void append_numbersEachTenantsEventsFromOne() {
    assertThat(log.append(ACME, loggedIn("anna"))).isEqualTo(1);
    assertThat(log.append(ACME, loggedIn("ben"))).isEqualTo(2);
    assertThat(log.append(ACME, loggedIn("cleo"))).isEqualTo(3);
  }

  @Test
  void read_returnsEveryEventTypeInAppendOrder() {
    List<TenantEvent> events = new ArrayList<>(EventSamples.all());
    events.addAll(EventSamples.variants());
    events.forEach(event -> log.append(ACME, event));

    assertThat(log.read(ACME)).containsExactlyElementsOf(events);
  }

  @Test
  void read_ofAnUnknownTenant_isEmpty() {
    assertThat(log.read(ACME)).isEmpty();
    assertThat(log.tenants()).isEmpty();
  }

  @Test
  void tenants_areIsolated_eachWithItsOwnNumbering() {
    assertThat(log.append(ACME, loggedIn("anna"))).isEqualTo(1);
    assertThat(log.append(GLOBEX, loggedIn("zoe"))).isEqualTo(1);
    assertThat(log.append(ACME, loggedIn("ben"))).isEqualTo(2);

    assertThat(log.read(ACME)).containsExactly(loggedIn("anna"), loggedIn("ben"));
    assertThat(log.read(GLOBEX)).containsExactly(loggedIn("zoe"));
    assertThat(log.tenants()).containsExactly(ACME, GLOBEX);
  }

  @Test
  void appendAll_appendsInOrder_continuingTheNumbering() {
    log.append(ACME, loggedIn("anna"));

    log.appendAll(ACME, List.of(loggedIn("ben"), loggedIn("cleo")));

    assertThat(log.read(ACME)).containsExactly(loggedIn("anna"), loggedIn("ben"), loggedIn("cleo"));
    assertThat(log.append(ACME, loggedIn("dan"))).isEqualTo(4);
  }

  @Test
  void appendAll_whenOneInsertFails_storesNone_andTheNextAppendContinuesAfterTheLast() {
    EventLog failingThird =
        new JdbcEventLog(new DataSourceFailingInserts(database.dataSource(), Set.of(3)), codec);
    failingThird.append(ACME, loggedIn("anna"));

    assertThatThrownBy(
            () ->
                failingThird.appendAll(
                    ACME, List.of(loggedIn("ben"), loggedIn("cleo"), loggedIn("dan"))))
        .isInstanceOf(EventLogException.class)
        .hasMessageContaining("injected failure");

    assertThat(log.read(ACME)).containsExactly(loggedIn("anna"));
    assertThat(failingThird.append(ACME, loggedIn("eve"))).isEqualTo(2);
  }

  @Test
  void largePayload_isStoredWhole() {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int i = 0; i < 64; i++) {
      attributes.put("transcript-" + i, ("Grüße ✓ \"line\" " + i + "\n").repeat(1_000));
    }
    TenantEvent large =
        new InteractionEvent.Arrived(
            new InteractionId("c1"), Channel.VOICE, "+4930123", "+4940999", attributes, 1, at());
    assertThat(codec.encode(large).length()).isGreaterThan(2_000_000);

    log.append(ACME, large);

    assertThat(log.read(ACME)).containsExactly(large);
  }

  // --- ordering is enforced by the database ----------------------------------------------------

  @Test
  void primaryKey_rejectsADuplicateSequenceNumber() {
    log.append(ACME, loggedIn("anna"));

    assertThatThrownBy(() -> insertRow(ACME, 1, loggedIn("ben")))
        .isInstanceOf(DataAccessException.class);
    assertThat(log.read(ACME)).containsExactly(loggedIn("anna"));
  }

  @Test
  void secondWriter_isRefused_andTheFirstContinuesAfterWhatTheSecondAppended() {
    EventLog first = log;
    EventLog second = new JdbcEventLog(database.dataSource(), codec);
    first.append(ACME, loggedIn("anna"));
    second.append(ACME, loggedIn("ben"));

    assertThatThrownBy(() -> first.append(ACME, loggedIn("cleo")))
        .isInstanceOf(EventLogException.class)
        .hasMessageContaining("event 2 of tenant acme")
        .hasMessageContaining("another writer");
    assertThat(first.append(ACME, loggedIn("dan"))).isEqualTo(3);
    assertThat(log.read(ACME)).containsExactly(loggedIn("anna"), loggedIn("ben"), loggedIn("dan"));
  }

  @Test
  void read_ofALogWithAGap_fails() {
    log.append(ACME, loggedIn("anna"));
    insertRow(ACME, 3, loggedIn("cleo"));

    assertThatThrownBy(() -> log.read(ACME))
        .isInstanceOf(EventLogException.class)
        .hasMessageContaining("log of tenant acme has a gap: expected event 2, found 3");
  }

  @Test
  void read_ofAnEventThatNoLongerDecodes_failsNamingItsNumberAndType() {
    log.append(ACME, loggedIn("anna"));
    jdbc()
        .sql(
            "insert into tenant_event (tenant_id, seq, type, occurred_at, payload)"
                + " values ('acme', 2, 'agent.LoggedIn', ?, '{\"agent\":\"ben\"}')")
        .param(OffsetDateTime.ofInstant(at(), ZoneOffset.UTC))
        .update();

    assertThatThrownBy(() -> log.read(ACME))
        .isInstanceOf(EventLogException.class)
        .hasMessageContaining("event 2 of tenant acme does not decode")
        .hasMessageContaining("cannot decode agent.LoggedIn: field 'at': missing");
  }

  // --- durability and concurrency --------------------------------------------------------------

  @Test
  void events_surviveARestartOfTheDatabase_andNumberingContinues() {
    log.append(ACME, loggedIn("anna"));
    log.appendAll(ACME, List.of(loggedIn("ben"), loggedIn("cleo")));
    log.append(GLOBEX, loggedIn("zoe"));

    database.restart();
    EventLog reopened = new JdbcEventLog(database.dataSource(), codec);

    assertThat(reopened.tenants()).containsExactly(ACME, GLOBEX);
    assertThat(reopened.read(ACME))
        .containsExactly(loggedIn("anna"), loggedIn("ben"), loggedIn("cleo"));
    assertThat(reopened.append(ACME, loggedIn("dan"))).isEqualTo(4);
  }

  @Test
  void tenants_appendConcurrently_eachInItsOwnOrder() throws Exception {
    int tenants = 6;
    int events = 40;
    List<Future<?>> writers = new ArrayList<>();
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int t = 0; t < tenants; t++) {
        TenantId tenant = new TenantId("tenant-" + t);
        writers.add(
            executor.submit(
                () -> {
                  for (int e = 1; e <= events; e++) {
                    assertThat(log.append(tenant, loggedIn("agent-" + e))).isEqualTo(e);
                  }
                }));
      }
      for (Future<?> writer : writers) {
        writer.get(2, TimeUnit.MINUTES);
      }
    }

    assertThat(log.tenants()).hasSize(tenants);
    for (int t = 0; t < tenants; t++) {
      List<TenantEvent> read = log.read(new TenantId("tenant-" + t));
      assertThat(read).hasSize(events);
      assertThat(read.get(events - 1)).isEqualTo(loggedIn("agent-" + events));
    }
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static Instant at() {
    return EventSamples.AT;
  }

  private static TenantEvent loggedIn(String agent) {
    return new AgentEvent.LoggedIn(new AgentId(agent), at());
  }

  private JdbcClient jdbc() {
    return JdbcClient.create(database.dataSource());
  }

  private void insertRow(TenantId tenant, long seq, TenantEvent event) {
    jdbc()
        .sql(
            "insert into tenant_event (tenant_id, seq, type, occurred_at, payload)"
                + " values (?, ?, ?, ?, ?)")
        .params(
            tenant.value(),
            seq,
            codec.typeOf(event),
            OffsetDateTime.ofInstant(event.at(), ZoneOffset.UTC),
            codec.encode(event))
        .update();
  }

  // --- reads for clients (EventHistory) ------------------------------------------------------

  private static InteractionEvent.Arrived arrival(String id, Instant at) {
    return new InteractionEvent.Arrived(
        new InteractionId(id), Channel.VOICE, "+4930111", "+4930222", Map.of(), 1, at);
  }

  private static InteractionEvent.Queued queued(String id, Instant at) {
    return new InteractionEvent.Queued(new InteractionId(id), EventSamples.BILLING, null, null, at);
  }

  @Test
  void history_readsAfterASeq_anInteractionsTimeline_andArrivalsInARange() {
    Instant nine = Instant.parse("2026-03-02T09:00:00Z");
    log.append(ACME, new AgentEvent.Configured(EventSamples.anna(), nine));
    log.append(ACME, arrival("c1", nine.plusSeconds(60)));
    log.append(ACME, arrival("c2", nine.plusSeconds(120)));
    log.append(ACME, queued("c1", nine.plusSeconds(130)));
    log.append(ACME, queued("c2", nine.plusSeconds(140)));
    log.append(ACME, arrival("c3", nine.plusSeconds(3600)));
    log.append(GLOBEX, arrival("c1", nine.plusSeconds(60)));
    EventHistory history = new EventHistory(database.dataSource(), codec);

    assertThat(history.after(ACME, 3, 2)).extracting(LoggedEvent::seq).containsExactly(4L, 5L);
    assertThat(history.ofInteraction(ACME, new InteractionId("c1")))
        .extracting(LoggedEvent::seq)
        .containsExactly(2L, 4L);
    assertThat(
            history.arrivals(ACME, nine, nine.plusSeconds(3600), Long.MAX_VALUE, 10).stream()
                .map(e -> ((InteractionEvent) e.event()).interaction().value()))
        .containsExactly("c2", "c1");
    assertThat(history.arrivals(ACME, nine, nine.plusSeconds(7200), 3, 10))
        .extracting(LoggedEvent::seq)
        .containsExactly(2L);
    assertThat(history.lastSeq(ACME)).isEqualTo(6);
    assertThat(history.lastSeq(new TenantId("nobody"))).isZero();
  }

  @Test
  void interactionMigration_indexesTheEventsAlreadyStored() {
    try (TestDatabase old = newDatabase()) {
      Migrations.migrateTo(old.dataSource(), "2");
      JdbcClient jdbc = JdbcClient.create(old.dataSource());
      Instant nine = Instant.parse("2026-03-02T09:00:00Z");
      List<TenantEvent> events =
          List.of(
              new AgentEvent.Configured(EventSamples.anna(), nine),
              arrival("c1", nine),
              queued("c1", nine));
      for (int i = 0; i < events.size(); i++) {
        jdbc.sql(
                "insert into tenant_event (tenant_id, seq, type, occurred_at, payload)"
                    + " values ('acme', ?, ?, current_timestamp, ?)")
            .params(i + 1, codec.typeOf(events.get(i)), codec.encode(events.get(i)))
            .update();
      }

      Migrations.migrate(old.dataSource());

      assertThat(
              new EventHistory(old.dataSource(), codec)
                  .ofInteraction(ACME, new InteractionId("c1")))
          .extracting(LoggedEvent::seq)
          .containsExactly(2L, 3L);
    }
  }

  @Test
  void delete_removesTheTenantsLog_andItStartsAgainAtOne() {
    log.append(ACME, EventSamples.all().get(0));
    log.append(ACME, EventSamples.all().get(1));

    log.delete(ACME);

    assertThat(log.read(ACME)).isEmpty();
    assertThat(log.append(ACME, EventSamples.all().get(0))).isEqualTo(1);
  }
}
