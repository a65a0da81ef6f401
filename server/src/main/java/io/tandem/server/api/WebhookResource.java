package io.tandem.server.api;

import io.tandem.server.webhook.Webhook;
import io.tandem.server.webhook.WebhookStatus;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A webhook as the API shows it.
 *
 * @param secret masked ({@code whsec_…abcd}), except in the answer to its creation
 * @param cursor every event up to this one is delivered or filtered out
 */
record WebhookResource(
    String id,
    String url,
    List<String> eventTypes,
    boolean enabled,
    String status,
    @Nullable String failureReason,
    String secret,
    long cursor,
    String createdBy,
    Instant createdAt) {

  static WebhookResource of(Webhook webhook, boolean showSecret) {
    return new WebhookResource(
        webhook.id().value(),
        webhook.url().toString(),
        webhook.filter().patterns(),
        webhook.status() == WebhookStatus.ACTIVE,
        webhook.status().name(),
        webhook.failureReason(),
        showSecret ? webhook.secret().value() : webhook.secret().masked(),
        webhook.lastSeq(),
        webhook.createdBy(),
        webhook.createdAt());
  }
}
