/**
 * Outbound webhooks: each tenant's subscriptions ({@link io.tandem.server.webhook.Webhooks}), one
 * {@link io.tandem.server.webhook.WebhookDispatcher} per subscription that POSTs the tenant's
 * events from the durable log (read through {@link io.tandem.server.eventlog.EventHistory}) in
 * order, signed per Standard Webhooks, retried with backoff, every attempt in the {@link
 * io.tandem.server.webhook.DeliveryLog}. Receivers verify requests as {@code docs/webhooks.md}
 * describes.
 *
 * <p>Threading: each dispatcher is one virtual thread ({@code webhook-<id>}) that blocks on the
 * database and on HTTP; nothing here runs on a tenant's writer except {@link
 * io.tandem.server.webhook.WebhookDispatchers#eventsAppended}, which only sets a flag and wakes the
 * tenant's dispatchers. The stores are thread-safe; changes made through the API are written to the
 * database first, then the dispatcher is told to reload.
 */
@NullMarked
package io.tandem.server.webhook;

import org.jspecify.annotations.NullMarked;
