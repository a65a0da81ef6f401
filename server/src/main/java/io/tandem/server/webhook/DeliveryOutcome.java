package io.tandem.server.webhook;

/** What came of one delivery attempt. */
public enum DeliveryOutcome {
  /** The receiver answered 2xx; the cursor moved past the event. */
  DELIVERED,
  /** The attempt failed; the event will be tried again after a backoff. */
  RETRYING,
  /** The attempt failed and was the last: the webhook is now {@link WebhookStatus#FAILED}. */
  GAVE_UP
}
