package io.tandem.graph.extend;

import io.tandem.core.callcontrol.CallTarget;
import io.tandem.graph.calls.CallSignal;
import io.tandem.graph.calls.CommsOperation;
import io.tandem.graph.calls.GraphCallsApi;
import io.tandem.graph.calls.GraphTarget;
import io.tandem.graph.client.GraphException;
import org.jspecify.annotations.Nullable;

/**
 * The party the agent invited into the caller's call (a consultation or a blind transfer's target):
 * whom, their participant id, the invitation's operation, and whether they are in the roster. One
 * at a time. Confined to the call's lane.
 */
final class Invitee {

  private static final System.Logger LOG = System.getLogger(Invitee.class.getName());

  private final String callId;
  private final GraphCallsApi graph;
  private @Nullable CallTarget target;
  private @Nullable String participantId;
  private @Nullable String clientContext;
  private boolean in;
  private int sequence;

  Invitee(String callId, GraphCallsApi graph) {
    this.callId = callId;
    this.graph = graph;
  }

  /** Whom the agent invited; null when nobody is invited now. */
  @Nullable CallTarget target() {
    return target;
  }

  /** Invites {@code party}; its operation's clientContext starts with {@code context}. */
  void invite(CallTarget party, GraphTarget graphTarget, String context) throws GraphException {
    String unique = context + "-" + (++sequence);
    GraphCallsApi.Invitation invitation = graph.invite(callId, graphTarget, unique);
    target = party;
    participantId = invitation.participantId();
    clientContext = unique;
    in = false;
  }

  /** Whether {@code operation} is the current invitation's. */
  boolean isInvitation(CommsOperation operation) {
    return clientContext != null && clientContext.equals(operation.clientContext());
  }

  /** Whether the invitee has just appeared in {@code roster}. */
  boolean joinedIn(CallSignal.RosterUpdated roster) {
    CallTarget party = target;
    if (party == null || in) {
      return false;
    }
    for (CallSignal.Participant participant : roster.participants()) {
      boolean match =
          participantId != null
              ? participant.id().equals(participantId)
              : names(party, participant);
      if (match) {
        participantId = participant.id();
        in = true;
        return true;
      }
    }
    return false;
  }

  /** Whether the invitee was in the call and is not in {@code roster}. */
  boolean leftFrom(CallSignal.RosterUpdated roster) {
    return in && !roster.contains(participantId);
  }

  /** Takes the invitee out of the call, or stops ringing them; nobody is invited after. */
  void remove() {
    String id = participantId;
    boolean invited = target != null;
    forget();
    if (id == null || !invited) {
      return;
    }
    try {
      graph.removeParticipant(callId, id);
    } catch (GraphException | RuntimeException failed) {
      LOG.log(System.Logger.Level.DEBUG, "could not remove invitee " + id, failed);
    }
  }

  /** Nobody is invited any more (the invitee declined, left, or was removed). */
  void forget() {
    target = null;
    participantId = null;
    clientContext = null;
    in = false;
  }

  private static boolean names(CallTarget party, CallSignal.Participant participant) {
    return switch (party) {
      case CallTarget.TeamsUser user -> user.objectId().equalsIgnoreCase(participant.userId());
      case CallTarget.PhoneNumber number -> number.e164().equals(participant.phone());
      case CallTarget.Queue queue -> false;
    };
  }
}
