package io.tandem.sip.stack;

/** Receives the requests of an endpoint, on the Call-ID's lane. */
@FunctionalInterface
public interface RequestHandler {

  /** Handles {@code request}; an exception is logged and answered with 500 if unanswered. */
  void onRequest(InboundRequest request);

  /**
   * A response no client transaction waits for: a retransmitted 2xx to an INVITE (to be ACKed
   * again) or a late answer after a transaction ended. Ignored by default.
   */
  default void onStrayResponse(String callId, InboundResponse response) {}
}
