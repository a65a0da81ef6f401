package io.tandem.emulator.directrouting;

import io.tandem.emulator.directrouting.sip.IncomingRequest;
import io.tandem.emulator.directrouting.sip.SipTransport;
import io.tandem.emulator.directrouting.sip.SipUri;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import io.tandem.emulator.world.EmulatedTenant;
import io.tandem.emulator.world.PstnGateway;
import io.tandem.emulator.world.TeamsUser;
import io.tandem.emulator.world.World;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The checks Microsoft's SIP proxy makes on an SBC's INVITE, in Microsoft's order; the first that
 * fails answers the call. Deviations from the recommended form that Microsoft tolerates ({@code
 * ;user=phone} missing, no {@code X-MS-SBC}, no recent OPTIONS) are journalled as {@code
 * sip.warning} instead. Microsoft response codes and texts come from Microsoft's "SIP response
 * codes" troubleshooting pages where one is documented; docs/direct-routing.md lists each choice.
 */
final class InboundChecks {

  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

  /** One named check: null when it passes. */
  private record Step(String name, Function<Context, @Nullable Rejection> check) {}

  /** What the steps learn as they go. */
  private static final class Context {
    final IncomingRequest request;
    @Nullable SipUri contact;
    @Nullable EmulatedTenant tenant;
    @Nullable PstnGateway gateway;
    @Nullable String number;
    @Nullable Sdp offer;
    @Nullable TeamsUser callee;

    Context(IncomingRequest request) {
      this.request = request;
    }
  }

  private final World world;
  private final Journal journal;
  private final SbcHealth health;
  private final ActiveCalls active;
  private final int maxConcurrentCalls;
  private final List<Step> steps =
      List.of(
          new Step("capacity", this::datacenterHasCapacity),
          new Step("certificate", this::contactMatchesCertificate),
          new Step("contactFqdn", this::contactIsFqdn),
          new Step("tenant", this::tenantOwnsContact),
          new Step("trunk", this::trunkConfigured),
          new Step("recordRoute", this::recordRouteIsFqdn),
          new Step("requestUri", this::requestUriIsE164),
          new Step("replaces", this::noReplaces),
          new Step("sdp", this::offerAcceptable),
          new Step("sessions", this::trunkHasCapacity),
          new Step("callee", this::calleeExists));

  InboundChecks(
      World world, Journal journal, SbcHealth health, ActiveCalls active, int maxConcurrentCalls) {
    this.world = world;
    this.journal = journal;
    this.health = health;
    this.active = active;
    this.maxConcurrentCalls = maxConcurrentCalls;
  }

  /** The names of the checks, in the order they run. */
  List<String> order() {
    return steps.stream().map(Step::name).toList();
  }

  /** Runs every check; the target when all pass, else the first failure. */
  Result check(IncomingRequest request) {
    Context context = new Context(request);
    for (Step step : steps) {
      Rejection rejection = step.check().apply(context);
      if (rejection != null) {
        journal.event(
            Channel.SIP,
            "sip.rejected",
            request.callId(),
            Map.of("check", step.name(), "status", Integer.toString(rejection.status())));
        return new Result(null, rejection, step.name());
      }
    }
    warnings(context);
    return new Result(
        new InboundTarget(
            context.contact.host(),
            context.tenant,
            context.gateway,
            context.callee,
            callerNumber(request),
            context.offer),
        null,
        "");
  }

  /** The outcome: a target, or the rejection and the name of the check that failed. */
  record Result(
      @Nullable InboundTarget target, @Nullable Rejection rejection, String failedCheck) {}

  private @Nullable Rejection datacenterHasCapacity(Context context) {
    if (active.total() < maxConcurrentCalls) {
      return null;
    }
    return Rejection.of(
            503,
            "Service Unavailable",
            540998,
            "Service Unavailable - the datacenter is busy; try the next Microsoft datacenter")
        .withHeader("Retry-After", "1");
  }

