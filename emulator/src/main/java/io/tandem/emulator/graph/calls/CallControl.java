package io.tandem.emulator.graph.calls;

import io.tandem.emulator.http.Json;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import io.tandem.emulator.pstn.CallerScript;
import io.tandem.emulator.time.Scheduler;
import io.tandem.emulator.world.ResourceAccount;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The life of calls: an incoming PSTN call reaching a bot, answer, reject, hang-up, keepAlive, the
 * 15-second answer deadline and the 45-minute expiry, and every way a call ends. Each method takes
 * the call's lock.
 */
final class CallControl implements PstnCaller.Events {

  private final Calls calls;
  private final BotNotifier notifier;
  private final NotificationQueues queues;
  private final Scheduler scheduler;
  private final Journal journal;
  private final Supplier<GraphCallsSettings> settings;
  private final MediaOperations media;

  CallControl(
      Calls calls,
      BotNotifier notifier,
      NotificationQueues queues,
      Scheduler scheduler,
      Journal journal,
      Supplier<GraphCallsSettings> settings,
      MediaOperations media) {
    this.calls = calls;
    this.notifier = notifier;
    this.queues = queues;
    this.scheduler = scheduler;
    this.journal = journal;
    this.settings = settings;
    this.media = media;
  }

  /** A new call with fresh ids, registered and not yet notified. */
  GraphCall newCall(
      String tenantId, String appId, boolean incoming, @Nullable String applicationInstanceId) {
    String id = UUID.randomUUID().toString();
    GraphCall call =
        new GraphCall(
            id,
            tenantId,
            appId,
            incoming,
            applicationInstanceId,
            UUID.randomUUID().toString(),
            UUID.randomUUID().toString(),
            scheduler.now(),
            queues.forCall(id));
    calls.add(call);
    return call;
  }

  /** A PSTN caller dialled the number of {@code account}, a resource account of {@code bot}. */
  GraphCall incoming(CallerScript script, String tenantId, ResourceAccount account) {
    GraphCall call = newCall(tenantId, account.appId(), true, account.id());
    synchronized (call) {
      call.source = Parties.phoneSource(script.from(), script.displayName());
      call.targets.add(Parties.applicationInstanceTarget(account));
      String callerParticipant = UUID.randomUUID().toString();
      call.incomingContext = Json.object();
      call.incomingContext.put("@odata.type", "#microsoft.graph.incomingContext");
      call.incomingContext.put("sourceParticipantId", callerParticipant);
      call.incomingContext.put("observedParticipantId", callerParticipant);
      call.participants.put(
          callerParticipant,
          CallJson.participant(callerParticipant, Parties.phoneIdentity(script.from(), null)));
      PstnCaller caller = new PstnCaller(call, script, scheduler, journal, this);
      call.remote = caller;
      call.remoteParticipantId = callerParticipant;
      journal.event(
          Channel.GRAPH,
          "call.incoming",
          call.id,
          Map.of("from", script.from(), "to", script.to(), "app", account.appId()));
      notifier.incoming(call);
      call.answerDeadline =
          scheduler.schedule(settings.get().answerDeadline(), () -> unanswered(call));
      caller.dialled();
    }
    return call;
  }

  /** The bot answered: establishing, established, and the caller's script starts. */
  void answer(GraphCall call, URI callbackUri, JsonNode mediaConfig, @Nullable JsonNode options) {
    synchronized (call) {
      requireState(call, CallState.INCOMING, "answer");
      if (call.answerDeadline != null) {
        call.answerDeadline.cancel();
      }
      call.callbackUri = callbackUri;
      call.mediaConfig = mediaConfig;
      call.callOptions = options;
      call.move(CallState.ESTABLISHING);
      call.move(CallState.ESTABLISHED);
      call.connectedAt = scheduler.now();
      addBotParticipant(call);
      notifier.established(call);
      notifier.rosterChanged(call);
      armExpiry(call);
      if (call.remote != null) {
        call.remote.botConnected();
      }
    }
  }

  /** The bot rejected the incoming call. */
  void reject(GraphCall call, String reason, @Nullable URI callbackUri) {
    synchronized (call) {
      requireState(call, CallState.INCOMING, "reject");
      if (callbackUri != null) {
        call.callbackUri = callbackUri;
      }
      end(call, ResultInfos.rejected(reason));
    }
  }

  /** The bot hung up (DELETE): terminating, then terminated. */
  void hangUp(GraphCall call) {
    synchronized (call) {
      if (call.state == CallState.INCOMING) {
        end(call, ResultInfos.endedByBot());
        return;
      }
      call.move(CallState.TERMINATING);
      notifier.stateChanged(call);
      end(call, ResultInfos.endedByBot());
    }
  }

  /** keepAlive: the call lives another {@code keepAliveExpiry}. */
  void keepAlive(GraphCall call) {
    synchronized (call) {
      if (!call.live()) {
        throw new IllegalCallStateException(call.id, call.state, "keepAlive");
      }
      armExpiry(call);
      journal.event(Channel.GRAPH, "call.keepAlive", call.id, Map.of());
    }
  }

  /** (Re)starts the keepAlive expiry. */
  void armExpiry(GraphCall call) {
    if (call.expiry != null) {
      call.expiry.cancel();
    }
    call.expiry =
        scheduler.schedule(
            settings.get().keepAliveExpiry(),
            () -> {
              synchronized (call) {
                if (call.live()) {
                  journal.event(Channel.GRAPH, "call.expired", call.id, Map.of());
                  end(call, ResultInfos.keepAliveTimeout());
                }
              }
            });
  }

  /** Ends the call with {@code result}: terminated, the bot told, the other side gone. */
  void end(GraphCall call, ObjectNode result) {
    synchronized (call) {
      if (!call.live()) {
        return;
      }
      call.resultInfo = result;
      call.move(CallState.TERMINATED);
      journal.event(
          Channel.GRAPH,
          "call.terminated",
          call.id,
          Map.of(
              "code",
              result.path("code").asString(),
              "subcode",
              result.path("subcode").asString()));
      notifier.stateChanged(call);
      if (call.remote != null) {
        call.remote.botLeft();
      }
      call.hangUpInvited();
      media.forget(call);
      calls.ended(call);
    }
  }

  @Override
  public void pressed(GraphCall call, char digit) {
    media.tone(call, digit);
  }

  @Override
  public void hungUp(GraphCall call) {
    end(call, ResultInfos.endedByPstnUser());
  }

  static void requireState(GraphCall call, CallState wanted, String action) {
    if (call.state != wanted) {
      throw new IllegalCallStateException(call.id, call.state, action);
    }
  }

  /** Adds the bot itself to the roster. */
  static void addBotParticipant(GraphCall call) {
    ObjectNode identity = Json.object();
    identity.put("@odata.type", "#microsoft.graph.identitySet");
    identity.putObject("application").put("id", call.appId);
    call.participants.put(
        call.myParticipantId, CallJson.participant(call.myParticipantId, identity));
  }

  private void unanswered(GraphCall call) {
    synchronized (call) {
      if (call.state == CallState.INCOMING) {
        journal.event(Channel.GRAPH, "call.answerDeadlinePassed", call.id, Map.of());
        end(call, ResultInfos.notAnsweredInTime());
      }
    }
  }
}
