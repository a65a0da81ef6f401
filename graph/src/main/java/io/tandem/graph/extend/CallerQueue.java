package io.tandem.graph.extend;

import io.tandem.core.agent.AgentId;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.ReservationId;
import io.tandem.core.queue.QueueId;
import io.tandem.core.tenant.QueuedCaller;
import io.tandem.core.tenant.SerialLane;
import io.tandem.graph.calls.CallSignal;
import io.tandem.graph.calls.CommsOperation;
import io.tandem.graph.calls.GraphTarget;
import io.tandem.graph.calls.ResultInfo;
import io.tandem.graph.client.GraphException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A caller call's time in the queue: music on hold, and offers to agents, as calls to their Teams
 * users (hand-over mode; the agent who answered is taken by {@link CallerHandOver}) or as
 * invitations into the caller's call (stay-in-call mode; the agent who joined is taken here and the
 * talk goes to {@link CallerWithAgent}). Confined to the call's lane.
 */
final class CallerQueue implements Offer.Outcome, QueuedCaller.Steps {

  private static final System.Logger LOG = System.getLogger(CallerQueue.class.getName());

  private final CallerCall call;
  private final ExtendContext context;
  private final HoldLoop hold;
  private final CallerWithAgent withAgent;
  private final Map<ReservationId, Offer> offers = new LinkedHashMap<>();
  private final Map<String, AgentOffer> offersByCall = new HashMap<>();
  private final QueuedCaller waiting;
  private final CallerHandOver handOver;

  CallerQueue(CallerCall call, ExtendContext context, SerialLane lane, CallerWithAgent withAgent) {
    this.call = call;
    this.withAgent = withAgent;
    this.context = context;
    this.hold = new HoldLoop(call.callId(), context.graph(), context.prompts(), context.clock());
    this.waiting = new QueuedCaller(context.tenant(), this);
    this.handOver = new CallerHandOver(call, context, hold, waiting);
  }

  /** The hand-over of the caller to an agent who answered a call of their own. */
  CallerHandOver handOver() {
    return handOver;
  }

  void event(InteractionEvent event) {
    waiting.on(event);
  }

  @Override
  public void queued(QueueId id) {
    if (call.state() == CallerCallState.IN_FLOW) {
      call.move(CallerCallState.QUEUED);
    }
    if (call.state() != CallerCallState.QUEUED) {
      return;
    }
    hold.start(waiting.announcements(id).join(), () -> waiting.place(call.interaction()).join());
  }

  @Override
  public void offered(ReservationId reservation, AgentId agent, Instant deadline) {
    if (call.state() != CallerCallState.QUEUED) {
      return;
    }
    QueuedCaller.AgentTeamsUser teamsUser = waiting.teamsUserOf(agent).join().orElse(null);
    if (teamsUser == null) {
      LOG.log(System.Logger.Level.WARNING, "agent {0} has no Teams user to ring", agent);
      call.tell(tenant -> tenant.declineOffer(reservation));
      return;
    }
    GraphTarget.TeamsUser target =
        new GraphTarget.TeamsUser(teamsUser.userId(), teamsUser.displayName());
    if (context.settings().offerMode() == OfferMode.STAY_IN_CALL) {
      AgentInvitation invitation =
          new AgentInvitation(reservation, agent, target, call.callId(), context.graph(), this);
      offers.put(reservation, invitation);
      invitation.invite();
      return;
    }
    AgentOffer offer = new AgentOffer(reservation, agent, target, context.graph(), this);
    offers.put(reservation, offer);
    try {
      String agentCallId =
          context
              .graph()
              .createCall(
                  context.settings().microsoftTenantId(),
                  call.applicationInstanceId(),
                  target,
                  context.settings().callbackUri());
      offer.placed(agentCallId);
      offersByCall.put(agentCallId, offer);
      context.registry().claim(agentCallId, call).forEach(offer::signal);
    } catch (GraphException | RuntimeException failed) {
      LOG.log(System.Logger.Level.WARNING, "could not call agent " + agent, failed);
      unreachable(offer, null);
    }
  }

  @Override
  public void offerEnded(ReservationId reservation) {
    Offer offer = offers.remove(reservation);
    if (offer != null && offer != handOver.connecting()) {
      offer.cancel();
    }
  }

  void offerSignal(CallSignal signal) {
    AgentOffer offer = offersByCall.get(signal.callId());
    if (offer != null) {
      offer.signal(signal);
    }
  }

  /** The caller's call's roster changed: an invited agent may have joined. */
  void roster(CallSignal.RosterUpdated roster) {
    for (Offer offer : java.util.List.copyOf(offers.values())) {
      if (offer instanceof AgentInvitation invitation) {
        invitation.roster(roster);
      }
    }
  }

  @Override
  public void answered(Offer answered) {
    switch (answered) {
      case AgentOffer offer -> handOver.take(offer);
      case AgentInvitation invitation -> joined(invitation);
    }
  }

  /**
   * An invited agent is in the caller's call: taken if the tenant still offers them the caller (the
   * music stops, every other invitation is cancelled), else removed.
   */
  private void joined(AgentInvitation invitation) {
    InteractionId id = call.interaction();
    String participant = invitation.participantId();
    boolean accepted =
        call.state() == CallerCallState.QUEUED
            && id != null
            && participant != null
            && context
                .tenant()
                .ask(
                    tenant -> {
                      tenant.acceptOffer(invitation.reservation());
                      return true;
                    })
                .exceptionally(refused -> false)
                .join();
    if (!accepted || participant == null) {
      offers.remove(invitation.reservation());
      invitation.cancel();
      return;
    }
    offers.remove(invitation.reservation());
    invitation.taken();
    hold.stop();
    offers.values().forEach(Offer::cancel);
    offers.clear();
    withAgent.start(participant);
  }

  @Override
  public void unreachable(Offer offer, @Nullable ResultInfo why) {
    if (offers.remove(offer.reservation()) == null) {
      return;
    }
    LOG.log(
        System.Logger.Level.INFO,
        "agent {0} did not take the call ({1})",
        offer.agent(),
        why == null ? "not placed" : why);
    call.tell(tenant -> tenant.declineOffer(offer.reservation()));
  }

  void operationCompleted(CommsOperation operation) {
    if (hold.completed(operation)) {
      return;
    }
    for (Offer offer : java.util.List.copyOf(offers.values())) {
      if (offer instanceof AgentInvitation invitation && invitation.completed(operation)) {
        return;
      }
    }
  }

  /**
   * The call is over for the bot: silence (cancelled on Graph unless {@code callGone}), and every
   * ringing agent hung up.
   */
  void stopAll(boolean callGone) {
    if (callGone) {
      hold.forget();
    } else if (hold.playing()) {
      hold.stop();
    }
    offers.values().stream()
        .filter(offer -> offer != handOver.connecting())
        .filter(offer -> !(callGone && offer instanceof AgentInvitation))
        .forEach(Offer::cancel);
    offers.clear();
  }
}
