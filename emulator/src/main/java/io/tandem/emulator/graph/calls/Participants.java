package io.tandem.emulator.graph.calls;

import io.tandem.emulator.graph.GraphErrors;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The roster a bot changes: {@code participants/invite} rings the first invitee and adds them when
 * they answer (roster update, then the operation completes); removing a participant hangs up their
 * leg (the PSTN caller, the person an outgoing call reached, or an invitee) and updates the roster.
 * Invitees are hung up when the call ends.
 */
final class Participants {

  private final CallControl control;
  private final BotNotifier notifier;
  private final Callees callees;

  Participants(CallControl control, BotNotifier notifier, Callees callees) {
    this.control = control;
    this.notifier = notifier;
    this.callees = callees;
  }

  /** participants/invite: rings the first participant; the operation completes when it answers. */
  CommsOperation invite(GraphCall call, Target target, @Nullable String clientContext) {
    CommsOperation operation;
    synchronized (call) {
      Transfers.requirePstnAllowed(call, target, "invite");
      if (call.state != CallState.ESTABLISHED) {
        throw new IllegalCallStateException(call.id, call.state, "invite");
      }
      operation =
          new CommsOperation(
              UUID.randomUUID().toString(), "inviteParticipantsOperation", clientContext);
      call.operations.put(operation.id, operation);
    }
    CommsOperation invited = operation;
    callees.ring(
        call,
        target,
        new Callees.ForCall(call, call::live) {
          @Override
          void reached(String personId, Runnable hangUpPerson) {
            String participantId = UUID.randomUUID().toString();
            ObjectNode identity =
                callees
                    .user(call.tenantId, target)
                    .map(user -> Parties.userIdentity(user, call.tenantId))
                    .orElseGet(() -> Parties.phoneIdentity(target.id(), null));
            call.participants.put(participantId, CallJson.participant(participantId, identity));
            call.invitedLegs.put(participantId, hangUpPerson);
            notifier.rosterChanged(call);
            invited.finish(ResultInfos.completed());
            notifier.operationDone(call, invited);
          }

          @Override
          public void failed(ObjectNode why) {
            synchronized (call) {
              if (call.live() && invited.running()) {
                invited.finish(why);
                notifier.operationDone(call, invited);
              }
            }
          }
        });
    return operation;
  }

  /** Removes a participant and hangs up their leg; the bot left alone ends the call (200/5010). */
  void remove(GraphCall call, String participantId) {
    synchronized (call) {
      if (participantId.equals(call.myParticipantId)
          || call.participants.remove(participantId) == null) {
        throw GraphErrors.notFound(
            "Participant " + participantId + " is not in call " + call.id + ".");
      }
      if (participantId.equals(call.remoteParticipantId)) {
        RemoteParty remote = call.remote;
        call.remote = null;
        call.remoteParticipantId = null;
        if (remote != null) {
          remote.botLeft();
        }
      }
      Runnable leg = call.invitedLegs.remove(participantId);
      if (leg != null) {
        leg.run();
      }
      notifier.rosterChanged(call);
      if (call.participants.size() <= 1) {
        control.end(
            call,
            ResultInfos.of(
                200,
                5010,
                "The conversation has ended as only one participant remained in the conversation."));
      }
    }
  }
}
