package io.tandem.sip.b2bua;

import io.tandem.sip.stack.OutboundRequest;
import io.tandem.sip.trunk.DirectRoutingTrunk;
import org.jspecify.annotations.Nullable;

/**
 * How Tandem, as the tenant's SBC, addresses an agent's Teams number through one Microsoft proxy
 * (MICROSOFT-CONTRACTS §1): Request-URI {@code sip:+E164@proxy:port;user=phone;transport=…}, To the
 * number at the proxy, From the caller's number at the SBC FQDN, Contact that FQDN (never an IP) on
 * Tandem's port, and {@code X-MS-SBC} with the trunk's SBC identity on the INVITE. The target of a
 * Teams REFER keeps its Refer-To user and parameters ({@code x-m}, {@code x-t}) with the proxy
 * tried as host, and carries the referral's headers.
 */
final class DirectRoutingAddress implements LegAddress {

  private final ConnectContext context;
  private final DirectRoutingTrunk trunk;
  private final String callerNumber;
  private final @Nullable String number;
  private final @Nullable TeamsRefer referral;

  private DirectRoutingAddress(
      ConnectContext context,
      DirectRoutingTrunk trunk,
      String callerNumber,
      @Nullable String number,
      @Nullable TeamsRefer referral) {
    this.context = context;
    this.trunk = trunk;
    this.callerNumber = callerNumber;
    this.number = number;
    this.referral = referral;
  }

  /** The Teams (or phone) {@code number}, called from {@code callerNumber}. */
  static DirectRoutingAddress number(
      ConnectContext context, DirectRoutingTrunk trunk, String number, String callerNumber) {
    return new DirectRoutingAddress(context, trunk, callerNumber, number, null);
  }

  /**
   * The target of a REFER from Teams: its Refer-To URI through the proxy tried, with the headers
   * the referral carries (Referred-By, Replaces).
   */
  static DirectRoutingAddress referral(
      ConnectContext context, DirectRoutingTrunk trunk, TeamsRefer refer, String callerNumber) {
    return new DirectRoutingAddress(context, trunk, callerNumber, null, refer);
  }

  @Override
  public String target() {
    return referral == null ? java.util.Objects.requireNonNull(number) : referral.target();
  }

  @Override
  public Dialog dialog(String callId, String localTag, DirectRoutingTrunk.Proxy target) {
    String transport = trunk.transport().token();
    String remote;
    String requestUri;
    if (referral == null) {
      remote = "sip:" + number + "@" + target.fqdn() + ";user=phone";
      requestUri =
          "sip:"
              + number
              + "@"
              + target.fqdn()
              + ":"
              + target.port()
              + ";user=phone;transport="
              + transport;
    } else {
      remote = referral.toUri(target.fqdn());
      requestUri = referral.requestUriVia(target.fqdn(), target.port(), transport);
    }
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
            + transport
            + ">";
    return Dialog.calling(callId, localTag, local, remote, requestUri, point, contact);
  }

  @Override
  public OutboundRequest invite(Dialog dialog, String sdp) {
    OutboundRequest invite =
        dialog
            .request("INVITE")
            .header("Allow", SipConstants.ALLOW)
            .header("Supported", "replaces, timer")
            .header("X-MS-SBC", trunk.sbcIdentity())
            .header("User-Agent", context.settings().userAgent());
    if (referral != null) {
      referral.carried().forEach(header -> invite.header(header.name(), header.value()));
    }
    return invite.body("application/sdp", sdp);
  }
}
