package io.tandem.sip.b2bua;

import io.tandem.core.tenant.TenantAccess;
import io.tandem.sip.stack.InboundRequest;
import io.tandem.sip.stack.SipHeader;
import io.tandem.sip.stack.SipUri;
import io.tandem.sip.trunk.Admission;
import io.tandem.sip.trunk.DirectRoutingTrunk;
import io.tandem.sip.trunk.OutboundTrunk;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a Connect node does with an INVITE outside any dialog: one with Replaces from Microsoft goes
 * to the Teams user's call or agent leg it names ({@link #replacing}); one from Microsoft's side of
 * a Direct Routing trunk ({@link TeamsOrigin}) is a Teams user's call out through Tandem ({@link
 * TeamsPstnCall}, 404 when no outbound trunk serves the number); any other is admitted by the trunk
 * plan (403 unknown peer, 404 number not served, 503 over the trunk's call rate; 503 too while the
 * node is behind in taking callers in, {@link ArrivalLag}, or holds its {@link
 * ConnectSettings#maxCalls()} callers already) and becomes a caller's {@link CarrierCall}. Nothing
 * is created for a refused INVITE. Runs on the INVITE's lane.
 */
final class NewInvites {

  private static final System.Logger LOG = System.getLogger(NewInvites.class.getName());

  /** How long a caller refused at capacity is asked to wait before trying again. */
  static final Duration AT_CAPACITY_RETRY = Duration.ofSeconds(5);

  private final ConnectContext context;

  NewInvites(ConnectContext context) {
    this.context = context;
  }

  /** Answers, refuses or starts the call of a new INVITE (no To-tag: else 481). */
  void handle(InboundRequest invite) {
    if (!invite.to().tag().isEmpty()) {
      invite.respond(481, "Call/Transaction Does Not Exist", "", List.of());
      return;
    }
    Optional<String> replaces = invite.header("Replaces");
    if (replaces.isPresent()) {
      replacing(invite, replaces.get());
      return;
    }
    String dialed;
    SipUri requestUri;
    try {
      requestUri = SipUri.parse(invite.requestUri());
      dialed = requestUri.user() == null ? "" : requestUri.user();
    } catch (IllegalArgumentException notSip) {
      invite.respond(416, "Unsupported URI Scheme", ContextIds.tag(), List.of());
      return;
    }
    Optional<DirectRoutingTrunk> fromTeams = TeamsOrigin.of(context, invite, requestUri);
    if (fromTeams.isPresent()) {
      callOut(invite, fromTeams.get(), dialed);
      return;
    }
    Admission admission =
        context.trunks().admit(invite.source().getAddress().getHostAddress(), dialed);
    if (!admission.admitted()) {
      List<SipHeader> extra =
          admission.status() == 503 ? List.of(SipHeader.of("Retry-After", "1")) : List.of();
      invite.respond(admission.status(), admission.reason(), ContextIds.tag(), extra);
      return;
    }
    if (context.arrivals().behind()) {
      invite.respond(
          503,
          "Service Unavailable",
          ContextIds.tag(),
          List.of(
              SipHeader.of("Retry-After", Long.toString(ArrivalLag.HOLD.toSeconds())),
              SipHeader.of("Warning", "399 tandem \"overloaded: callers wait to be taken in\"")));
      return;
    }
    var trunk = admission.trunk();
    Optional<TenantAccess> tenant = context.tenants().access(trunk.tenant());
    if (tenant.isEmpty()) {
      LOG.log(System.Logger.Level.WARNING, "trunk {0} names an unknown tenant", trunk.name());
      invite.respond(404, "Not Found", ContextIds.tag(), List.of());
      return;
    }
    SessionAsked session = sessionAskedFor(invite);
    if (session == null) {
      return;
    }
    CarrierCall call = new CarrierCall(context, invite, trunk, tenant.get(), session.terms());
    int limit = context.settings().maxCalls();
    switch (context.calls().addCaller(invite.callId(), call, limit)) {
      case ADDED -> call.start();
      case CALL_ID_TAKEN -> {
        // the INVITE's first copy holds the call; this one is its retransmission
      }
      case AT_CAPACITY ->
          invite.respond(
              503,
              "Service Unavailable",
              ContextIds.tag(),
              List.of(
                  SipHeader.of("Retry-After", Long.toString(AT_CAPACITY_RETRY.toSeconds())),
                  SipHeader.of(
                      "Warning", "399 tandem \"at capacity: " + limit + " callers in progress\"")));
    }
  }

  /**
   * A Teams user's call to {@code dialed} through Tandem as the SBC: relayed to the carrier trunk
   * that serves the number; 404 when none does (Microsoft then tries no other SBC).
   */
  private void callOut(InboundRequest invite, DirectRoutingTrunk trunk, String dialed) {
    Optional<OutboundTrunk> carrier = context.trunks().outbound(trunk.tenant(), dialed);
    if (carrier.isEmpty()) {
      invite.respond(
          404,
          "Not Found",
          ContextIds.tag(),
          List.of(
              SipHeader.of("Warning", "399 tandem \"no carrier trunk serves " + dialed + "\"")));
      return;
    }
    SessionAsked session = sessionAskedFor(invite);
    if (session == null) {
      return;
    }
    TeamsPstnCall call =
        new TeamsPstnCall(context, invite, trunk, carrier.get(), dialed, session.terms());
    if (context.calls().addIfAbsent(invite.callId(), call) == call) {
      call.start();
    }
  }

  /** The session timer an INVITE asks for (RFC 4028): its terms, null when it asks for none. */
  private record SessionAsked(SessionTimer.@Nullable Terms terms) {}

  /**
   * The session timer {@code invite} asks for; null when the INVITE was answered already: 422 below
   * the minimum interval, 400 when unreadable.
   */
  private @Nullable SessionAsked sessionAskedFor(InboundRequest invite) {
    try {
      return new SessionAsked(
          SessionTimer.askedFor(
                  invite.header("Session-Expires").orElse(null),
                  invite.headerValues("Supported"),
                  invite.headerValues("Allow"),
                  context.settings().minSessionInterval())
              .orElse(null));
    } catch (SessionTimer.TooSmall small) {
      invite.respond(
          422,
          "Session Interval Too Small",
          ContextIds.tag(),
          List.of(
              SipHeader.of(
                  "Min-SE", Long.toString(context.settings().minSessionInterval().toSeconds()))));
    } catch (IllegalArgumentException unreadable) {
      invite.respond(
          400,
          "Bad Request",
          ContextIds.tag(),
          List.of(SipHeader.of("Warning", "399 tandem \"" + unreadable.getMessage() + "\"")));
    }
    return null;
  }

  /**
   * An INVITE with Replaces (RFC 3891): 400 when malformed, 403 unless it comes from Microsoft's
   * side of a Direct Routing trunk ({@link TeamsOrigin}), then answered by the leg of that tenant
   * it names: a Teams user's call through Tandem ({@link TeamsPstnCall#onReplacingInvite}, after
   * the session timer check) or an agent leg ({@link AgentLeg#onReplacingInvite}); 481 for none.
   */
  private void replacing(InboundRequest invite, String value) {
    Replaces replaces;
    Optional<DirectRoutingTrunk> fromTeams;
    try {
      replaces = Replaces.parse(value);
      fromTeams = TeamsOrigin.of(context, invite, SipUri.parse(invite.requestUri()));
    } catch (IllegalArgumentException malformed) {
      Replaces.refuse(invite, 400, "Bad Request", malformed.getMessage());
      return;
    }
    if (fromTeams.isEmpty()) {
      Replaces.refuse(
          invite, 403, "Forbidden", "INVITE with Replaces is taken from Microsoft's proxies only");
      return;
    }
    SipLeg named = context.calls().leg(replaces.callId());
    if (named instanceof TeamsPstnCall call && call.tenant().equals(fromTeams.get().tenant())) {
      SessionAsked session = sessionAskedFor(invite);
      if (session != null) {
        call.onReplacingInvite(invite, replaces, session.terms());
      }
    } else if (named instanceof AgentLeg agent) {
      agent.onReplacingInvite(invite, replaces);
    } else {
      Replaces.refuse(invite, 481, "Call/Transaction Does Not Exist", "no such dialog");
    }
  }
}
