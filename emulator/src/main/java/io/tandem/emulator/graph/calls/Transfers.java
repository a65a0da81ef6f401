package io.tandem.emulator.graph.calls;

import io.tandem.emulator.graph.GraphErrors;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Handing calls on: blind and consultative transfer, redirect of an incoming call, and inviting
 * participants, with the notifications Graph sends for each ({@code transferring}, {@code
 * transferAccepted}, terminated 7015; back to {@code established} with 7000/7700 on failure).
 */
final class Transfers {

  private final Calls calls;
  private final CallControl control;
  private final BotNotifier notifier;
  private final Callees callees;
  private final Journal journal;
  private final Supplier<GraphCallsSettings> settings;

  Transfers(
      Calls calls,
      CallControl control,
      BotNotifier notifier,
      Callees callees,
      Journal journal,
      Supplier<GraphCallsSettings> settings) {
    this.calls = calls;
    this.control = control;
    this.notifier = notifier;
    this.callees = callees;
    this.journal = journal;
    this.settings = settings;
  }

  /** transfer: the remote party goes to {@code target}; the bot's call ends if it answers. */
  void transfer(GraphCall call, Target target) {
    synchronized (call) {
      requirePstnAllowed(call, target, "transfer");
      CallControl.requireState(call, CallState.ESTABLISHED, "transfer");
      call.resultInfo = null;
      call.move(CallState.TRANSFERRING);
      notifier.stateChanged(call);
      journal.event(Channel.GRAPH, "call.transferring", call.id, Map.of("target", target.id()));
      if (target.replacesCallId() != null) {
        consultative(call, target.replacesCallId());
        return;
      }
    }
    callees.ring(
        call.tenantId,
        call.id,
        target,
        settings.get().ringTimeout(),
        new Callees.Outcome() {
          @Override
          public void answered(String personId, Runnable hangUpPerson) {
            synchronized (call) {
              if (call.state != CallState.TRANSFERRING) {
                hangUpPerson.run();
                return;
              }
              call.move(CallState.TRANSFER_ACCEPTED);
              notifier.stateChanged(call);
              if (call.remote != null) {
                call.remote.handedToPerson(personId, hangUpPerson);
              }
              control.end(call, ResultInfos.transferCompleted());
            }
          }

          @Override
          public void failed(ObjectNode why) {
            transferFailed(call, false, why.path("message").asString());
          }

          @Override
          public void personHungUp() {
            journal.event(Channel.WORLD, "person.hungUp", call.id, Map.of("target", target.id()));
          }
        });
  }

  private void consultative(GraphCall call, String replacesCallId) {
    GraphCall replaced = calls.find(replacesCallId).orElse(null);
    if (replaced == null || replaced == call || !replaced.appId.equals(call.appId)) {
      transferFailed(
          call,
          true,
          "The call to replace, " + replacesCallId + ", is not a live call of this bot.");
      return;
    }
    call.move(CallState.TRANSFER_ACCEPTED);
    notifier.stateChanged(call);
    if (call.remote != null) {
      call.remote.handedToPerson("call:" + replaced.id, () -> {});
    }
    call.terminationReason = "AppTransferred";
    control.end(call, ResultInfos.transferCompleted());
    synchronized (replaced) {
      replaced.terminationReason = "AppTransferred";
      control.end(replaced, ResultInfos.transferCompleted());
    }
  }

  private void transferFailed(GraphCall call, boolean consultative, String why) {
    synchronized (call) {
      if (call.state != CallState.TRANSFERRING) {
        return;
      }
      call.move(CallState.ESTABLISHED);
      call.resultInfo = ResultInfos.transferFailed(consultative, why);
      journal.event(Channel.GRAPH, "call.transferFailed", call.id, Map.of("why", why));
      notifier.stateChanged(call);
    }
  }

  /** redirect: the incoming call rings {@code target} instead; the bot leaves the call. */
  void redirect(
      GraphCall call,
      Target target,
      @Nullable Duration timeout,
      java.net.@Nullable URI callbackUri) {
    synchronized (call) {
      requirePstnAllowed(call, target, "redirect");
      CallControl.requireState(call, CallState.INCOMING, "redirect");
      if (call.answerDeadline != null) {
        call.answerDeadline.cancel();
      }
      if (callbackUri != null) {
        call.callbackUri = callbackUri;
      }
      call.move(CallState.REDIRECTING);
      notifier.stateChanged(call);
    }
    callees.ring(
        call.tenantId,
        call.id,
        target,
        timeout != null ? timeout : settings.get().ringTimeout(),
        new Callees.Outcome() {
          @Override
          public void answered(String personId, Runnable hangUpPerson) {
            synchronized (call) {
              if (call.remote != null) {
                call.remote.handedToPerson(personId, hangUpPerson);
              }
              control.end(call, ResultInfos.redirected());
            }
          }

          @Override
          public void failed(ObjectNode why) {
            control.end(call, why);
          }
        });
  }

  /** participants/invite: rings the first participant; the operation completes when it answers. */
  CommsOperation invite(GraphCall call, Target target, @Nullable String clientContext) {
    CommsOperation operation;
    synchronized (call) {
      requirePstnAllowed(call, target, "invite");
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
        call.tenantId,
        call.id,
        target,
        settings.get().ringTimeout(),
        new Callees.Outcome() {
          @Override
          public void answered(String personId, Runnable hangUpPerson) {
            synchronized (call) {
              if (!call.live()) {
                hangUpPerson.run();
                return;
              }
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

  /** Removes a participant; the bot left alone ends the call (200/5010). */
  void removeParticipant(GraphCall call, String participantId) {
    synchronized (call) {
      if (participantId.equals(call.myParticipantId)
          || call.participants.remove(participantId) == null) {
        throw GraphErrors.notFound(
            "Participant " + participantId + " is not in call " + call.id + ".");
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

  private void requirePstnAllowed(GraphCall call, Target target, String action) {
    if (target.kind() == Target.Kind.PHONE && call.applicationInstanceId == null) {
      throw GraphErrors.problem(
          403,
          "Forbidden",
          "A "
              + action
              + " to a PSTN number needs an application instance: this call does not belong to a"
              + " resource account (calls to the bot's own identity cannot reach PSTN).");
    }
  }
}
