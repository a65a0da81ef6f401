package io.tandem.sip.b2bua;

import io.tandem.core.callcontrol.CallControl;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.event.TenantEventListener;
import io.tandem.core.interaction.InteractionEvent;
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
import io.tandem.sip.trunk.TrunkPlan;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * One Tandem SIP node of the Connect model: a B2BUA between carrier trunks and Teams Direct
 * Routing. New INVITEs go to {@link NewInvites} (caller calls, Teams users' calls out, INVITEs with
 * Replaces); in-dialog requests go to their leg; OPTIONS is answered 200. Tenant events reach calls
 * through {@link #listener(TenantId)}.
 *
 * <p>Threading: SIP messages arrive on the endpoint's lanes; each caller call and its agent leg run
 * on the lane of the caller's Call-ID; tenant events hop there from the tenant's writer.
 */
public final class ConnectNode implements AutoCloseable {

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
    CallTable calls = new CallTable();
    this.context =
        new ConnectContext(
            settings,
            sip,
            trunks,
            media,
            tenants,
            calls,
            scheduler,
            clock,
            executor,
            new ArrivalLag(clock, calls::calls));
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

  /** SIP legs in the call table, of every kind: none is left once every call is over. */
  int activeLegs() {
    return context.calls().legs();
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
        case "INVITE" -> new NewInvites(context).handle(request);
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

  @Override
  public void close() {
    keepalive.close();
    context.endpoint().close();
  }
}
