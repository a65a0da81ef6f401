package io.tandem.emulator.directrouting;

import io.tandem.emulator.directrouting.sip.IncomingResponse;
import io.tandem.emulator.directrouting.sip.ListenPoint;
import io.tandem.emulator.directrouting.sip.OutgoingRequest;

/**
 * The INVITEs of a Teams → SBC call and the dialog an answer forms. The Request-URI is {@code
 * sip:+E164@<gateway fqdn>:<sipSignalingPort>;user=phone;transport=…}, From the caller's number at
 * the proxy FQDN, To the number at the SBC, Contact and Record-Route the proxy FQDN; Teams offers
 * the session timer; the plan adds its own headers (P-Asserted-Identity, History-Info …).
 */
final class OutboundRequests {

  private final CallServices services;
  private final ListenPoint from;
  private final String callId;
  private final String localTag;
  private final OutboundPlan plan;

  OutboundRequests(
      CallServices services, ListenPoint from, String callId, String localTag, OutboundPlan plan) {
    this.services = services;
    this.from = from;
    this.callId = callId;
    this.localTag = localTag;
    this.plan = plan;
  }

  OutgoingRequest invite(OutboundTrunk trunk, long cseq, byte[] sdp) {
    String transport = from.transport().token();
    String requestUri =
        "sip:"
            + plan.toNumber()
            + "@"
            + trunk.fqdn()
            + ":"
            + trunk.gateway().sipSignalingPort()
            + ";user=phone;transport="
            + transport;
    String proxy = from.name() + ":" + from.port() + ";transport=" + transport;
    return new OutgoingRequest("INVITE", requestUri)
        .header("From", fromUri() + ";tag=" + localTag)
        .header("To", toUri(trunk))
        .header("Call-ID", callId)
        .header("CSeq", cseq + " INVITE")
        .header("Contact", "<sip:" + proxy + ">")
        .header("Record-Route", "<sip:" + proxy + ";lr>")
        .header("Allow", CallServices.ALLOW)
        .header("Supported", "timer")
        .header("Session-Expires", Long.toString(services.settings.sessionExpires().toSeconds()))
        .headers(plan.extraHeaders().apply(trunk))
        .body("application/sdp", sdp);
  }

  /** The dialog a 2xx from {@code trunk} forms; its remote target is the 2xx's Contact. */
  Dialog dialog(IncomingResponse response, OutboundTrunk trunk, long cseq) {
    String target =
        response
            .header("Contact")
            .map(Dialog::uriOf)
            .orElse("sip:" + trunk.fqdn() + ":" + trunk.gateway().sipSignalingPort());
    return new Dialog(
        callId,
        localTag,
        fromUri(),
        toUri(trunk),
        response.toTag(),
        target,
        from,
        CallServices.contactOf(from),
        cseq);
  }

  private String fromUri() {
    return "<sip:" + plan.fromNumber() + "@" + from.name() + ";user=phone>";
  }

  private String toUri(OutboundTrunk trunk) {
    return "<sip:" + plan.toNumber() + "@" + trunk.fqdn() + ";user=phone>";
  }
}
