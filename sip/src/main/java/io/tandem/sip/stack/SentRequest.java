package io.tandem.sip.stack;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A request as it went out: its bytes, method and Via branch, and what a client transaction derives
 * from it — the ACK of a non-2xx final response and the CANCEL of an INVITE (RFC 3261 §17.1.1.3,
 * §9.1: same Request-URI, top Via, From, Call-ID, CSeq number and Route).
 */
record SentRequest(
    String method,
    String requestUri,
    String via,
    String branch,
    String from,
    String to,
    String callId,
    long cseq,
    List<String> routes,
    byte[] bytes) {

  SentRequest {
    routes = List.copyOf(routes);
  }

  /** The ACK for a final response whose To (with its tag) is {@code responseTo}. */
  byte[] ackFor(String responseTo) {
    return derived("ACK", responseTo.isEmpty() ? to : responseTo);
  }

  /** The CANCEL of this INVITE, sent in a transaction of its own. */
  SentRequest cancel() {
    return new SentRequest(
        "CANCEL", requestUri, via, branch, from, to, callId, cseq, routes, derived("CANCEL", to));
  }

  private byte[] derived(String derivedMethod, String toValue) {
    StringBuilder text = new StringBuilder(384);
    text.append(derivedMethod).append(' ').append(requestUri).append(" SIP/2.0\r\n");
    text.append("Via: ").append(via).append("\r\n");
    text.append("Max-Forwards: 70\r\n");
    text.append("From: ").append(from).append("\r\n");
    text.append("To: ").append(toValue).append("\r\n");
    text.append("Call-ID: ").append(callId).append("\r\n");
    text.append("CSeq: ").append(cseq).append(' ').append(derivedMethod).append("\r\n");
    for (String route : routes) {
      text.append("Route: ").append(route).append("\r\n");
    }
    text.append("Content-Length: 0\r\n\r\n");
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }
}
