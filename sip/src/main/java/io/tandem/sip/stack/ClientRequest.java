package io.tandem.sip.stack;

/**
 * A request sent in a client transaction, which can be cancelled while only provisionally answered.
 */
public interface ClientRequest {

  /** A request that was never sent. */
  ClientRequest NONE = () -> {};

  /**
   * Sends CANCEL for this INVITE (RFC 3261 §9.1): the INVITE then ends with 487. Does nothing once
   * a final response came or when the request is not an INVITE.
   */
  void cancel();
}
