package io.tandem.acs.unify;

import io.tandem.acs.client.AcsException;
import io.tandem.acs.client.AddParticipant;
import io.tandem.acs.client.AddedParticipant;
import io.tandem.acs.client.Identifier;
import io.tandem.acs.events.CallEvent;
import io.tandem.core.agent.AgentId;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.ReservationId;
import io.tandem.core.queue.QueueId;
import io.tandem.core.tenant.QueuedCaller;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A caller's time in the queue: music on hold, offers to agents as invitations into the call, the
 * agent who answered joining the caller. Confined to the call's lane.
 */
final class CallerQueue implements QueuedCaller.Steps {

  private static final System.Logger LOG = System.getLogger(CallerQueue.class.getName());
  private static final Duration RING_MARGIN = Duration.ofSeconds(5);
  private static final Duration LONGEST_RING = Duration.ofSeconds(180);

  private final CallerConnection call;
  private final UnifyContext context;
  private final HoldMusic hold;
  private final Map<ReservationId, AgentInvitation> invitations = new LinkedHashMap<>();
  private final QueuedCaller waiting;
  private @Nullable AgentInvitation joined;

  CallerQueue(CallerConnection call, UnifyContext context, HoldMusic hold) {
    this.call = call;
    this.context = context;
    this.hold = hold;
    this.waiting = new QueuedCaller(context.tenant(), this);
  }

  @Nullable AgentInvitation joined() {
    return joined;
  }

  /** The agent who joined left the call; the caller waits for the next one. */
  void agentLeft() {
    AgentInvitation left = joined;
    if (left != null) {
      invitations.remove(left.reservation());
      left.over();
    }
    joined = null;
  }

  void event(InteractionEvent event) {
    waiting.on(event);
  }

  @Override
  public void queued(QueueId id) {
    if (call.state() == CallerConnectionState.IN_FLOW) {
      call.move(CallerConnectionState.QUEUED);
    }
    if (call.state() != CallerConnectionState.QUEUED) {
      return;
    }
    hold.start(waiting.announcements(id).join(), () -> waiting.place(call.interaction()).join());
  }

  @Override
  public void offered(ReservationId reservation, AgentId agent, Instant deadline) {
    if (call.state() != CallerConnectionState.QUEUED) {
      return;
    }
    QueuedCaller.AgentTeamsUser teamsUser = waiting.teamsUserOf(agent).join().orElse(null);
    if (teamsUser == null) {
      LOG.log(System.Logger.Level.WARNING, "agent {0} has no Teams identity to invite", agent);
      call.tell(tenant -> tenant.declineOffer(reservation));
      return;
    }
    UnifySettings settings = context.settings();
    AgentInvitation invitation =
        new AgentInvitation(
            reservation,
            agent,
            new Identifier.TeamsExtensionUser(
                teamsUser.userId(), settings.microsoftTenantId(), settings.acsResourceId()));
    invitations.put(reservation, invitation);
    try {
      AddedParticipant added =
          context
              .acs()
              .addParticipant(
                  call.connectionId(),
                  new AddParticipant(
                      invitation.identity(),
                      ringFor(deadline),
                      null,
                      null,
                      null,
                      invitation.context()));
      invitation.ringing(added.invitationId());
    } catch (AcsException | RuntimeException refused) {
      LOG.log(System.Logger.Level.WARNING, "could not invite agent " + agent, refused);
      failed(invitation, "not invited: " + refused.getMessage());
    }
  }

  /**
   * How long the agent's Teams rings: past the reservation's deadline, so that the domain decides
   * RONA and cancels the invitation; at least the configured invitation timeout.
   */
  private Duration ringFor(Instant deadline) {
    Duration untilDeadline =
        Duration.between(context.clock().instant(), deadline).plus(RING_MARGIN);
    Duration ring =
        untilDeadline.compareTo(context.settings().invitationTimeout()) > 0
            ? untilDeadline
            : context.settings().invitationTimeout();
    ring = Duration.ofSeconds(ring.toSeconds() + (ring.toNanosPart() > 0 ? 1 : 0));
    return ring.compareTo(LONGEST_RING) > 0 ? LONGEST_RING : ring;
  }

