package io.tandem.server.tenant;

import io.tandem.core.tenant.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tenants this deployment serves (table {@code tenant}, {@code V2__tenant.sql}), with every row
 * also held in memory so that each API request can check its tenant without a query.
 *
 * <p>Threading: thread-safe. Writes go to the database first and to memory after they succeeded.
 */
public final class TenantDirectory {

  /** The longest display name. */
  public static final int MAX_NAME_LENGTH = 200;

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Map<TenantId, TenantRecord> tenants = new ConcurrentHashMap<>();

  public TenantDirectory(DataSource dataSource, Clock clock) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.clock = clock;
    jdbc.query(
        "select id, name, created_at from tenant",
        row -> {
          TenantRecord tenant =
              new TenantRecord(
                  new TenantId(row.getString(1)),
                  row.getString(2),
                  row.getTimestamp(3).toInstant());
          tenants.put(tenant.id(), tenant);
        });
  }

  public boolean exists(TenantId id) {
    return tenants.containsKey(id);
  }

  public @Nullable TenantRecord find(TenantId id) {
    return tenants.get(id);
  }

  /** Every tenant, by id. */
  public List<TenantRecord> all() {
    return tenants.values().stream()
        .sorted(Comparator.comparing(tenant -> tenant.id().value()))
        .toList();
  }

  /**
   * Creates the tenant, or renames it if it exists.
   *
   * @return {@code true} if it was created
   */
  public synchronized boolean save(TenantId id, String name) {
    requireValidName(name);
    TenantRecord existing = tenants.get(id);
    if (existing != null) {
      jdbc.update("update tenant set name = ? where id = ?", name, id.value());
      tenants.put(id, new TenantRecord(id, name, existing.createdAt()));
      return false;
    }
    Instant now = clock.instant();
    jdbc.update(
        "insert into tenant (id, name, created_at) values (?, ?, ?)",
        id.value(),
        name,
        Timestamp.from(now));
    tenants.put(id, new TenantRecord(id, name, now));
    return true;
  }

  /** Deletes the tenant (delete its event log first: a crash in between leaves an empty tenant). */
  public synchronized void delete(TenantId id) {
    jdbc.update("delete from tenant where id = ?", id.value());
    tenants.remove(id);
  }

  /** Throws {@link IllegalArgumentException} unless {@code name} is a valid display name. */
  public static void requireValidName(String name) {
    if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "a tenant name must be 1-" + MAX_NAME_LENGTH + " characters and not blank");
    }
  }
}
