package io.tandem.server.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every webhook's delivery attempts, newest kept: table {@code webhook_delivery} ({@code
 * V5__webhooks.sql}). Each {@link #record} prunes the webhook's attempts beyond the newest {@code
 * size}.
 *
 * <p>Threading: thread-safe; blocking. Each webhook's attempts are recorded by its one dispatcher.
 */
public final class DeliveryLog {

  /** The longest error text stored; longer ones are cut. */
  static final int MAX_ERROR_LENGTH = 500;

  private final JdbcClient jdbc;
  private final int size;

  /**
   * @param dataSource the database, migrated
   * @param size how many attempts to keep per webhook, at least 1
   */
  public DeliveryLog(DataSource dataSource, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("the delivery log keeps at least 1 attempt, not " + size);
    }
    this.jdbc = JdbcClient.create(dataSource);
    this.size = size;
  }

  /** Stores the attempt, then forgets the webhook's attempts older than the newest {@code size}. */
  public void record(DeliveryAttempt attempt) {
    String error = attempt.error();
    if (error != null && error.length() > MAX_ERROR_LENGTH) {
      error = error.substring(0, MAX_ERROR_LENGTH);
    }
    jdbc.sql(
            "insert into webhook_delivery (webhook_id, seq, event_type, attempt, attempted_at,"
                + " status_code, error, duration_ms, outcome) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            attempt.webhook().value(),
            attempt.seq(),
            attempt.eventType(),
            attempt.attempt(),
            OffsetDateTime.ofInstant(attempt.at(), ZoneOffset.UTC),
            attempt.statusCode(),
            error,
            attempt.duration().toMillis(),
            attempt.outcome().name())
        .update();
    jdbc.sql(
            """
            delete from webhook_delivery
             where webhook_id = ?
               and id <= (select id from webhook_delivery where webhook_id = ?
                           order by id desc offset ? rows fetch next 1 rows only)
            """)
        .params(attempt.webhook().value(), attempt.webhook().value(), size)
        .update();
  }

  /** The webhook's newest {@code limit} attempts, newest first. */
  public List<DeliveryAttempt> recent(WebhookId webhook, int limit) {
    return jdbc.sql(
            """
            select webhook_id, seq, event_type, attempt, attempted_at, status_code, error,
                   duration_ms, outcome
              from webhook_delivery
             where webhook_id = ?
             order by id desc
             fetch first ? rows only
            """)
        .params(webhook.value(), limit)
        .query(DeliveryLog::row)
        .list();
  }

  private static DeliveryAttempt row(ResultSet rs, int n) throws SQLException {
    int status = rs.getInt(6);
    Integer statusCode = rs.wasNull() ? null : status;
    return new DeliveryAttempt(
        new WebhookId(rs.getString(1)),
        rs.getLong(2),
        rs.getString(3),
        rs.getInt(4),
        rs.getObject(5, OffsetDateTime.class).toInstant(),
        statusCode,
        rs.getString(7),
        Duration.ofMillis(rs.getLong(8)),
        DeliveryOutcome.valueOf(rs.getString(9)));
  }
}
