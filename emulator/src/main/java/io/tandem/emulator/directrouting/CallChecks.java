package io.tandem.emulator.directrouting;

import io.tandem.emulator.directrouting.sip.SipUri;
import io.tandem.emulator.world.World;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The inbound checks on what an INVITE asks for: room in the datacenter and on the trunk, a +E.164
 * Request-URI (or a Teams user by {@code x-m} after a REFER), no Replaces, an acceptable SDP offer,
 * a callee with that number. Each records what it finds in the {@link InboundChecks.Context};
 * {@link InboundChecks} runs them in order.
 */
final class CallChecks {

  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

  private final World world;
  private final ActiveCalls active;
  private final int maxConcurrentCalls;
  private final boolean requireSrtp;

  CallChecks(World world, ActiveCalls active, int maxConcurrentCalls, boolean requireSrtp) {
    this.world = world;
    this.active = active;
    this.maxConcurrentCalls = maxConcurrentCalls;
    this.requireSrtp = requireSrtp;
  }

  @Nullable Rejection datacenterHasCapacity(InboundChecks.Context context) {
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

  @Nullable Rejection requestUriIsE164(InboundChecks.Context context) {
    SipUri uri = SipUri.parseUri(context.request.requestUri());
    String mri = uri.parameter("x-m");
    if (mri != null) {
      return teamsUserNamed(context, mri, uri.parameter("x-t"));
    }
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

  /**
   * The Request-URI of an SBC's INVITE after a REFER from Teams names a Teams user by {@code x-m}
   * (MRI {@code 8:orgid:<object id>}) and {@code x-t} (tenant) instead of a number (§1.5).
   */
  private @Nullable Rejection teamsUserNamed(
      InboundChecks.Context context, String mri, @Nullable String tenantId) {
    String prefix = "8:orgid:";
    if (mri.startsWith(prefix)
        && tenantId != null
        && tenantId.equalsIgnoreCase(context.tenant.id())) {
      context.callee = world.user(context.tenant.id(), mri.substring(prefix.length())).orElse(null);
      if (context.callee != null) {
        return null;
      }
    }
    return Rejection.of(
            404,
            "Not Found",
            511404,
            "Get user info by MRI from RuntimeAPI failed: no user "
                + mri
                + " in tenant "
                + tenantId)
        .withQ850(1);
  }

  @Nullable Rejection noReplaces(InboundChecks.Context context) {
    if (context.request.header("Replaces").isEmpty()) {
      return null;
    }
    return Rejection.of(
        404,
        "Not Found",
        10202,
        "Replaces call not found: Direct Routing rejects SBC requests with a Replaces header");
  }

  @Nullable Rejection offerAcceptable(InboundChecks.Context context) {
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
    if (requireSrtp && !TeamsSrtp.acceptable(offer)) {
      return Rejection.of(
          488,
          "Not Acceptable Here",
          531000,
          "InternalDiagCode: CannotSupportAnyMedia, InternalErrorPhrase: Invalid SDP offer: the"
              + " media processor requires SRTP (RTP/SAVP with a=crypto AES_CM_128_HMAC_SHA1_80,"
              + " inline key, no MKI); the offer is "
              + offer.protocol()
              + (offer.crypto().isEmpty() ? " without a=crypto" : " with no usable a=crypto"));
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

  @Nullable Rejection trunkHasCapacity(InboundChecks.Context context) {
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

  @Nullable Rejection calleeExists(InboundChecks.Context context) {
    if (context.callee != null) {
      return null;
    }
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
}
