package io.tandem.emulator.graph.calls;

import io.tandem.emulator.graph.GraphErrors;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The roster a bot changes: {@code participants/invite} rings the first invitee and adds them when
 * they answer (roster update, then the operation completes); removing a participant hangs up their
 * leg (the PSTN caller, the person an outgoing call reached, or an invitee) and updates the roster,
 * and removing an invitee who still rings cancels the invitation. An invitee who hangs up leaves
 * the roster. Invitees are hung up when the call ends.
 */
final class Participants {

  private final CallControl control;
  private final BotNotifier notifier;
  private final Callees callees;
  private final Journal journal;

  Participants(CallControl control, BotNotifier notifier, Callees callees, Journal journal) {
    this.control = control;
    this.notifier = notifier;
    this.callees = callees;
    this.journal = journal;
  }

  /**
   * startHoldMusic ({@code on}) or stopHoldMusic on a participant, with the call's lock held: the
   * participant hears hold music and is out of the call's mix until it stops (journal {@code
   * participant.holdMusicStarted} / {@code participant.holdMusicStopped}, once per change).
   */
  void holdMusic(GraphCall call, String participantId, boolean on) {
    boolean changed =
        on ? call.onHoldMusic.add(participantId) : call.onHoldMusic.remove(participantId);
    if (changed) {
      journal.event(
          Channel.GRAPH,
          on ? "participant.holdMusicStarted" : "participant.holdMusicStopped",
          call.id,
          Map.of("participant", participantId));
    }
  }

  /**
   * participants/invite: rings the first participant; the operation (which names the invitee's
   * {@code participantId} in its {@code participants}) completes when they answer, or fails.
   */
  CommsOperation invite(GraphCall call, Target target, @Nullable String clientContext) {
    CommsOperation operation;
    String participantId = UUID.randomUUID().toString();
    ObjectNode identity =
        callees
            .user(call.tenantId, target)
            .map(user -> Parties.userIdentity(user, call.tenantId))
            .orElseGet(() -> Parties.phoneIdentity(target.id(), null));
    AtomicReference<@Nullable Runnable> stopRinging = new AtomicReference<>();
    synchronized (call) {
      Transfers.requirePstnAllowed(call, target, "invite");
      if (call.state != CallState.ESTABLISHED) {
        throw new IllegalCallStateException(call.id, call.state, "invite");
      }
      operation =
          new CommsOperation(
              UUID.randomUUID().toString(), "inviteParticipantsOperation", clientContext);
      ObjectNode invitee = operation.extra.putArray("participants").addObject();
      invitee.put("@odata.type", "#microsoft.graph.invitationParticipantInfo");
      invitee.set("identity", identity.deepCopy());
      invitee.put("participantId", participantId);
      call.operations.put(operation.id, operation);
      call.pendingInvites.put(
          participantId,
          () -> {
            Runnable stop = stopRinging.get();
            if (stop != null) {
              stop.run();
            }
          });
    }
    CommsOperation invited = operation;
    stopRinging.set(
        callees.ring(
            call,
            target,
            new Callees.ForCall(
                call, () -> call.live() && call.pendingInvites.containsKey(participantId)) {
              @Override
              void reached(String personId, Runnable hangUpPerson) {
                call.pendingInvites.remove(participantId);
                call.participants.put(participantId, CallJson.participant(participantId, identity));
                call.invitedLegs.put(participantId, hangUpPerson);
                notifier.rosterChanged(call);
                invited.finish(ResultInfos.completed());
                notifier.operationDone(call, invited);
              }

              @Override
              public void failed(ObjectNode why) {
                synchronized (call) {
                  call.pendingInvites.remove(participantId);
                  if (call.live() && invited.running()) {
                    invited.finish(why);
                    notifier.operationDone(call, invited);
                  }
                }
              }

              @Override
              public void personHungUp() {
                left(call, participantId);
              }
            }));
    return operation;
  }

  /** An invitee hung up: out of the roster; the bot left alone ends the call (200/5010). */
  private void left(GraphCall call, String participantId) {
    synchronized (call) {
      if (!call.live() || call.participants.remove(participantId) == null) {
        return;
      }
      call.invitedLegs.remove(participantId);
      call.onHoldMusic.remove(participantId);
      notifier.rosterChanged(call);
      endIfAlone(call);
    }
  }

  /**
   * Removing an invitee who still rings cancels the invitation (participant-delete.md): the ringing
   * stops and the operation fails with 487 (the emulator's code; Graph documents none).
   */
  private boolean cancelInvitation(GraphCall call, String participantId) {
    Runnable stop = call.pendingInvites.remove(participantId);
    if (stop == null) {
      return false;
    }
    stop.run();
    for (CommsOperation operation : call.operations.values()) {
      if (operation.running()
          && operation.type.equals("inviteParticipantsOperation")
          && participantId.equals(
              operation.extra.path("participants").path(0).path("participantId").asString(""))) {
        operation.finish(ResultInfos.of(487, 0, "The invitation was cancelled."));
        notifier.operationDone(call, operation);
      }
    }
    return true;
  }

  /** Removes a participant and hangs up their leg; the bot left alone ends the call (200/5010). */
  void remove(GraphCall call, String participantId) {
    synchronized (call) {
      if (cancelInvitation(call, participantId)) {
        return;
      }
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
      call.onHoldMusic.remove(participantId);
      notifier.rosterChanged(call);
      endIfAlone(call);
    }
  }

  private void endIfAlone(GraphCall call) {
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
