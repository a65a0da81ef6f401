package io.tandem.sip.b2bua;

import io.tandem.sip.stack.OutboundRequest;
import io.tandem.sip.trunk.DirectRoutingTrunk;

/**
 * How Tandem, as the tenant's SBC, addresses an agent's Teams number through one Microsoft proxy
 * (MICROSOFT-CONTRACTS §1): Request-URI {@code sip:+E164@proxy:port;user=phone;transport=…}, To the
 * number at the proxy, From the caller's number at the SBC FQDN, Contact that FQDN (never an IP) on
 * Tandem's port, and {@code X-MS-SBC} with the trunk's SBC identity on the INVITE.
 */
final class DirectRoutingAddress {

  private final ConnectContext context;
  private final DirectRoutingTrunk trunk;
  private final String number;
  private final String callerNumber;

  DirectRoutingAddress(
      ConnectContext context, DirectRoutingTrunk trunk, String number, String callerNumber) {
    this.context = context;
    this.trunk = trunk;
    this.number = number;
    this.callerNumber = callerNumber;
  }

  /** A new dialog (not yet confirmed) of call {@code callId} towards {@code target}. */
  Dialog dialog(String callId, String localTag, DirectRoutingTrunk.Proxy target) {
    String remote = "sip:" + number + "@" + target.fqdn() + ";user=phone";
    String requestUri =
        "sip:"
            + number
            + "@"
            + target.fqdn()
            + ":"
            + target.port()
            + ";user=phone;transport="
            + trunk.transport().token();
    String local = "sip:" + callerNumber + "@" + trunk.sbcFqdn() + ";user=phone";
    var point = context.endpoint().listenPoint(trunk.transport());
    String contact =
        "<sip:"
            + callerNumber
            + "@"
            + trunk.sbcFqdn()
            + ":"
            + point.port()
            + ";transport="
            + trunk.transport().token()
            + ">";
    return Dialog.calling(callId, localTag, local, remote, requestUri, point, contact);
  }

  /** The next INVITE of {@code dialog}, offering {@code sdp}. */
  OutboundRequest invite(Dialog dialog, String sdp) {
    return dialog
        .request("INVITE")
        .header("Allow", SipConstants.ALLOW)
        .header("Supported", "replaces, timer")
        .header("X-MS-SBC", trunk.sbcIdentity())
        .header("User-Agent", context.settings().userAgent())
        .body("application/sdp", sdp);
  }
}
