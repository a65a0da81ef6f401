package io.tandem.emulator.directrouting;

import io.tandem.emulator.directrouting.sip.IncomingRequest;
import io.tandem.emulator.directrouting.sip.SipHandler;
import io.tandem.emulator.directrouting.sip.SipHeader;
import io.tandem.emulator.directrouting.sip.SipTransport;
import io.tandem.emulator.directrouting.sip.SipUri;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The emulated Microsoft SIP proxies' front door: OPTIONS are answered (and keep the SBC fresh),
 * new INVITEs pass the {@link InboundChecks} and become {@link InboundCall}s, requests inside a
 * dialog go to that dialog's {@link CallLeg}, anything else gets 481.
 */
final class ProxyRequests implements SipHandler {

  private final CallServices services;
  private final InboundChecks checks;

  ProxyRequests(CallServices services, InboundChecks checks) {
    this.services = services;
    this.checks = checks;
  }

  @Override
  public void onRequest(IncomingRequest request) {
    String method = request.method();
    if (method.equals("OPTIONS") && request.toTag().isEmpty()) {
      options(request);
    } else if (method.equals("INVITE") && request.toTag().isEmpty()) {
      invite(request);
    } else {
      CallLeg leg = services.dialogs.get(request.callId());
      if (leg != null) {
        leg.onRequest(request);
      } else if (!method.equals("ACK")) {
        request.respond(481, "Call/Transaction Does Not Exist", null, List.of());
      }
    }
  }

  private void invite(IncomingRequest request) {
    request.respond(100, "Trying", null, List.of());
    InboundChecks.Result result = checks.check(request);
    if (result.rejection() != null) {
      Rejection rejection = result.rejection();
      request.respond(
          rejection.status(),
          rejection.reason(),
          Dialog.newTag(),
          rejection.headers(request.listenPoint().name()));
      return;
    }
    new InboundCall(services, request, result.target()).start();
  }

  private void options(IncomingRequest request) {
    SipUri contact = InboundChecks.contactOf(request);
    String fqdn = contact == null ? "" : contact.host();
    Rejection rejection = null;
    if (request.listenPoint().transport() == SipTransport.TLS) {
      List<X509Certificate> chain = request.peerCertificates();
      List<String> names = chain.isEmpty() ? List.of() : CertificateNames.of(chain.get(0));
      if (!CertificateNames.anyMatches(names, fqdn)) {
        rejection =
            Rejection.of(
                403,
                "Forbidden",
                560403,
                "The FQDN in the Contact header ("
                    + fqdn
                    + ") does not match the TLS certificate's CN/SAN "
                    + names);
      }
    }
    if (rejection == null && (contact == null || services.world.tenantByDomain(fqdn).isEmpty())) {
      rejection =
          Rejection.of(
              403,
              "Forbidden",
              510532,
              "No trunk config was found: no tenant registered the Contact FQDN '"
                  + fqdn
                  + "' or its parent domain");
    }
    if (rejection != null) {
      request.respond(
          rejection.status(),
          rejection.reason(),
          Dialog.newTag(),
          rejection.headers(request.listenPoint().name()));
      return;
    }
    services.health.optionsReceived(fqdn);
    request.respond(
        200,
        "OK",
        Dialog.newTag(),
        List.of(
            SipHeader.of("Contact", CallServices.contactOf(request.listenPoint())),
            SipHeader.of("Allow", CallServices.ALLOW),
            SipHeader.of("Accept", "application/sdp"),
            SipHeader.of("Supported", "timer")));
  }
}
