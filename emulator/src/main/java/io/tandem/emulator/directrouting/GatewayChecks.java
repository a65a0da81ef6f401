package io.tandem.emulator.directrouting;

import io.tandem.emulator.directrouting.sip.SipTransport;
import io.tandem.emulator.directrouting.sip.SipUri;
import io.tandem.emulator.world.EmulatedTenant;
import io.tandem.emulator.world.PstnGateway;
import io.tandem.emulator.world.World;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The inbound checks that find which tenant's gateway is calling: the TLS certificate against the
 * Contact FQDN, the Contact itself, the tenant and trunk it names, the Record-Route. Each records
 * what it finds in the {@link InboundChecks.Context}; {@link InboundChecks} runs them in order.
 */
final class GatewayChecks {

  private final World world;

  GatewayChecks(World world) {
    this.world = world;
  }

  @Nullable Rejection contactMatchesCertificate(InboundChecks.Context context) {
    context.contact = InboundChecks.contactOf(context.request);
    if (context.request.listenPoint().transport() != SipTransport.TLS) {
      return null;
    }
    List<X509Certificate> chain = context.request.peerCertificates();
    List<String> names = chain.isEmpty() ? List.of() : CertificateNames.of(chain.get(0));
    String host = context.contact == null ? "" : context.contact.host();
    if (CertificateNames.anyMatches(names, host)) {
      return null;
    }
    return Rejection.of(
        403,
        "Forbidden",
        560403,
        "The FQDN in the Contact header ("
            + host
            + ") does not match the TLS certificate's CN/SAN "
            + names);
  }

  @Nullable Rejection contactIsFqdn(InboundChecks.Context context) {
    if (context.contact == null) {
      return Rejection.of(
          403, "Forbidden", 510532, "No Contact header: Direct Routing needs the SBC FQDN there");
    }
    if (context.contact.hostIsIpAddress()) {
      return Rejection.of(
          403,
          "Forbidden",
          510532,
          "The Contact header carries an IP address ("
              + context.contact.host()
              + "); Direct Routing needs the SBC FQDN there");
    }
    return null;
  }

  @Nullable Rejection tenantOwnsContact(InboundChecks.Context context) {
    String fqdn = context.contact.host();
    context.tenant = world.tenantByDomain(fqdn).orElse(null);
    if (context.tenant != null) {
      return null;
    }
    return Rejection.of(
        403,
        "Forbidden",
        510532,
        "No trunk config was found: no tenant registered "
            + fqdn
            + " or its parent domain (Contact FQDN → tenant)");
  }

  @Nullable Rejection trunkConfigured(InboundChecks.Context context) {
    context.gateway = trunkFor(world, context.tenant, context.contact.host()).orElse(null);
    if (context.gateway != null) {
      return null;
    }
    return Rejection.of(
        403,
        "Forbidden",
        510532,
        "Get Inbound Direct routing - trunk config not found for customer: tenant "
            + context.tenant.id()
            + " has no PSTN gateway "
            + context.contact.host()
            + " (nor a carrier gateway for its parent domain)");
  }

  /** The gateway for {@code fqdn}: the tenant's own, else a carrier trunk for the parent domain. */
  static Optional<PstnGateway> trunkFor(World world, EmulatedTenant tenant, String fqdn) {
    Optional<PstnGateway> own = tenant.gateway(fqdn);
    if (own.isPresent()) {
      return own;
    }
    int dot = fqdn.indexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String parent = fqdn.substring(dot + 1);
    return world.tenants().stream()
        .flatMap(t -> t.gateways().stream())
        .filter(g -> g.fqdn().equalsIgnoreCase(parent))
        .findFirst();
  }

  @Nullable Rejection recordRouteIsFqdn(InboundChecks.Context context) {
    for (String route : context.request.headerValues("Record-Route")) {
      if (SipUri.parse(route).hostIsIpAddress()) {
        return Rejection.of(
            403,
            "Forbidden",
            510532,
            "The Record-Route header carries an IP address ("
                + route
                + "); Direct Routing needs FQDNs");
      }
    }
    return null;
  }
}
