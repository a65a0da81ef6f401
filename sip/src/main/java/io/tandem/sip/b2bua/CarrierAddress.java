package io.tandem.sip.b2bua;

import io.tandem.sip.stack.OutboundRequest;
import io.tandem.sip.trunk.DirectRoutingTrunk;
import io.tandem.sip.trunk.OutboundTrunk;

/**
 * How Tandem addresses a phone number through a carrier's gateway ({@link OutboundTrunk}), as an
 * SBC sends a call to its carrier: Request-URI {@code
 * sip:+E164@gateway:port;user=phone;transport=…}, To the number at the gateway, From the caller's
 * number at Tandem's address (a carrier shows it as the calling number), Contact Tandem's address
 * and port. None of Direct Routing's dialect: no {@code X-MS-SBC}, no SBC FQDN.
 */
final class CarrierAddress implements LegAddress {

  private final ConnectContext context;
  private final OutboundTrunk trunk;
  private final String number;
  private final String callerNumber;

  private CarrierAddress(
      ConnectContext context, OutboundTrunk trunk, String number, String callerNumber) {
    this.context = context;
    this.trunk = trunk;
    this.number = number;
    this.callerNumber = callerNumber;
  }

  /** The phone {@code number}, called from {@code callerNumber}. */
  static CarrierAddress number(
      ConnectContext context, OutboundTrunk trunk, String number, String callerNumber) {
    return new CarrierAddress(context, trunk, number, callerNumber);
  }

  @Override
  public String target() {
    return number;
  }

  @Override
  public Dialog dialog(String callId, String localTag, DirectRoutingTrunk.Proxy hop) {
    String transport = trunk.transport().token();
    String host = hostPart(context.endpoint().address());
    var point = context.endpoint().listenPoint(trunk.transport());
    return Dialog.calling(
        callId,
        localTag,
        "sip:" + callerNumber + "@" + host + ";user=phone",
        "sip:" + number + "@" + hop.fqdn() + ";user=phone",
        "sip:"
            + number
            + "@"
            + hop.fqdn()
            + ":"
            + hop.port()
            + ";user=phone;transport="
            + transport,
        point,
        "<sip:" + callerNumber + "@" + host + ":" + point.port() + ";transport=" + transport + ">");
  }

  @Override
  public OutboundRequest invite(Dialog dialog, String sdp) {
    return dialog
        .request("INVITE")
        .header("Allow", SipConstants.ALLOW)
        .header("Supported", "timer")
        .header("User-Agent", context.settings().userAgent())
        .body("application/sdp", sdp);
  }

  /** An address as the host of a SIP URI: IPv6 in brackets. */
  private static String hostPart(String address) {
    return address.indexOf(':') >= 0 && !address.startsWith("[") ? "[" + address + "]" : address;
  }
}