  @Override
  public void offerEnded(ReservationId reservation) {
    AgentInvitation invitation = invitations.remove(reservation);
    if (invitation == null || invitation == joined) {
      return;
    }
    ringOff(invitation);
  }

  private void ringOff(AgentInvitation invitation) {
    String invitationId = invitation.invitationId();
    boolean ringing = invitation.state() == AgentInvitation.State.RINGING;
    invitation.over();
    if (!ringing || invitationId == null) {
      return;
    }
    try {
      context
          .acs()
          .cancelAddParticipant(
              call.connectionId(), invitationId, "cancel-" + invitation.context());
    } catch (AcsException | RuntimeException refused) {
      LOG.log(System.Logger.Level.DEBUG, "cancel of an invitation refused", refused);
    }
  }

  /** Handles a participant event if it concerns one of the invitations. */
  boolean handled(CallEvent event) {
    String operation = event.operationContext();
    if (operation == null || !operation.startsWith(AgentInvitation.CONTEXT)) {
      return operation != null && operation.startsWith("cancel-" + AgentInvitation.CONTEXT);
    }
    AgentInvitation invitation = find(operation);
    if (invitation == null) {
      if (event instanceof CallEvent.AddParticipantSucceeded late) {
        removeLate(late.participantRawId());
      }
      return true;
    }
    switch (event) {
      case CallEvent.AddParticipantSucceeded added -> answered(invitation);
      case CallEvent.AddParticipantFailed refused ->
          failed(invitation, String.valueOf(refused.base().result()));
      default -> {
        // Removal results of an invitation: nothing more to decide.
      }
    }
    return true;
  }

  private @Nullable AgentInvitation find(String operationContext) {
    for (AgentInvitation invitation : invitations.values()) {
      if (invitation.context().equals(operationContext)) {
        return invitation;
      }
    }
    return null;
  }

  private void answered(AgentInvitation invitation) {
    InteractionId id = call.interaction();
    if (call.state() != CallerConnectionState.QUEUED || id == null) {
      remove(invitation);
      return;
    }
    boolean accepted =
        context
            .tenant()
            .ask(
                tenant -> {
                  tenant.acceptOffer(invitation.reservation());
                  return true;
                })
            .exceptionally(refused -> false)
            .join();
    if (!accepted) {
      remove(invitation);
      return;
    }
    invitation.joined();
    joined = invitation;
    hold.stop(false);
    call.withAgent().joined(invitation);
  }

  private void failed(AgentInvitation invitation, String why) {
    if (invitations.remove(invitation.reservation()) == null) {
      return;
    }
    invitation.over();
    LOG.log(
        System.Logger.Level.INFO, "agent {0} did not take the call ({1})", invitation.agent(), why);
    call.tell(tenant -> tenant.declineOffer(invitation.reservation()));
  }

  private void remove(AgentInvitation invitation) {
    invitations.remove(invitation.reservation());
    invitation.over();
    removeLate(invitation.identity().rawId());
  }

  /** An agent joined whose offer is over: they are taken out of the call again. */
  private void removeLate(@Nullable String rawId) {
    if (rawId == null) {
      return;
    }
    try {
      context
          .acs()
          .removeParticipant(call.connectionId(), Identifier.fromRawId(rawId), "late-agent");
    } catch (AcsException | RuntimeException refused) {
      LOG.log(System.Logger.Level.DEBUG, "could not remove a late agent", refused);
    }
  }

  /** The call is over or handed on: the music stops, every ringing agent stops ringing. */
  void stopAll(boolean callGone) {
    hold.stop(callGone);
    for (AgentInvitation invitation : new ArrayList<>(invitations.values())) {
      if (invitation != joined && !callGone) {
        ringOff(invitation);
      }
    }
    invitations.clear();
  }
}
