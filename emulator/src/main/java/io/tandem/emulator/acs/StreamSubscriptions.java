package io.tandem.emulator.acs;

import io.tandem.emulator.http.HttpReply;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Each call's subscription to one kind of stream that the call sends its application over a
 * WebSocket (media or transcription): the options given at answer, create or connect, the
 * subscription as {@code CallConnectionProperties} shows it, start, stop and update with their
 * callbacks, and the {@link OpenStream} on the socket. {@code <events>Started} follows once the
 * socket is open, {@code <events>Failed} (initialWebSocketConnectionFailed) if it cannot be; the
 * subscription stops when the call ends. A call's subscription is guarded by its own lock.
 *
 * @param <O> the options of this kind of stream
 */
final class StreamSubscriptions<O extends StreamingOptions.Stream> {

  /**
   * The names one kind of stream goes by.
   *
   * @param name the kind in error messages ({@code Media streaming})
   * @param optionsField the request field of its options ({@code mediaStreamingOptions})
   * @param property its {@code CallConnectionProperties} field ({@code mediaStreamingSubscription})
   * @param events the prefix of its callbacks ({@code MediaStreaming}: {@code
   *     MediaStreamingStarted} …) and, lower-cased first, of their status ({@code
   *     mediaStreamingStarted} …)
   * @param updates the status object of its callbacks, from status and details
   * @param socket the socket's kind in the journal ({@code media})
   * @param thread the name of the thread that opens the socket
   */
  record Kind(
      String name,
      String optionsField,
      String property,
      String events,
      BiFunction<String, String, StreamingUpdate> updates,
      String socket,
      String thread) {

    /** The status object of the {@code <events><event>} callback. */
    StreamingUpdate update(String event, String details) {
      return updates.apply(
          Character.toLowerCase(events.charAt(0)) + events.substring(1) + event, details);
    }
  }

  /** What a subscription sends on its open socket; it hears the caller until it is stopped. */
  interface OpenStream extends CallerListener {

    /** Called once {@code <events>Started} is on its way. */
    default void start() {}

    void stop();
  }

  /** Opens this kind's stream on a socket that has just opened. */
  interface Opener<O> {
    OpenStream open(
        AcsCall call, StreamSocket socket, String subscriptionId, O options, String participant);
  }

  /** The subscription of one call. */
  private static final class Subscription<O> {
    final String id = UUID.randomUUID().toString();

    /** The options in force (a start or an update may change them); null if none were given. */
    @Nullable O options;

    @Nullable OpenStream stream;
    boolean active;

    Subscription(@Nullable O options) {
      this.options = options;
    }
  }

  private final StreamConnector connector;
  private final Kind kind;
  private final BiConsumer<ObjectNode, O> describer;
  private final Opener<O> opener;
  private final Map<String, Subscription<O>> subscriptions = new ConcurrentHashMap<>();

  /**
   * {@code describer} adds what this kind shows of a subscription, after its id and state, from its
   * options; {@code opener} opens its stream.
   */
  StreamSubscriptions(
      StreamConnector connector, Kind kind, BiConsumer<ObjectNode, O> describer, Opener<O> opener) {
    this.connector = connector;
    this.kind = kind;
    this.describer = describer;
    this.opener = opener;
  }

  /** Remembers a new call's options, starts streaming if asked to, stops when the call ends. */
  void attach(AcsCall call, @Nullable O options) {
    Subscription<O> subscription = new Subscription<>(options);
    subscriptions.put(call.id(), subscription);
    describe(call, subscription);
    call.whenDisconnected(
        () -> {
          Subscription<O> ended = subscriptions.remove(call.id());
          if (ended != null) {
            stop(call, ended);
          }
        });
    if (options != null && options.startNow()) {
      synchronized (subscription) {
        start(call, subscription, null, null);
      }
    }
  }

