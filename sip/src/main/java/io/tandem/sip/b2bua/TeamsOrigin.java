package io.tandem.sip.b2bua;

import io.tandem.sip.stack.InboundRequest;
import io.tandem.sip.stack.SipUri;
import io.tandem.sip.trunk.DirectRoutingTrunk;
import java.util.Optional;

/**
 * Whether a new INVITE comes from Microsoft's side of a tenant's Direct Routing trunk (a Teams user
 * calling out through Tandem as the SBC, MICROSOFT-CONTRACTS §1.4): its Request-URI names the
 * trunk's SBC FQDN, and it arrives from an address one of the trunk's proxies resolves to, as an
 * SBC's firewall admits Microsoft's signalling by the proxies' names. Anything else is a carrier's
 * call, admitted by the carrier trunks.
 */
final class TeamsOrigin {

  private TeamsOrigin() {}

  /** The trunk whose Microsoft side sent {@code invite}, addressed to {@code requestUri}. */
  static Optional<DirectRoutingTrunk> of(
      ConnectContext context, InboundRequest invite, SipUri requestUri) {
    String source = invite.source().getAddress().getHostAddress();
    return context.trunks().directRouting().stream()
        .filter(trunk -> trunk.sbcFqdn().equalsIgnoreCase(requestUri.host()))
        .filter(
            trunk ->
                trunk.proxies().stream()
                    .anyMatch(
                        proxy -> context.endpoint().addressesOf(proxy.fqdn()).contains(source)))
        .findFirst();
  }
}
