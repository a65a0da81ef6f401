package io.tandem.core.callback;

/**
 * A channel that places a tenant's callbacks (one per tenant, chosen by configuration). For each
 * offer it rings the agent; the agent answering is reported with {@code agentAnswered}, after which
 * it calls the customer and reports {@code customerAnswered} or {@code customerNotReached}; an
 * agent who declines is reported with {@code Tenant.declineOffer}, one who never answers is timed
 * out by the domain (RONA). Offers withdrawn or timed out, and the interaction's end, reach the
 * channel as tenant events.
 */
@FunctionalInterface
public interface CallbackDialler {

  /** Starts ringing the agent of {@code offer}. Runs on the tenant's writer: hand over, no I/O. */
  void dial(CallbackOffer offer);
}
