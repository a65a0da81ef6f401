package io.tandem.sip.b2bua;

import io.tandem.sip.stack.InboundRequest;
import io.tandem.sip.stack.InboundResponse;

/** A leg the node holds under its Call-ID: gets the in-dialog requests and stray responses. */
interface SipLeg {

  void onRequest(InboundRequest request);

  /** A 2xx retransmission (ACKed again) or a late response. */
  void onStrayResponse(InboundResponse response);
}
