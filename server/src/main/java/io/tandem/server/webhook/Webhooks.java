package io.tandem.server.webhook;

import io.tandem.core.tenant.TenantId;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every tenant's webhooks, in the {@code webhook} table ({@code V5__webhooks.sql}); the same SQL
 * runs on H2 and PostgreSQL.
 *
 * <p>Users change a webhook's settings ({@link #update}), the dispatcher its cursor ({@link
 * #advance}) and its failure ({@link #fail}); each statement touches only its own columns, and the
 * dispatcher's are conditional (the cursor where it was, the status {@code ACTIVE}), so neither
 * overwrites the other.
 *
 * <p>Threading: thread-safe; blocking.
 */
public final class Webhooks {

  /** The longest failure reason stored; longer ones are cut. */
  static final int MAX_REASON_LENGTH = 500;

  private static final String COLUMNS =
      "id, tenant_id, url, secret, event_types, status, failure_reason, last_seq, created_by,"
          + " created_at";

  private final JdbcClient jdbc;

  public Webhooks(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  public void create(Webhook webhook) {
    jdbc.sql("insert into webhook (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            webhook.id().value(),
            webhook.tenant().value(),
            webhook.url().toString(),
            webhook.secret().value(),
            String.join(",", webhook.filter().patterns()),
            webhook.status().name(),
            webhook.failureReason(),
            webhook.lastSeq(),
            webhook.createdBy(),
            OffsetDateTime.ofInstant(webhook.createdAt(), ZoneOffset.UTC))
        .update();
  }

  /** The webhook with this id, of any tenant, or {@code null}. */
  public @Nullable Webhook find(WebhookId id) {
    return jdbc.sql("select " + COLUMNS + " from webhook where id = ?")
        .param(id.value())
        .query(Webhooks::row)
        .optional()
        .orElse(null);
  }

  /** The webhook with this id if it is {@code tenant}'s, or {@code null}. */
  public @Nullable Webhook find(TenantId tenant, WebhookId id) {
    Webhook webhook = find(id);
    return webhook != null && webhook.tenant().equals(tenant) ? webhook : null;
  }

  /** The tenant's webhooks, oldest first. */
  public List<Webhook> of(TenantId tenant) {
    return jdbc.sql(
            "select " + COLUMNS + " from webhook where tenant_id = ? order by created_at, id")
        .param(tenant.value())
        .query(Webhooks::row)
        .list();
  }

  /** Every webhook of every tenant. */
  public List<Webhook> all() {
    return jdbc.sql("select " + COLUMNS + " from webhook order by id").query(Webhooks::row).list();
  }

  /**
   * Stores a user's settings of the webhook: URL, secret, filter, status and failure reason (not
   * the cursor).
   *
   * @return {@code false} if the webhook no longer exists
   */
  public boolean update(Webhook webhook) {
    return jdbc.sql(
                "update webhook set url = ?, secret = ?, event_types = ?, status = ?,"
                    + " failure_reason = ? where id = ? and tenant_id = ?")
            .params(
                webhook.url().toString(),
                webhook.secret().value(),
                String.join(",", webhook.filter().patterns()),
                webhook.status().name(),
                webhook.failureReason(),
                webhook.id().value(),
                webhook.tenant().value())
            .update()
        == 1;
  }

  /** Deletes the webhook and its delivery log; {@code false} if the tenant has no such webhook. */
  public boolean delete(TenantId tenant, WebhookId id) {
    return jdbc.sql("delete from webhook where id = ? and tenant_id = ?")
            .params(id.value(), tenant.value())
            .update()
        == 1;
  }

  /**
   * Moves the cursor from {@code from} to {@code to}.
   *
   * @return {@code false} if the cursor was no longer at {@code from} (a user moved it) or the
   *     webhook is gone
   */
  public boolean advance(WebhookId id, long from, long to) {
    return jdbc.sql("update webhook set last_seq = ? where id = ? and last_seq = ?")
            .params(to, id.value(), from)
            .update()
        == 1;
  }

  /**
   * Sets the cursor to {@code lastSeq}, whatever it was: events after it are delivered (again).
   *
   * @return {@code false} if the tenant has no such webhook
   */
  public boolean rewind(TenantId tenant, WebhookId id, long lastSeq) {
    return jdbc.sql("update webhook set last_seq = ? where id = ? and tenant_id = ?")
            .params(lastSeq, id.value(), tenant.value())
            .update()
        == 1;
  }

  /**
   * Marks an {@link WebhookStatus#ACTIVE} webhook {@link WebhookStatus#FAILED} with the reason.
   *
   * @return {@code false} if it was not active any more (a user paused it) or is gone
   */
  public boolean fail(WebhookId id, String reason) {
    String cut =
        reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH);
    return jdbc.sql("update webhook set status = ?, failure_reason = ? where id = ? and status = ?")
            .params(
                WebhookStatus.ACTIVE.fail().name(), cut, id.value(), WebhookStatus.ACTIVE.name())
            .update()
        == 1;
  }

  private static Webhook row(ResultSet rs, int n) throws SQLException {
    return new Webhook(
        new WebhookId(rs.getString(1)),
        new TenantId(rs.getString(2)),
        new WebhookUrl(URI.create(rs.getString(3))),
        new WebhookSecret(rs.getString(4)),
        new EventTypeFilter(Arrays.asList(rs.getString(5).split(","))),
        WebhookStatus.valueOf(rs.getString(6)),
        rs.getString(7),
        rs.getLong(8),
        rs.getString(9),
        rs.getObject(10, OffsetDateTime.class).toInstant());
  }
}
