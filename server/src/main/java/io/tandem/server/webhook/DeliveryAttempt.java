package io.tandem.server.webhook;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One attempt to deliver one event to one webhook, as the delivery log keeps it.
 *
 * @param webhook the webhook
 * @param seq the event's position in its tenant's log
 * @param eventType the event's type name
 * @param attempt 1 for the first attempt at this event, 2 for the first retry …
 * @param at when the request was sent
 * @param statusCode the receiver's HTTP status, or {@code null} if it did not answer
 * @param error what went wrong without an answer (timeout, connection refused …), or {@code null}
 * @param duration from sending to the answer or the failure
 * @param outcome what came of it
 */
public record DeliveryAttempt(
    WebhookId webhook,
    long seq,
    String eventType,
    int attempt,
    Instant at,
    @Nullable Integer statusCode,
    @Nullable String error,
    Duration duration,
    DeliveryOutcome outcome) {}
