package io.tandem.emulator.acs;

import io.tandem.emulator.http.Json;
import io.tandem.emulator.time.Scheduler;
import io.tandem.emulator.world.AcsResource;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * One call connection of an application: its ids, state, callback target and media, and the {@link
 * CallRoster} of its call. State is guarded by the connection's lock; events are queued in order on
 * the connection's outbox.
 *
 * <p>A connection made with {@code :connect} joins the call of another connection, its
 * <em>root</em> (the one that answered or created the call): the two share one roster, and the
 * joiner hears what the caller presses and says, every roster change, and the end of the call.
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
  private final CallbackOutbox outbox;
  private final List<Scheduler.Timer> timers = new ArrayList<>();
  private final List<Runnable> onDisconnected = new ArrayList<>();
  private final ObjectNode properties = Json.object();
  private CallConnectionState state = CallConnectionState.CONNECTING;
  private int sequenceNumber;
  private @Nullable CallMedia media;
  private final AcsCall root;
  private final CallRoster roster;

  AcsCall(
      String serverCallId,
      String correlationId,
      AcsResource resource,
      URI callbackUri,
      CallServices services) {
    this(serverCallId, correlationId, resource, callbackUri, services, null);
  }

  private AcsCall(
      String serverCallId,
      String correlationId,
      AcsResource resource,
      URI callbackUri,
      CallServices services,
      @Nullable AcsCall root) {
    this.serverCallId = serverCallId;
    this.correlationId = correlationId;
    this.resource = resource;
    this.callbackUri = callbackUri;
    this.services = services;
    this.callbacks = services.callbacks();
    this.scheduler = services.scheduler();
    this.outbox = new CallbackOutbox(id, scheduler, services.journal());
    this.root = root == null ? this : root;
    this.roster = root == null ? new CallRoster() : root.roster;
  }

  /**
   * A new connection (state {@code connecting}) that joins this call, reporting to {@code
   * callbackUri}; it hears the call once {@link #admit admitted}.
   */
  AcsCall join(URI callbackUri) {
    return new AcsCall(serverCallId, correlationId, resource, callbackUri, services, root);
  }

  /** Lets a connection made by {@link #join} hear the call; it leaves when it disconnects. */
  void admit(AcsCall joiner) {
    roster.join(joiner);
    joiner.whenDisconnected(() -> roster.leave(joiner));
  }

  /** The connection that answered or created this call; this one unless it joined by connect. */
  AcsCall root() {
    return root;
  }

  boolean isRoot() {
    return root == this;
  }

  /** The connections that joined this call by connect and are still on it. */
  List<AcsCall> joiners() {
    return roster.joiners();
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

  CallbackOutbox outbox() {
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

  /** The roster this connection shares with every other connection to its call. */
  CallRoster roster() {
    return roster;
  }

  /**
   * Sends {@code ParticipantsUpdated} with the current roster to every connection of the call, each
   * with its own next sequence number.
   */
  void participantsUpdated() {
    List<CallParticipant> current = roster.participants();
    root.reportRoster(current);
    roster.joiners().forEach(joiner -> joiner.reportRoster(current));
  }

  /** Sends {@code ParticipantsUpdated} with the current roster to this connection only. */
  void reportRoster() {
    reportRoster(roster.participants());
  }

  private synchronized void reportRoster(List<CallParticipant> current) {
    if (state == CallConnectionState.DISCONNECTED) {
      return;
    }
    int sequence = ++sequenceNumber;
    emit(
        "ParticipantsUpdated",
        null,
        null,
        null,
        data -> {
          data.put("sequenceNumber", sequence);
          var list = data.putArray("participants");
          current.forEach(p -> list.add(p.toJson()));
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

  /**
   * The caller pressed a key: media operations, continuous DTMF and media streams of this
   * connection, and of the connections that joined it, hear it.
   */
  void callerPressed(String tone) {
    media();
    callerListeners.forEach(listener -> listener.pressed(tone));
    if (isRoot()) {
      roster.joiners().forEach(joiner -> joiner.callerPressed(tone));
    }
  }

  /** The caller said a sentence: recognizers and transcription hear it, the joiners' too. */
  void callerSaid(String text) {
    media();
    callerListeners.forEach(listener -> listener.said(text));
    if (isRoot()) {
      roster.joiners().forEach(joiner -> joiner.callerSaid(text));
    }
  }
}
