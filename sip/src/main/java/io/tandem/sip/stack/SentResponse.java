package io.tandem.sip.stack;

/**
 * A response Tandem sent, kept so a 2xx to INVITE can be retransmitted until its ACK arrives (RFC
 * 3261 §13.3.1.4: the transaction user, not the transaction, does that).
 */
public interface SentResponse {

  /** A response that was never sent: retransmitting it does nothing. */
  SentResponse NONE = () -> {};

  /** Sends the same response again, statelessly. */
  void retransmit();
}
