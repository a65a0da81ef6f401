package io.tandem.sip.b2bua;

import io.tandem.core.interaction.InteractionEvent;
import io.tandem.sip.trunk.DirectRoutingTrunk;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The agent leg for an offer of a caller's interaction: the agent's Teams number over the tenant's
 * Direct Routing trunk, with the trunk's media (SRTP, bypass). When the agent cannot be called (no
 * trunk, no Teams number, no media) the offer is declined so the domain offers the caller to
 * someone else. Runs on the call's lane.
 */
final class AgentRinging {

  private static final System.Logger LOG = System.getLogger(AgentRinging.class.getName());

  private AgentRinging() {}

  /**
   * The leg that will ring the offered agent, not started yet (its listener must know it first);
   * null when the offer was declined instead.
   */
  static @Nullable AgentLeg legFor(
      CarrierCall call,
      ConnectContext context,
      InteractionEvent.Offered offered,
      AgentLegListener listener) {
    Optional<DirectRoutingTrunk> trunk = context.trunks().directRouting(call.tenantId());
    Optional<String> number = context.tenants().teamsNumber(call.tenantId(), offered.agent());
    if (trunk.isEmpty() || number.isEmpty()) {
      LOG.log(
          System.Logger.Level.WARNING,
          "agent {0} cannot be called over Direct Routing (trunk: {1}, number: {2})",
          offered.agent().value(),
          trunk.isPresent(),
          number.isPresent());
      call.tell(t -> t.declineOffer(offered.reservation()));
      return null;
    }
    LegMedia media;
    try {
      media = context.media().offer(trunk.get().srtp(), trunk.get().mediaBypass());
    } catch (MediaRefusedException noMedia) {
      LOG.log(System.Logger.Level.WARNING, "no media for an agent leg: {0}", noMedia.getMessage());
      call.tell(t -> t.declineOffer(offered.reservation()));
      return null;
    }
    return new AgentLeg(
        context,
        call.lane(),
        new ProxyFailover(trunk.get()),
        DirectRoutingAddress.number(context, trunk.get(), number.get(), call.callerNumber()),
        media,
        listener);
  }
}
