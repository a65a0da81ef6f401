package io.tandem.emulator.graph.calls;

import io.tandem.emulator.graph.GraphErrors;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Handing calls on: blind and consultative transfer and redirect of an incoming call, with the
 * notifications Graph sends for each ({@code transferring}, {@code transferAccepted}, terminated
 * 7015; back to {@code established} with 7000/7700 on failure).
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
    if (target.replacesCallId() != null) {
      consultative(call, target, target.replacesCallId());
      return;
    }
    synchronized (call) {
      startTransfer(call, target);
    }
    callees.ring(
        call,
        target,
        new Callees.ForCall(call, () -> call.state == CallState.TRANSFERRING) {
          @Override
          void reached(String personId, Runnable hangUpPerson) {
            call.move(CallState.TRANSFER_ACCEPTED);
            notifier.stateChanged(call);
            if (call.remote != null) {
              call.remote.handedToPerson(personId, hangUpPerson);
            }
            control.end(call, ResultInfos.transferCompleted());
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

  /** Moves the call to {@code transferring}; called with the call's lock held. */
  private void startTransfer(GraphCall call, Target target) {
    requirePstnAllowed(call, target, "transfer");
    CallControl.requireState(call, CallState.ESTABLISHED, "transfer");
    call.resultInfo = null;
    call.move(CallState.TRANSFERRING);
    notifier.stateChanged(call);
    journal.event(Channel.GRAPH, "call.transferring", call.id, Map.of("target", target.id()));
  }

  /**
   * Consultative transfer: {@code call}'s party is joined to the party of the call it replaces, and
   * both bot calls end. Both calls' locks are held throughout, taken in one global order (by call
   * id), so two calls transferred onto each other at the same moment cannot deadlock: one transfer
   * completes, and the other finds its call gone (404) or ended (409).
   */
  private void consultative(GraphCall call, Target target, String replacesCallId) {
    GraphCall replaced = calls.find(replacesCallId).filter(other -> other != call).orElse(null);
    if (replaced == null) {
      synchronized (call) {
        startTransfer(call, target);
        notReplaceable(call, replacesCallId);
      }
      return;
    }
    GraphCall first = call.id.compareTo(replaced.id) < 0 ? call : replaced;
    GraphCall second = first == call ? replaced : call;
    synchronized (first) {
      synchronized (second) {
        startTransfer(call, target);
        if (!replaced.live()
            || !replaced.appId.equals(call.appId)
            || !replaced.tenantId.equals(call.tenantId)) {
          notReplaceable(call, replacesCallId);
          return;
        }
        call.move(CallState.TRANSFER_ACCEPTED);
        notifier.stateChanged(call);
        joinRemotes(call, replaced);
        call.terminationReason = "AppTransferred";
        control.end(call, ResultInfos.transferCompleted());
        replaced.terminationReason = "AppTransferred";
        control.end(replaced, ResultInfos.transferCompleted());
      }
    }
  }

  private void notReplaceable(GraphCall call, String replacesCallId) {
    transferFailed(
        call, true, "The call to replace, " + replacesCallId + ", is not a live call of this bot.");
  }

  /**
   * Connects the parties of two calls to each other: the person one call reached takes over the
   * other call's party (a PSTN caller then talks to them until its {@code talkFor}); neither is
   * hung up when the bot's calls end.
   */
  private void joinRemotes(GraphCall call, GraphCall replaced) {
    RemoteParty mine = call.remote;
    RemoteParty theirs = replaced.remote;
    if (theirs instanceof PersonLeg person && mine != null) {
      mine.handedToPerson(person.personId(), person.hangUp());
    } else if (mine instanceof PersonLeg person && theirs != null) {
      theirs.handedToPerson(person.personId(), person.hangUp());
    } else {
      return;
    }
    journal.event(
        Channel.GRAPH, "call.partiesJoined", call.id, Map.of("replacedCallId", replaced.id));
    call.remote = null;
    replaced.remote = null;
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
        new Callees.ForCall(call, () -> call.state == CallState.REDIRECTING) {
          @Override
          void reached(String personId, Runnable hangUpPerson) {
            if (call.remote != null) {
              call.remote.handedToPerson(personId, hangUpPerson);
            }
            control.end(call, ResultInfos.redirected());
          }

          @Override
          public void failed(ObjectNode why) {
            control.end(call, why);
          }
        });
  }

  static void requirePstnAllowed(GraphCall call, Target target, String action) {
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
