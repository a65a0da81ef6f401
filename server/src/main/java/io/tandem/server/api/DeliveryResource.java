package io.tandem.server.api;

import io.tandem.core.tenant.TenantId;
import io.tandem.server.webhook.DeliveryAttempt;
import io.tandem.server.webhook.WebhookPayload;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One delivery attempt as the API shows it. */
record DeliveryResource(
    long seq,
    String eventId,
    String type,
    int attempt,
    Instant at,
    @Nullable Integer statusCode,
    @Nullable String error,
    long durationMs,
    String outcome) {

  static DeliveryResource of(TenantId tenant, DeliveryAttempt attempt) {
    return new DeliveryResource(
        attempt.seq(),
        WebhookPayload.idOf(tenant, attempt.seq()),
        attempt.eventType(),
        attempt.attempt(),
        attempt.at(),
        attempt.statusCode(),
        attempt.error(),
        attempt.duration().toMillis(),
        attempt.outcome().name());
  }
}
