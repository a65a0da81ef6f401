package io.tandem.emulator.directrouting;

import io.tandem.emulator.directrouting.sip.IncomingRequest;
import io.tandem.emulator.directrouting.sip.SipUri;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import io.tandem.emulator.world.EmulatedTenant;
import io.tandem.emulator.world.PstnGateway;
import io.tandem.emulator.world.TeamsUser;
import io.tandem.emulator.world.World;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The checks Microsoft's SIP proxy makes on an SBC's INVITE, in Microsoft's order; the first that
 * fails answers the call. Deviations from the recommended form that Microsoft tolerates ({@code
 * ;user=phone} missing, no {@code X-MS-SBC}, no recent OPTIONS) are journalled as {@code
 * sip.warning} instead. Microsoft response codes and texts come from Microsoft's "SIP response
 * codes" troubleshooting pages where one is documented; docs/direct-routing.md lists each choice.
 */
final class InboundChecks {

  /** One named check: null when it passes. */
  private record Step(String name, Function<Context, @Nullable Rejection> check) {}

  /** What the steps learn as they go. */
  static final class Context {
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

  private final Journal journal;
  private final SbcHealth health;
  private final List<Step> steps;

  InboundChecks(
      World world,
      Journal journal,
      SbcHealth health,
      ActiveCalls active,
      int maxConcurrentCalls,
      boolean requireSrtp) {
    this.journal = journal;
    this.health = health;
    GatewayChecks gateway = new GatewayChecks(world);
    CallChecks call = new CallChecks(world, active, maxConcurrentCalls, requireSrtp);
    this.steps =
        List.of(
            new Step("capacity", call::datacenterHasCapacity),
            new Step("certificate", gateway::contactMatchesCertificate),
            new Step("contactFqdn", gateway::contactIsFqdn),
            new Step("tenant", gateway::tenantOwnsContact),
            new Step("trunk", gateway::trunkConfigured),
            new Step("recordRoute", gateway::recordRouteIsFqdn),
            new Step("requestUri", call::requestUriIsE164),
            new Step("replaces", call::noReplaces),
            new Step("sdp", call::offerAcceptable),
            new Step("sessions", call::trunkHasCapacity),
            new Step("callee", call::calleeExists));
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

  private void warnings(Context context) {
    IncomingRequest request = context.request;
    SipUri uri = SipUri.parseUri(request.requestUri());
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
