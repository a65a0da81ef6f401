package io.tandem.server.webhook;

import io.tandem.core.tenant.TenantId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's subscription to its own events: where they go, signed with which secret, which types,
 * whether it delivers, and how far it got.
 *
 * @param id the webhook
 * @param tenant whose events it delivers
 * @param url where it POSTs them
 * @param secret the signing key
 * @param filter which event types it delivers
 * @param status whether it delivers
 * @param failureReason why it gave up, while {@link WebhookStatus#FAILED}; otherwise {@code null}
 * @param lastSeq the cursor: every event of the tenant up to this one is delivered (or filtered
 *     out)
 * @param createdBy the principal who created it
 * @param createdAt when
 */
public record Webhook(
    WebhookId id,
    TenantId tenant,
    WebhookUrl url,
    WebhookSecret secret,
    EventTypeFilter filter,
    WebhookStatus status,
    @Nullable String failureReason,
    long lastSeq,
    String createdBy,
    Instant createdAt) {

  public Webhook {
    if (lastSeq < 0) {
      throw new IllegalArgumentException("a webhook's cursor is not negative: " + lastSeq);
    }
    if ((status == WebhookStatus.FAILED) != (failureReason != null)) {
      throw new IllegalArgumentException("a webhook has a failure reason exactly when it FAILED");
    }
  }

  /** This webhook with new settings from a user: URL, secret, filter and status. */
  public Webhook reconfigured(
      WebhookUrl url, WebhookSecret secret, EventTypeFilter filter, WebhookStatus status) {
    return new Webhook(
        id,
        tenant,
        url,
        secret,
        filter,
        status,
        status == WebhookStatus.FAILED ? failureReason : null,
        lastSeq,
        createdBy,
        createdAt);
  }
}
