package io.tandem.server.eventlog;

import io.tandem.core.interaction.InteractionId;
import io.tandem.core.tenant.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads parts of the event log for clients: the events after a sequence number (to resume an event
 * stream), one interaction's events (its timeline), and the interactions that arrived in a time
 * range (history). Every read is bounded by a limit.
 *
 * <p>Threading: thread-safe; blocking.
 */
public final class EventHistory {

  /** The most events or arrivals one read returns. */
  public static final int MAX_LIMIT = 1000;

  private static final String COLUMNS = "select seq, type, payload from tenant_event ";

  private final JdbcClient jdbc;
  private final EventCodec codec;

  public EventHistory(DataSource dataSource, EventCodec codec) {
    this.jdbc = JdbcClient.create(dataSource);
    this.codec = codec;
  }

  /** Up to {@code limit} events of {@code tenant} after number {@code afterSeq}, in order. */
  public List<LoggedEvent> after(TenantId tenant, long afterSeq, int limit) {
    return query(
        tenant,
        COLUMNS + "where tenant_id = ? and seq > ? order by seq fetch first ? rows only",
        tenant.value(),
        afterSeq,
        bounded(limit));
  }

  /** Every event of one interaction, in order (at most {@link #MAX_LIMIT}). */
  public List<LoggedEvent> ofInteraction(TenantId tenant, InteractionId interaction) {
    return ofInteractions(tenant, List.of(interaction));
  }

  /** Every event of these interactions, in order (at most {@link #MAX_LIMIT} per interaction). */
  public List<LoggedEvent> ofInteractions(TenantId tenant, Collection<InteractionId> interactions) {
    if (interactions.isEmpty()) {
      return List.of();
    }
    String marks = String.join(", ", interactions.stream().map(id -> "?").toList());
    Object[] parameters = new Object[interactions.size() + 2];
    parameters[0] = tenant.value();
    int i = 1;
    for (InteractionId id : interactions) {
      parameters[i++] = id.value();
    }
    parameters[i] = (long) MAX_LIMIT * interactions.size();
    return query(
        tenant,
        COLUMNS
            + "where tenant_id = ? and interaction_id in ("
            + marks
            + ") order by seq fetch first ? rows only",
        parameters);
  }

  /**
   * The arrival events of up to {@code limit} interactions that arrived in {@code [from, to)},
   * newest first, numbered below {@code beforeSeq} (for paging: pass the last one's number).
   */
  public List<LoggedEvent> arrivals(
      TenantId tenant, Instant from, Instant to, long beforeSeq, int limit) {
    return query(
        tenant,
        COLUMNS
            + "where tenant_id = ? and type = 'interaction.Arrived' and occurred_at >= ?"
            + " and occurred_at < ? and seq < ? order by seq desc fetch first ? rows only",
        tenant.value(),
        OffsetDateTime.ofInstant(from, ZoneOffset.UTC),
        OffsetDateTime.ofInstant(to, ZoneOffset.UTC),
        beforeSeq,
        bounded(limit));
  }

  /** The number of {@code tenant}'s last event; 0 if it has none. */
  public long lastSeq(TenantId tenant) {
    try {
      return jdbc.sql("select coalesce(max(seq), 0) from tenant_event where tenant_id = ?")
          .param(tenant.value())
          .query(Long.class)
          .single();
    } catch (DataAccessException e) {
      throw new EventLogException("cannot read the log of tenant " + tenant, e);
    }
  }

  private List<LoggedEvent> query(TenantId tenant, String sql, Object... parameters) {
    try {
      return jdbc.sql(sql).params(parameters).query((rs, n) -> decode(tenant, rs)).list();
    } catch (DataAccessException e) {
      throw new EventLogException(
          "cannot read the log of tenant " + tenant + ": " + e.getMessage(), e);
    }
  }

  private LoggedEvent decode(TenantId tenant, ResultSet rs) throws SQLException {
    long seq = rs.getLong(1);
    try {
      return new LoggedEvent(tenant, seq, codec.decode(rs.getString(2), rs.getString(3)));
    } catch (EventCodecException e) {
      throw new EventLogException(
          "event " + seq + " of tenant " + tenant + " does not decode: " + e.getMessage(), e);
    }
  }

  private static int bounded(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1-" + MAX_LIMIT + ", got " + limit);
    }
    return limit;
  }
}
