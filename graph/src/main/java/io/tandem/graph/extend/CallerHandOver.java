package io.tandem.graph.extend;

import io.tandem.core.interaction.DisconnectedBy;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.presence.Availability;
import io.tandem.core.queue.QueueId;
import io.tandem.core.routing.Agent;
import io.tandem.core.tenant.QueuedCaller;
import io.tandem.graph.client.GraphException;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The hand-over of a queued caller to an agent who answered a call of their own (hand-over mode):
 * the offer accepted in the tenant, the consultative transfer of the caller's call onto the
 * agent's, the return to the queue when that transfer fails, and the end of the handed-over call,
 * read from the agent's Teams presence (busy, then no longer). Confined to the call's lane.
 */
final class CallerHandOver {

  /** Availabilities Teams shows while its user is in a call. */
  static final Set<Availability> IN_A_CALL =
      EnumSet.of(Availability.BUSY, Availability.BUSY_IDLE, Availability.DO_NOT_DISTURB);

  private static final System.Logger LOG = System.getLogger(CallerHandOver.class.getName());

  private final CallerCall call;
  private final ExtendContext context;
  private final HoldLoop hold;
  private final QueuedCaller waiting;
  private @Nullable AgentOffer connecting;
  private boolean agentSeenInACall;
  private boolean agentCallOver;

  CallerHandOver(CallerCall call, ExtendContext context, HoldLoop hold, QueuedCaller waiting) {
    this.call = call;
    this.context = context;
    this.hold = hold;
    this.waiting = waiting;
  }

  /** The offer whose agent is being (or was) handed the caller, if any. */
  @Nullable AgentOffer connecting() {
    return connecting;
  }

  /**
   * The agent answered {@code offer}'s call: taken if the tenant still offers them the caller (the
   * music stops and the caller's call is transferred onto the agent's), else hung up.
   */
  void take(AgentOffer offer) {
    InteractionId id = call.interaction();
    if (call.state() != CallerCallState.QUEUED || id == null) {
      offer.cancel();
      return;
    }
    // Watch before accepting: Teams reports the agent busy as the call is answered, and that change
    // may reach the tenant before or while the offer is accepted. Changes from now on queue on
    // this lane behind this method; one that came first is read from the tenant's state.
    context.registry().watchPresence(offer.agent(), call, true);
    @Nullable Availability presenceNow =
        context
            .tenant()
            .ask(
                tenant -> {
                  tenant.acceptOffer(offer.reservation());
                  Agent agent = tenant.state().agent(offer.agent());
                  return agent == null ? Availability.AVAILABLE : agent.presence();
                })
            .exceptionally(refused -> null)
            .join();
    if (presenceNow == null) {
      context.registry().watchPresence(offer.agent(), call, false);
      offer.cancel();
      return;
    }
    connecting = offer;
    agentSeenInACall = IN_A_CALL.contains(presenceNow);
    agentCallOver = false;
    call.move(CallerCallState.CONNECTING);
    hold.stop();
    offer.joining();
    try {
      context.graph().transfer(call.callId(), offer.teamsUser(), offer.callId());
    } catch (GraphException | RuntimeException failed) {
      transferFailed(failed.getMessage());
    }
  }

  /** The caller's call could not be transferred onto the agent's: back to the queue. */
  void transferFailed(@Nullable String why) {
    AgentOffer offer = connecting;
    InteractionId id = call.interaction();
    QueueId waitingIn = waiting.queue();
    if (offer == null || id == null || waitingIn == null) {
      return;
    }
    LOG.log(System.Logger.Level.WARNING, "transfer of call {0} failed: {1}", call.callId(), why);
    connecting = null;
    offer.joinFailed();
    offer.cancel();
    context.registry().watchPresence(offer.agent(), call, false);
    call.move(CallerCallState.QUEUED);
    call.tell(tenant -> tenant.work().transferToQueue(id, waitingIn));
  }

  /** The caller talks to the agent now; the end comes from the agent's presence. */
  void handedOver() {
    AgentOffer offer = connecting;
    if (offer != null) {
      offer.joined();
    }
  }

  void agentPresence(Availability availability) {
    if (connecting == null) {
      return;
    }
    if (IN_A_CALL.contains(availability)) {
      agentSeenInACall = true;
      return;
    }
    InteractionId id = call.interaction();
    if (agentSeenInACall
        && !agentCallOver
        && call.state() == CallerCallState.HANDED_OVER
        && id != null) {
      agentCallOver = true;
      call.tell(tenant -> tenant.callEnded(id, DisconnectedBy.UNKNOWN));
    }
  }

  /** The interaction's call ended in the domain (presence, the agent app): the bot lets go. */
  void agentCallEnded() {
    AgentOffer offer = connecting;
    if (offer != null) {
      context.registry().watchPresence(offer.agent(), call, false);
    }
    if (call.state() == CallerCallState.HANDED_OVER) {
      call.end(true);
    }
  }
}
