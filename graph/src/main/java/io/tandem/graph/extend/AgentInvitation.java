package io.tandem.graph.extend;

import io.tandem.core.agent.AgentId;
import io.tandem.core.interaction.ReservationId;
import io.tandem.graph.calls.CallSignal;
import io.tandem.graph.calls.CommsOperation;
import io.tandem.graph.calls.GraphCallsApi;
import io.tandem.graph.calls.GraphTarget;
import io.tandem.graph.client.GraphException;
import org.jspecify.annotations.Nullable;

/**
 * One offer of a caller to an agent in stay-in-call mode: {@code participants/invite} of the
 * agent's Teams user into the caller's call. The roster showing the invitee (or the invitation's
 * operation completing) is the answer; the operation failing is a decline, busy or no answer;
 * cancelling removes the invitee, which stops a ringing invitation. Confined to the caller call's
 * lane.
 */
final class AgentInvitation implements Offer {

  /** Where the invitation is. */
  enum State {
    /** The agent's Teams rings. */
    RINGING,
    /** The agent is in the caller's call; the caller's queue decides whether they are taken. */
    JOINED,
    /** The agent was taken: the call is theirs. */
    TAKEN,
    /** Over without the agent (declined, not reached, cancelled). */
    ENDED
  }

  /** The clientContext prefix of the invitations' operations. */
  static final String CONTEXT = "offer-";

  private static final System.Logger LOG = System.getLogger(AgentInvitation.class.getName());

  private final ReservationId reservation;
  private final AgentId agent;
  private final GraphTarget.TeamsUser teamsUser;
  private final String callId;
  private final GraphCallsApi graph;
  private final Offer.Outcome outcome;
  private final String clientContext;
  private State state = State.RINGING;
  private @Nullable String participantId;

  AgentInvitation(
      ReservationId reservation,
      AgentId agent,
      GraphTarget.TeamsUser teamsUser,
      String callId,
      GraphCallsApi graph,
      Offer.Outcome outcome) {
    this.reservation = reservation;
    this.agent = agent;
    this.teamsUser = teamsUser;
    this.callId = callId;
    this.graph = graph;
    this.outcome = outcome;
    this.clientContext = CONTEXT + reservation.value();
  }

  @Override
  public ReservationId reservation() {
    return reservation;
  }

  @Override
  public AgentId agent() {
    return agent;
  }

  State state() {
    return state;
  }

  /** The agent's participant id in the caller's call, once known. */
  @Nullable String participantId() {
    return participantId;
  }

  /** Rings the agent: invites their Teams user into the caller's call. */
  void invite() {
    try {
      participantId = graph.invite(callId, teamsUser, clientContext).participantId();
    } catch (GraphException | RuntimeException failed) {
      LOG.log(System.Logger.Level.WARNING, "could not invite agent " + agent, failed);
      state = State.ENDED;
      outcome.unreachable(this, null);
    }
  }

  /** The caller's call's roster changed: the agent joined if they are in it now. */
  void roster(CallSignal.RosterUpdated roster) {
    if (state != State.RINGING) {
      return;
    }
    for (CallSignal.Participant participant : roster.participants()) {
      boolean invitee =
          participantId != null
              ? participant.id().equals(participantId)
              : teamsUser.userId().equalsIgnoreCase(participant.userId());
      if (invitee) {
        participantId = participant.id();
        joined();
        return;
      }
    }
  }

  /** Handles the invitation's operation completing; false if {@code operation} is not its. */
  boolean completed(CommsOperation operation) {
    if (!clientContext.equals(operation.clientContext())) {
      return false;
    }
    if (state != State.RINGING) {
      return true;
    }
    if (operation.status() == CommsOperation.Status.COMPLETED && participantId != null) {
      joined();
    } else if (operation.status() == CommsOperation.Status.FAILED) {
      state = State.ENDED;
      outcome.unreachable(this, operation.resultInfo());
    }
    return true;
  }

  /** The caller's queue took the agent: the invitation is the agent's place in the call now. */
  void taken() {
    if (state == State.JOINED) {
      state = State.TAKEN;
    }
  }

  /** Stops the ringing, or lets go of an agent who joined but was not taken. */
  @Override
  public void cancel() {
    if (state == State.ENDED || state == State.TAKEN) {
      return;
    }
    state = State.ENDED;
    if (participantId == null) {
      return;
    }
    try {
      graph.removeParticipant(callId, participantId);
    } catch (GraphException | RuntimeException failed) {
      LOG.log(System.Logger.Level.DEBUG, "could not remove invitee " + participantId, failed);
    }
  }

  private void joined() {
    state = State.JOINED;
    outcome.answered(this);
  }
}
