package io.tandem.emulator.directrouting.sip;

import javax.sip.ClientTransaction;
import javax.sip.message.Request;

/** A request the emulator sent and whose transaction may still be cancelled. */
public final class ClientRequest {

  private final SipNode node;
  private final ClientTransaction transaction;
  private final ListenPoint from;

  ClientRequest(SipNode node, ClientTransaction transaction, ListenPoint from) {
    this.node = node;
    this.transaction = transaction;
    this.from = from;
  }

  /**
   * Sends CANCEL for a pending INVITE (RFC 3261 §9.1) with {@code extra} headers (a Reason, RFC
   * 3326); ignored once the INVITE completed.
   */
  public void cancel(SipHeader... extra) {
    try {
      Request cancel = transaction.createCancel();
      for (SipHeader header : extra) {
        for (javax.sip.header.Header parsed : node.parseHeader(header)) {
          cancel.addHeader(parsed);
        }
      }
      node.sendWithTransaction(cancel, from, response -> {});
    } catch (Exception tooLate) {
      // the INVITE already got its final response: nothing left to cancel
    }
  }

  public String callId() {
    return transaction.getRequest().getHeader("Call-ID").toString().split(":", 2)[1].trim();
  }
}
