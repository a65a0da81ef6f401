package io.tandem.sip.b2bua;

import io.tandem.core.callcontrol.CallControl;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.event.TenantEventListener;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.tenant.TenantAccess;
import io.tandem.core.tenant.TenantId;
import io.tandem.core.time.Scheduler;
import io.tandem.media.clock.Pacer;
import io.tandem.sip.media.PromptAudio;
import io.tandem.sip.media.RtpPorts;
import io.tandem.sip.stack.EndpointSettings;
import io.tandem.sip.stack.InboundRequest;
import io.tandem.sip.stack.InboundResponse;
import io.tandem.sip.stack.RequestHandler;
import io.tandem.sip.stack.SipEndpoint;
import io.tandem.sip.stack.SipHeader;
import io.tandem.sip.stack.SipUri;
import io.tandem.sip.trunk.Admission;
import io.tandem.sip.trunk.DirectRoutingTrunk;
import io.tandem.sip.trunk.OutboundTrunk;
import io.tandem.sip.trunk.TrunkPlan;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * One Tandem SIP node of the Connect model: a B2BUA between carrier trunks and Teams Direct
 * Routing. An INVITE with Replaces goes to the agent leg it names (481 when none). Other new
 * INVITEs are admitted by the {@link TrunkPlan} (403 unknown peer, 404 number not served, 503 over
 * the trunk's call rate: nothing is created for a refused call) and become caller calls; in-dialog
 * requests go to their leg; OPTIONS is answered 200. Tenant events reach calls through {@link
 * #listener(TenantId)}.
 *
 * <p>Threading: SIP messages arrive on the endpoint's lanes; each caller call and its agent leg run
 * on the lane of the caller's Call-ID; tenant events hop there from the tenant's writer.
 */
public final class ConnectNode implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(ConnectNode.class.getName());

  private volatile ConnectContext context;
  private final ProxyKeepalive keepalive;

  private ConnectNode(
      ConnectSettings settings,
      EndpointSettings endpoint,
      TrunkPlan trunks,
      LegMediaFactory media,
      Tenants tenants,
      Executor executor,
      Scheduler scheduler,
      Clock clock) {
    Requests requests = new Requests();
    SipEndpoint sip = SipEndpoint.start(endpoint, requests, executor);
    this.context =
        new ConnectContext(
            settings, sip, trunks, media, tenants, new CallTable(), scheduler, clock, executor);
    this.keepalive = new ProxyKeepalive(context, trunks.directRouting());
    keepalive.start();
  }

  /**
   * Starts a node listening as {@code endpoint} says, with legs' RTP on {@code ports} paced by
   * {@code pacer}, prompts from {@code prompts}, timers from {@code scheduler}; handlers and prompt
   * loading run on {@code executor} (virtual threads).
   */
  public static ConnectNode start(
      ConnectSettings settings,
      EndpointSettings endpoint,
      TrunkPlan trunks,
      RtpPorts ports,
      PromptAudio prompts,
      Pacer pacer,
      Tenants tenants,
      Executor executor,
      Scheduler scheduler,
      Clock clock) {
    LegMediaFactory media =
        new RtpLegMediaFactory(
            ports, prompts, pacer, executor, scheduler, clock, settings.announcementInterval());
    return new ConnectNode(settings, endpoint, trunks, media, tenants, executor, scheduler, clock);
  }

  static ConnectNode start(
      ConnectSettings settings,
      EndpointSettings endpoint,
      TrunkPlan trunks,
      LegMediaFactory media,
      Tenants tenants,
      Executor executor,
      Scheduler scheduler,
      Clock clock) {
    return new ConnectNode(settings, endpoint, trunks, media, tenants, executor, scheduler, clock);
  }

  /** The listener to add to {@code tenant}: hands its events to the calls they concern. */
  public TenantEventListener listener(TenantId tenant) {
    return this::on;
  }

  /**
   * The agent's control of {@code tenant}'s calls on this node: hold, resume, consult, conference,
   * transfer and hang-up carried out by the B2BUA ({@code AgentTalk}).
   */
  public CallControl callControl(TenantId tenant) {
    return new ConnectCallControl(context, tenant);
  }

  /** Caller calls in progress. */
  public int activeCalls() {
    return context.calls().calls();
  }

  /** The last OPTIONS status of each Direct Routing proxy ({@code fqdn:port}); 408: no answer. */
  public java.util.Map<String, Integer> proxyHealth() {
    return keepalive.lastStatus();
  }

  /** The SIP endpoint (its address and listening points). */
  public SipEndpoint endpoint() {
    return context.endpoint();
  }

  private void on(TenantEvent event) {
    if (event instanceof InteractionEvent interactionEvent) {
      CarrierCall call = context.calls().call(interactionEvent.interaction());
      if (call != null) {
        context.endpoint().execute(call.lane(), () -> call.event(event));
      }
    }
  }

  private final class Requests implements RequestHandler {

    @Override
    public void onRequest(InboundRequest request) {
      if (context == null) {
        request.respond(503, "Service Unavailable", ContextIds.tag(), List.of());
        return;
      }
      SipLeg leg = context.calls().leg(request.callId());
      if (leg != null) {
        leg.onRequest(request);
        return;
      }
      switch (request.method()) {
        case "INVITE" -> invited(request);
        case "OPTIONS" ->
            request.respond(
                200,
                "OK",
                ContextIds.tag(),
                List.of(
                    SipHeader.of("Allow", SipConstants.ALLOW),
                    SipHeader.of("Accept", "application/sdp"),
                    SipHeader.of("Supported", "replaces, timer")));
        case "ACK" -> {}
        default ->
            request.respond(481, "Call/Transaction Does Not Exist", ContextIds.tag(), List.of());
      }
    }

    @Override
    public void onStrayResponse(String callId, InboundResponse response) {
      SipLeg leg = context.calls().leg(callId);
      if (leg != null) {
        leg.onStrayResponse(response);
      }
    }
  }

  private void invited(InboundRequest invite) {
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
    if (context.calls().addIfAbsent(invite.callId(), call) == call) {
      call.start();
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

  /** An INVITE with Replaces: only an agent leg's dialog can be replaced (by Teams). */
  private void replacing(InboundRequest invite, String value) {
    Replaces replaces;
    try {
      replaces = Replaces.parse(value);
    } catch (IllegalArgumentException malformed) {
      invite.respond(
          400,
          "Bad Request",
          ContextIds.tag(),
          List.of(SipHeader.of("Warning", "399 tandem \"" + malformed.getMessage() + "\"")));
      return;
    }
    if (context.calls().leg(replaces.callId()) instanceof AgentLeg agent) {
      agent.onReplacingInvite(invite, replaces);
    } else {
      invite.respond(481, "Call/Transaction Does Not Exist", ContextIds.tag(), List.of());
    }
  }

  @Override
  public void close() {
    keepalive.close();
    context.endpoint().close();
  }
}