  private @Nullable Rejection contactMatchesCertificate(Context context) {
    context.contact = contactOf(context.request);
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

  private @Nullable Rejection contactIsFqdn(Context context) {
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

  private @Nullable Rejection tenantOwnsContact(Context context) {
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

  private @Nullable Rejection trunkConfigured(Context context) {
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

  private @Nullable Rejection recordRouteIsFqdn(Context context) {
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

  private @Nullable Rejection requestUriIsE164(Context context) {
    SipUri uri = SipUri.parse(context.request.requestUri());
    String user = uri.user() == null ? "" : uri.user();
    if (E164.matcher(user).matches()) {
      context.number = user;
      return null;
    }
    return Rejection.of(
            404,
            "Not Found",
            511404,
            "Get user info by number from RuntimeAPI failed: the Request-URI user part '"
                + user
                + "' is not a +E164 number")
        .withQ850(1);
  }

  private @Nullable Rejection noReplaces(Context context) {
    if (context.request.header("Replaces").isEmpty()) {
      return null;
    }
    return Rejection.of(
        404,
        "Not Found",
        10202,
        "Replaces call not found: Direct Routing rejects SBC requests with a Replaces header");
  }

  private @Nullable Rejection offerAcceptable(Context context) {
    if (context.request.body().length == 0) {
      return Rejection.of(
          488,
          "Not Acceptable Here",
          531000,
          "Delayed-offer INVITE (no SDP) is not supported by Direct Routing: send the offer in the"
              + " INVITE");
    }
    Sdp offer = Sdp.parseOrNull(context.request.bodyText());
    if (offer == null || offer.firstG711() < 0) {
      return Rejection.of(
          488,
          "Not Acceptable Here",
          531000,
          "InternalDiagCode: CannotSupportAnyMedia, InternalErrorPhrase: Invalid SDP offer: no"
              + " media acceptable (the emulator takes PCMU or PCMA)");
    }
    if (offer.address().equals("0.0.0.0")) {
      return Rejection.of(
          488,
          "Not Acceptable Here",
          531052,
          "Cannot negotiate a new modality with blackhole media");
    }
    context.offer = offer;
    return null;
  }

  private @Nullable Rejection trunkHasCapacity(Context context) {
    Integer limit = context.gateway.maxConcurrentSessions();
    if (limit == null || active.forGateway(context.gateway.fqdn()) < limit) {
      return null;
    }
    return Rejection.of(
            503,
            "Service Unavailable",
            540998,
            "The trunk "
                + context.gateway.fqdn()
                + " has "
                + limit
                + " concurrent sessions (MaxConcurrentSessions)")
        .withHeader("Retry-After", "1");
  }

  private @Nullable Rejection calleeExists(Context context) {
    context.callee = world.userByPhone(context.tenant.id(), context.number).orElse(null);
    if (context.callee != null) {
      return null;
    }
    return Rejection.of(
            404,
            "Not Found",
            511404,
            "Get user info by number from RuntimeAPI failed: no user in tenant "
                + context.tenant.id()
                + " has the number "
                + context.number)
        .withQ850(1);
  }

  private void warnings(Context context) {
    IncomingRequest request = context.request;
    SipUri uri = SipUri.parse(request.requestUri());
    if (!"phone".equals(uri.parameter("user"))) {
      warn(request, "Request-URI without ;user=phone: Microsoft recommends adding it");
    }
    if (request.header("X-MS-SBC").isEmpty()) {
      warn(request, "no X-MS-SBC header: certified SBCs send X-MS-SBC: Vendor/Model/Firmware");
    }
    if (!health.healthy(context.contact.host())) {
      warn(
          request,
          "no OPTIONS from " + context.contact.host() + " in the last 3 minutes: SBC is demoted");
    }
  }

  private void warn(IncomingRequest request, String text) {
    journal.event(Channel.SIP, "sip.warning", request.callId(), Map.of("warning", text));
  }

  static @Nullable SipUri contactOf(IncomingRequest request) {
    List<String> contacts = request.headerValues("Contact");
    if (contacts.isEmpty()) {
      return null;
    }
    try {
      return SipUri.parse(contacts.get(0));
    } catch (IllegalArgumentException malformed) {
      return null;
    }
  }

  static String callerNumber(IncomingRequest request) {
    try {
      String user = SipUri.parse(request.header("From").orElse("")).user();
      return user == null ? "" : user;
    } catch (IllegalArgumentException malformed) {
      return "";
    }
  }
}
