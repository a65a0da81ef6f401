package io.tandem.server.webhook;

import io.tandem.core.tenant.TenantId;
import io.tandem.server.eventlog.EventCodec;
import io.tandem.server.eventlog.EventHistory;
import io.tandem.server.eventlog.LoggedEvent;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one webhook's events: reads its tenant's events after the webhook's cursor from the
 * durable log, a batch at a time, and POSTs each that passes the filter, in order, one at a time,
 * moving the cursor past it once the receiver answered 2xx (at-least-once: after a crash between
 * the answer and the cursor update, the event is sent again with the same {@code webhook-id}).
 *
 * <p>A failed attempt (non-2xx, timeout, connection error) is retried after a {@link Backoff};
 * after {@code maxAttempts} failures at one event, or at once on 410 Gone, the webhook is FAILED
 * with the reason and the dispatcher idles until a user resumes it. Every attempt goes to the
 * {@link DeliveryLog}. The attempt count lives in memory: it starts again at 1 after a restart or a
 * change to the webhook.
 *
 * <p>Loop: clear the {@link Wakeup}, read the webhook (gone: exit; not active: wait for a change),
 * read a batch (empty: wait for events or a change), deliver it; a change between two events or
 * during a backoff ends the batch and the loop starts over with the webhook as stored.
 *
 * <p>Threading: {@link #run} is the body of one virtual thread; {@link #wake} and {@link #stop} may
 * be called from any thread.
 */
final class WebhookDispatcher implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

  /** What the dispatcher reads from and writes to, and how it retries. */
  record Parts(
      Webhooks webhooks,
      DeliveryLog deliveries,
      EventHistory history,
      EventCodec codec,
      WebhookSender sender,
      Backoff backoff,
      int maxAttempts,
      int batchSize) {}

  private final WebhookId id;
  private final TenantId tenant;
  private final Parts parts;
  private final Consumer<WebhookDispatcher> onExit;
  private final Wakeup wakeup = new Wakeup();
  private volatile boolean stopping;

  /**
   * @param onExit called on the dispatcher's thread when it ends (webhook deleted, or stopped)
   */
  WebhookDispatcher(
      WebhookId id, TenantId tenant, Parts parts, Consumer<WebhookDispatcher> onExit) {
    this.id = id;
    this.tenant = tenant;
    this.parts = parts;
    this.onExit = onExit;
  }

  WebhookId id() {
    return id;
  }

  TenantId tenant() {
    return tenant;
  }

  /** The tenant appended events. */
  void eventsAppended() {
    wakeup.eventsAppended();
  }

  /** The webhook changed or was deleted: read it again before the next attempt. */
  void wake() {
    wakeup.changed();
  }

  /** Asks the loop to end; an HTTP request in flight is interrupted by the caller. */
  void stop() {
    stopping = true;
    wakeup.changed();
  }

  @Override
  public void run() {
    int failedRounds = 0;
    try {
      while (!stopping) {
        try {
          if (!round()) {
            return;
          }
          failedRounds = 0;
        } catch (RuntimeException e) {
          failedRounds++;
          LOG.warn("Webhook {} of tenant {} cannot deliver: {}", id, tenant, e.toString());
          wakeup.awaitChange(parts.backoff().delay(Math.min(failedRounds, 20)));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      onExit.accept(this);
    }
  }

  /** One pass of the loop; {@code false} once the webhook is gone. */
  private boolean round() throws InterruptedException {
    wakeup.clear();
    Webhook webhook = parts.webhooks().find(id);
    if (webhook == null) {
      return false;
    }
    if (webhook.status() != WebhookStatus.ACTIVE) {
      wakeup.awaitChange();
      return true;
    }
    List<LoggedEvent> batch =
        parts.history().after(webhook.tenant(), webhook.lastSeq(), parts.batchSize());
    if (batch.isEmpty()) {
      wakeup.awaitEventsOrChange();
      return true;
    }
    deliver(webhook, batch);
    return true;
  }

  /** Delivers the batch in order, moving the cursor past each event done (delivered or skipped). */
  private void deliver(Webhook webhook, List<LoggedEvent> batch) throws InterruptedException {
    long cursor = webhook.lastSeq();
    long done = cursor;
    for (LoggedEvent event : batch) {
      String type = parts.codec().typeOf(event.event());
      if (stopping || wakeup.hasChanged()) {
        break;
      }
      if (webhook.filter().matches(type)) {
        if (!deliverOne(webhook, event, type)) {
          break;
        }
        if (!parts.webhooks().advance(id, cursor, event.seq())) {
          return;
        }
        cursor = event.seq();
      }
      done = event.seq();
    }
    if (done != cursor) {
      parts.webhooks().advance(id, cursor, done);
    }
  }

  /**
   * Sends one event until the receiver takes it, the webhook fails, or it changes.
   *
   * @return whether the receiver took it
   */
  private boolean deliverOne(Webhook webhook, LoggedEvent event, String type)
      throws InterruptedException {
    String messageId = WebhookPayload.idOf(webhook.tenant(), event.seq());
    byte[] body = WebhookPayload.of(event, parts.codec());
    for (int attempt = 1; ; attempt++) {
      WebhookSender.Result result = parts.sender().send(webhook, messageId, body);
      boolean last = !result.delivered() && (result.gone() || attempt >= parts.maxAttempts());
      DeliveryOutcome outcome =
          result.delivered()
              ? DeliveryOutcome.DELIVERED
              : last ? DeliveryOutcome.GAVE_UP : DeliveryOutcome.RETRYING;
      parts
          .deliveries()
          .record(
              new DeliveryAttempt(
                  id,
                  event.seq(),
                  type,
                  attempt,
                  result.at(),
                  result.statusCode(),
                  result.error(),
                  result.duration(),
                  outcome));
      if (outcome == DeliveryOutcome.DELIVERED) {
        return true;
      }
      if (last) {
        String reason = reasonToGiveUp(result, attempt, messageId);
        if (parts.webhooks().fail(id, reason)) {
          LOG.warn("Webhook {} of tenant {} failed: {}", id, tenant, reason);
        }
        return false;
      }
      if (wakeup.awaitChange(parts.backoff().delay(attempt))) {
        return false;
      }
    }
  }

  private static String reasonToGiveUp(
      WebhookSender.Result result, int attempts, String messageId) {
    if (result.gone()) {
      return "the receiver answered 410 Gone to event " + messageId;
    }
    return attempts
        + (attempts == 1 ? " attempt" : " attempts")
        + " at event "
        + messageId
        + " failed; the last: "
        + result.describe();
  }
}
