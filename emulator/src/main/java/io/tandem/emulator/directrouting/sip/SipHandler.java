package io.tandem.emulator.directrouting.sip;

/**
 * Hears the requests a {@link SipNode} receives. Called on the request's Call-ID serial executor (a
 * virtual thread), never on a JAIN-SIP listener thread; may block briefly.
 */
public interface SipHandler {

  void onRequest(IncomingRequest request);
}
