package io.tandem.emulator.directrouting.sip;

import javax.sip.message.Response;

/**
 * A final response the emulator sent to a request, kept so that the transaction user can pass the
 * very same message to the transport again: a UAS core retransmits its 2xx to an INVITE until the
 * ACK arrives (RFC 3261 §13.3.1.4), which JAIN-SIP's INVITE server transaction does not do once it
 * has sent the 2xx. Retransmissions go statelessly to the address the request came from (its top
 * Via with {@code received}/{@code rport}), and are journalled like the first.
 */
public final class SentResponse {

  private final SipNode node;
  private final Response response;
  private final ListenPoint listenPoint;
  private final String callId;

  SentResponse(SipNode node, Response response, ListenPoint listenPoint, String callId) {
    this.node = node;
    this.response = response;
    this.listenPoint = listenPoint;
    this.callId = callId;
  }

  /** Passes the response to the transport again; a failure is journalled as sip.sendFailed. */
  public void retransmit() {
    try {
      node.sendResponse((Response) response.clone(), null, listenPoint);
    } catch (Exception failed) {
      node.sendFailed(callId, "retransmitted " + response.getStatusCode(), failed);
    }
  }

  public int status() {
    return response.getStatusCode();
  }
}