  /** Starts the call's subscription, its options changed by {@code change} first. */
  HttpReply start(AcsCall call, RequestBody body, UnaryOperator<O> change) {
    Subscription<O> subscription = subscription(call);
    if (subscription.options == null) {
      throw AcsErrors.badRequest(
          kind.optionsField(),
          kind.name() + " needs " + kind.optionsField() + " when the call is answered or created.");
    }
    synchronized (subscription) {
      if (subscription.active) {
        throw AcsErrors.illegalState(kind.name() + " is already active.");
      }
      subscription.options = change.apply(Objects.requireNonNull(subscription.options));
      start(
          call,
          subscription,
          body.optionalText("operationContext"),
          body.optionalUri("operationCallbackUri"));
    }
    return HttpReply.empty(202);
  }

  HttpReply stop(AcsCall call, RequestBody body) {
    Subscription<O> subscription = subscription(call);
    synchronized (subscription) {
      requireActive(subscription);
      stop(call, subscription);
    }
    emit(call, body, "Stopped", "subscriptionStopped");
    return HttpReply.empty(202);
  }

  /** Changes the options of the call's active subscription; {@code details} says what changed. */
  HttpReply update(AcsCall call, RequestBody body, UnaryOperator<O> change, String details) {
    Subscription<O> subscription = subscription(call);
    synchronized (subscription) {
      requireActive(subscription);
      subscription.options = change.apply(Objects.requireNonNull(subscription.options));
      describe(call, subscription);
    }
    emit(call, body, "Updated", details);
    return HttpReply.empty(202);
  }

  /** Marks the subscription active and opens the socket; called under its lock. */
  private void start(
      AcsCall call,
      Subscription<O> subscription,
      @Nullable String context,
      @Nullable URI callback) {
    subscription.active = true;
    describe(call, subscription);
    connector.open(
        call,
        Objects.requireNonNull(subscription.options).transportUrl(),
        kind.socket(),
        kind.thread(),
        socket -> {
          synchronized (subscription) {
            if (socket == null) {
              subscription.active = false;
              describe(call, subscription);
              emit(
                  call,
                  "Failed",
                  "initialWebSocketConnectionFailed",
                  callback,
                  context,
                  StreamConnector.CONNECTION_FAILED);
              return;
            }
            if (!subscription.active || call.state() == CallConnectionState.DISCONNECTED) {
              socket.close();
              return;
            }
            ScriptedCaller caller = call.roster().caller();
            OpenStream stream =
                opener.open(
                    call,
                    socket,
                    subscription.id,
                    Objects.requireNonNull(subscription.options),
                    caller != null ? caller.rawId() : "");
            subscription.stream = stream;
            call.listenToCaller(stream);
            emit(call, "Started", "subscriptionStarted", callback, context, ResultInformation.OK);
            stream.start();
          }
        });
  }

  private void stop(AcsCall call, Subscription<O> subscription) {
    synchronized (subscription) {
      subscription.active = false;
      if (subscription.stream != null) {
        call.removeCallerListener(subscription.stream);
        subscription.stream.stop();
        subscription.stream = null;
      }
      describe(call, subscription);
    }
  }

  private void requireActive(Subscription<O> subscription) {
    if (!subscription.active) {
      throw AcsErrors.illegalState(kind.name() + " is not active.");
    }
  }

  private void emit(AcsCall call, RequestBody body, String event, String details) {
    emit(
        call,
        event,
        details,
        body.optionalUri("operationCallbackUri"),
        body.optionalText("operationContext"),
        ResultInformation.OK);
  }

  /** Sends the {@code <events><event>} callback. */
  private void emit(
      AcsCall call,
      String event,
      String details,
      @Nullable URI callback,
      @Nullable String context,
      ResultInformation result) {
    call.emit(
        kind.events() + event, callback, context, result, kind.update(event, details)::writeTo);
  }

  private Subscription<O> subscription(AcsCall call) {
    Subscription<O> subscription = subscriptions.get(call.id());
    if (subscription == null) {
      throw AcsErrors.notFound("Call connection " + call.id() + " was not found.");
    }
    return subscription;
  }

  private void describe(AcsCall call, Subscription<O> subscription) {
    O options = subscription.options;
    if (options == null) {
      return;
    }
    call.describe(
        properties -> {
          ObjectNode shown = properties.putObject(kind.property());
          shown.put("id", subscription.id);
          shown.put("state", subscription.active ? "active" : "inactive");
          describer.accept(shown, options);
        });
  }
}
