package io.tandem.emulator.acs;

import io.tandem.emulator.http.Json;
import io.tandem.emulator.time.Scheduler;
import io.tandem.emulator.world.AcsResource;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * One call connection of an application: its ids, state, participants and callback target. Every
 * method is synchronized on the call; events are queued in order on the call's outbox.
 */
final class AcsCall {

  private final String id = UUID.randomUUID().toString();
  private final String serverCallId;
  private final String correlationId;
  private final AcsResource resource;
  private final URI callbackUri;
  private final CallServices services;
  private final Callbacks callbacks;
  private final List<CallerListener> callerListeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Scheduler scheduler;
  private final SerialOutbox outbox = new SerialOutbox();
  private final Map<String, CallParticipant> participants = new LinkedHashMap<>();
  private final List<Scheduler.Timer> timers = new ArrayList<>();
  private final List<Runnable> onDisconnected = new ArrayList<>();
  private final ObjectNode properties = Json.object();
  private CallConnectionState state = CallConnectionState.CONNECTING;
  private int sequenceNumber;
  private @Nullable CallMedia media;
  private @Nullable ScriptedCaller caller;
  private final Map<String, Ringer.Ring> legs = new LinkedHashMap<>();

  AcsCall(
      String serverCallId,
      String correlationId,
      AcsResource resource,
      URI callbackUri,
      CallServices services) {
    this.serverCallId = serverCallId;
    this.correlationId = correlationId;
    this.resource = resource;
    this.callbackUri = callbackUri;
    this.services = services;
    this.callbacks = services.callbacks();
    this.scheduler = services.scheduler();
  }

  CallServices services() {
    return services;
  }

  String id() {
    return id;
  }

  String serverCallId() {
    return serverCallId;
  }

  String correlationId() {
    return correlationId;
  }

  AcsResource resource() {
    return resource;
  }

  URI callbackUri() {
    return callbackUri;
  }

  SerialOutbox outbox() {
    return outbox;
  }

  Scheduler scheduler() {
    return scheduler;
  }

  synchronized CallMedia media() {
    if (media == null) {
      media = new CallMedia(this);
      callerListeners.add(media);
    }
    return media;
  }

  /** Extra {@code CallConnectionProperties} fields: targets, source, answeredFor… */
  synchronized void describe(Consumer<ObjectNode> change) {
    change.accept(properties);
  }

  synchronized CallConnectionState state() {
    return state;
  }

  /**
   * Moves to {@code next} if legal; returns whether it moved. Reaching {@code disconnected} cancels
   * the call's timers and runs its end-of-call actions (outside the call's lock).
   */
  boolean moveTo(CallConnectionState next) {
    List<Runnable> endActions = List.of();
    synchronized (this) {
      if (!state.canMoveTo(next)) {
        return false;
      }
      state = next;
      if (next == CallConnectionState.DISCONNECTED) {
        timers.forEach(Scheduler.Timer::cancel);
        timers.clear();
        endActions = List.copyOf(onDisconnected);
        onDisconnected.clear();
      }
    }
    endActions.forEach(Runnable::run);
    return true;
  }

  /** Refuses a mid-call action unless the call is connected. */
  synchronized void requireConnected(String action) {
    if (state == CallConnectionState.DISCONNECTED) {
      throw AcsErrors.notFound("Call " + id + " has ended.");
    }
    if (!state.acceptsActions()) {
      throw AcsErrors.illegalState(
          action + " is not allowed while the call is " + state.wireName() + ".");
    }
  }

  synchronized void whenDisconnected(Runnable action) {
    onDisconnected.add(action);
  }

  /** Runs {@code task} after {@code delay} unless the call has ended by then. */
  synchronized Scheduler.Timer later(Duration delay, Runnable task) {
    Scheduler.Timer timer =
        scheduler.schedule(
            delay,
            () -> {
              if (state() != CallConnectionState.DISCONNECTED) {
                task.run();
              }
            });
    timers.add(timer);
    return timer;
  }

  synchronized void emit(
      String type,
      @Nullable URI operationCallbackUri,
      @Nullable String operationContext,
      @Nullable ResultInformation result,
      Consumer<ObjectNode> extra) {
    callbacks.send(this, operationCallbackUri, type, operationContext, result, extra);
  }

  synchronized void emit(String type, @Nullable String operationContext, ResultInformation result) {
    emit(type, null, operationContext, result, data -> {});
  }

  synchronized void addParticipant(CommunicationIdentifier identifier) {
    participants.put(identifier.rawId(), new CallParticipant(identifier, false, false));
  }

  synchronized Optional<CallParticipant> participant(String rawId) {
    return Optional.ofNullable(participants.get(rawId));
  }

  synchronized List<CallParticipant> participants() {
    return List.copyOf(participants.values());
  }

  synchronized void changeParticipant(
      String rawId, java.util.function.UnaryOperator<CallParticipant> change) {
    CallParticipant current = participants.get(rawId);
    if (current != null) {
      participants.put(rawId, change.apply(current));
    }
  }

  synchronized boolean removeParticipant(String rawId) {
    return participants.remove(rawId) != null;
  }

  /** Sends {@code ParticipantsUpdated} with the next sequence number and the current roster. */
  synchronized void participantsUpdated() {
    int sequence = ++sequenceNumber;
    List<CallParticipant> roster = List.copyOf(participants.values());
    emit(
        "ParticipantsUpdated",
        null,
        null,
        null,
        data -> {
          data.put("sequenceNumber", sequence);
          var list = data.putArray("participants");
          roster.forEach(p -> list.add(p.toJson()));
        });
  }

  /** {@code CallConnectionProperties} as GetCall and answer return them. */
  synchronized ObjectNode toJson() {
    ObjectNode json = Json.object();
    json.put("callConnectionId", id);
    json.put("serverCallId", serverCallId);
    json.put("correlationId", correlationId);
    json.put("callbackUri", callbackUri.toString());
    json.put("callConnectionState", state.wireName());
    json.setAll(properties.deepCopy());
    return json;
  }

  /** Registers a listener for what the caller presses and says. */
  void listenToCaller(CallerListener listener) {
    callerListeners.add(listener);
  }

  void removeCallerListener(CallerListener listener) {
    callerListeners.remove(listener);
  }

  /** The caller pressed a key: media operations, continuous DTMF and media streams hear it. */
  void callerPressed(String tone) {
    media();
    callerListeners.forEach(listener -> listener.pressed(tone));
  }

  /** The caller said a sentence: recognizers and transcription hear it. */
  void callerSaid(String text) {
    media();
    callerListeners.forEach(listener -> listener.said(text));
  }

  synchronized void caller(ScriptedCaller scripted) {
    this.caller = scripted;
  }

  synchronized @Nullable ScriptedCaller caller() {
    return caller;
  }

  /** Remembers the connected leg of a participant the call rang (to hang it up later). */
  synchronized void leg(String rawId, Ringer.Ring ring) {
    legs.put(rawId, ring);
  }

  synchronized Optional<Ringer.Ring> removeLeg(String rawId) {
    return Optional.ofNullable(legs.remove(rawId));
  }

  synchronized List<Ringer.Ring> removeLegs() {
    List<Ringer.Ring> all = List.copyOf(legs.values());
    legs.clear();
    return all;
  }
}
