package io.tandem.server.eventlog;

import io.tandem.core.event.TenantEvent;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.tenant.TenantId;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event log in the {@code tenant_event} table (migration {@code V1__event_log.sql}), through
 * plain JDBC; the same SQL runs on H2 and PostgreSQL.
 *
 * <p>Each tenant's last sequence number is read from the table on its first append and then kept in
 * memory, which is correct because one writer appends per tenant. The database holds the line
 * anyway: an insert succeeds only if its sequence number is the tenant's current maximum plus one
 * (a second writer, a gap or a stale number is refused), and the primary key {@code (tenant_id,
 * seq)} refuses two concurrent inserts of the same number. After any failed append the remembered
 * number is dropped and read again on the next append.
 *
 * <p>Threading: thread-safe; blocking (call it from a virtual thread, such as a tenant's mailbox).
 */
public final class JdbcEventLog implements EventLog {

  private static final String INSERT_NEXT =
      """
      insert into tenant_event (tenant_id, seq, type, occurred_at, payload, interaction_id)
      select ?, ?, ?, ?, ?, ?
        from (select coalesce(max(seq), 0) as last_seq
                from tenant_event where tenant_id = ?) last_event
       where last_event.last_seq + 1 = ?
      """;
  private static final String LAST_SEQ =
      "select coalesce(max(seq), 0) from tenant_event where tenant_id = ?";
  private static final String READ =
      "select seq, type, payload from tenant_event where tenant_id = ? order by seq";
  private static final String TENANTS =
      "select distinct tenant_id from tenant_event order by tenant_id";

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final EventCodec codec;
  private final Map<TenantId, Long> lastSeq = new ConcurrentHashMap<>();

  /** An event log in {@code dataSource}, whose schema Flyway has migrated. */
  public JdbcEventLog(DataSource dataSource, EventCodec codec) {
    this.jdbc = JdbcClient.create(dataSource);
    this.transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
    this.codec = codec;
  }

  @Override
  public long append(TenantId tenant, TenantEvent event) {
    Row row = encode(event);
    long seq = lastSeq(tenant) + 1;
    insertOrForget(tenant, () -> insert(tenant, seq, row));
    lastSeq.put(tenant, seq);
    return seq;
  }

  @Override
  public void appendAll(TenantId tenant, List<? extends TenantEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    List<Row> rows = events.stream().map(this::encode).toList();
    long first = lastSeq(tenant) + 1;
    insertOrForget(
        tenant,
        () ->
            transactions.executeWithoutResult(
                status -> {
                  for (int i = 0; i < rows.size(); i++) {
                    insert(tenant, first + i, rows.get(i));
                  }
                }));
    lastSeq.put(tenant, first + rows.size() - 1);
  }

  @Override
  public List<TenantEvent> read(TenantId tenant) {
    List<TenantEvent> events = new ArrayList<>();
    try {
      jdbc.sql(READ)
          .param(tenant.value())
          .query(
              rs -> {
                long seq = rs.getLong(1);
                if (seq != events.size() + 1) {
                  throw new EventLogException(
                      "log of tenant "
                          + tenant
                          + " has a gap: expected event "
                          + (events.size() + 1)
                          + ", found "
                          + seq);
                }
                String type = rs.getString(2);
                try {
                  events.add(codec.decode(type, rs.getString(3)));
                } catch (EventCodecException e) {
                  throw new EventLogException(
                      "event "
                          + seq
                          + " of tenant "
                          + tenant
                          + " does not decode: "
                          + e.getMessage(),
                      e);
                }
              });
    } catch (DataAccessException e) {
      throw new EventLogException(
          "cannot read the log of tenant " + tenant + ": " + e.getMessage(), e);
    }
    return events;
  }

  @Override
  public Set<TenantId> tenants() {
    try {
      return new LinkedHashSet<>(
          jdbc.sql(TENANTS).query((rs, n) -> new TenantId(rs.getString(1))).list());
    } catch (DataAccessException e) {
      throw new EventLogException("cannot list the tenants of the log: " + e.getMessage(), e);
    }
  }

  @Override
  public void delete(TenantId tenant) {
    try {
      jdbc.sql("delete from tenant_event where tenant_id = ?").param(tenant.value()).update();
    } catch (DataAccessException e) {
      throw new EventLogException(
          "cannot delete the log of tenant " + tenant + ": " + e.getMessage(), e);
    } finally {
      lastSeq.remove(tenant);
    }
  }

  /** An event ready to store: its type, instant, payload and the interaction it is about. */
  private record Row(
      String type, OffsetDateTime at, String payload, @Nullable String interaction) {}

  private Row encode(TenantEvent event) {
    return new Row(
        codec.typeOf(event),
        OffsetDateTime.ofInstant(event.at(), ZoneOffset.UTC),
        codec.encode(event),
        event instanceof InteractionEvent about ? about.interaction().value() : null);
  }

  private long lastSeq(TenantId tenant) {
    Long known = lastSeq.get(tenant);
    if (known != null) {
      return known;
    }
    try {
      Long stored = jdbc.sql(LAST_SEQ).param(tenant.value()).query(Long.class).single();
      return stored;
    } catch (DataAccessException e) {
      throw new EventLogException(
          "cannot read the last event of tenant " + tenant + ": " + e.getMessage(), e);
    }
  }

  private void insert(TenantId tenant, long seq, Row row) {
    int inserted =
        jdbc.sql(INSERT_NEXT)
            .params(
                tenant.value(),
                seq,
                row.type(),
                row.at(),
                row.payload(),
                row.interaction(),
                tenant.value(),
                seq)
            .update();
    if (inserted != 1) {
      throw new EventLogException(
          "event "
              + seq
              + " of tenant "
              + tenant
              + " ("
              + row.type()
              + ") is not the next in the log: another writer appended to the tenant");
    }
  }

  /** Runs {@code insert}; if it fails, forgets the tenant's last sequence number and throws. */
  private void insertOrForget(TenantId tenant, Runnable insert) {
    try {
      insert.run();
    } catch (EventLogException e) {
      lastSeq.remove(tenant);
      throw e;
    } catch (DuplicateKeyException e) {
      lastSeq.remove(tenant);
      throw new EventLogException(
          "an event with the same sequence number of tenant "
              + tenant
              + " was appended concurrently: another writer appended to the tenant",
          e);
    } catch (DataAccessException e) {
      lastSeq.remove(tenant);
      throw new EventLogException(
          "cannot append to the log of tenant " + tenant + ": " + e.getMessage(), e);
    }
  }
}
