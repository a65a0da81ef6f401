package io.tandem.emulator.acs;

import io.tandem.emulator.http.HttpReply;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Media streaming of each call: the {@code mediaStreamingOptions} given at answer, create or
 * connect, the subscription as {@code CallConnectionProperties} shows it ({@code
 * mediaStreamingSubscription}), start and stop with their callbacks, and the {@link MediaStream} to
 * the application's {@code transportUrl}. MediaStreamingStarted follows once the socket is open,
 * MediaStreamingFailed (initialWebSocketConnectionFailed) if it cannot be. A call's state is
 * guarded by its {@code State}'s lock.
 */
final class MediaStreaming {

  /** The subscription of one call. */
  private static final class State {
    final StreamingOptions.@Nullable Media options;
    final String subscription = UUID.randomUUID().toString();
    @Nullable MediaStream stream;
    boolean active;

    State(StreamingOptions.@Nullable Media options) {
      this.options = options;
    }
  }

  private final StreamConnector connector;
  private final Map<String, State> states = new ConcurrentHashMap<>();

  MediaStreaming(StreamConnector connector) {
    this.connector = connector;
  }

  /** Remembers a new call's options, starts streaming if asked to, stops when the call ends. */
  void attach(AcsCall call, StreamingOptions.@Nullable Media options) {
    State state = new State(options);
    states.put(call.id(), state);
    describe(call, state);
    call.whenDisconnected(
        () -> {
          State ended = states.remove(call.id());
          if (ended != null) {
            stop(call, ended);
          }
        });
    if (options != null && options.startNow()) {
      synchronized (state) {
        start(call, state, null, null);
      }
    }
  }

  HttpReply start(AcsCall call, RequestBody body) {
    State state = state(call);
    if (state.options == null) {
      throw AcsErrors.badRequest(
          "mediaStreamingOptions",
          "Media streaming needs mediaStreamingOptions when the call is answered or created.");
    }
    synchronized (state) {
      if (state.active) {
        throw AcsErrors.illegalState("Media streaming is already active.");
      }
      start(
          call,
          state,
          body.optionalText("operationContext"),
          body.optionalUri("operationCallbackUri"));
    }
    return HttpReply.empty(202);
  }

  HttpReply stop(AcsCall call, RequestBody body) {
    State state = state(call);
    synchronized (state) {
      if (!state.active) {
        throw AcsErrors.illegalState("Media streaming is not active.");
      }
      stop(call, state);
    }
    call.emit(
        "MediaStreamingStopped",
        body.optionalUri("operationCallbackUri"),
        body.optionalText("operationContext"),
        ResultInformation.OK,
        StreamingUpdate.media("mediaStreamingStopped", "subscriptionStopped")::writeTo);
    return HttpReply.empty(202);
  }

  /** Marks the subscription active and opens the socket; called under {@code state}'s lock. */
  private void start(AcsCall call, State state, @Nullable String context, @Nullable URI callback) {
    StreamingOptions.Media options = java.util.Objects.requireNonNull(state.options);
    state.active = true;
    describe(call, state);
    connector.open(
        call,
        options.transportUrl(),
        "media",
        "acs-media-stream",
        socket -> {
          synchronized (state) {
            if (socket == null) {
              state.active = false;
              describe(call, state);
              call.emit(
                  "MediaStreamingFailed",
                  callback,
                  context,
                  StreamConnector.CONNECTION_FAILED,
                  StreamingUpdate.media("mediaStreamingFailed", "initialWebSocketConnectionFailed")
                      ::writeTo);
              return;
            }
            if (!state.active || call.state() == CallConnectionState.DISCONNECTED) {
              socket.close();
              return;
            }
            ScriptedCaller caller = call.roster().caller();
            String participant = caller != null ? caller.rawId() : "";
            state.stream =
                new MediaStream(call, socket, state.subscription, participant, options.dtmfTones());
            call.listenToCaller(state.stream);
            call.emit(
                "MediaStreamingStarted",
                callback,
                context,
                ResultInformation.OK,
                StreamingUpdate.media("mediaStreamingStarted", "subscriptionStarted")::writeTo);
            state.stream.start();
          }
        });
  }

  private void stop(AcsCall call, State state) {
    synchronized (state) {
      state.active = false;
      if (state.stream != null) {
        call.removeCallerListener(state.stream);
        state.stream.stop();
        state.stream = null;
      }
      describe(call, state);
    }
  }

  private State state(AcsCall call) {
    State state = states.get(call.id());
    if (state == null) {
      throw AcsErrors.notFound("Call connection " + call.id() + " was not found.");
    }
    return state;
  }

  private static void describe(AcsCall call, State state) {
    if (state.options == null) {
      return;
    }
    call.describe(
        properties -> {
          var media = properties.putObject("mediaStreamingSubscription");
          media.put("id", state.subscription);
          media.put("state", state.active ? "active" : "inactive");
          media.putArray("subscribedContentTypes").add("audio");
        });
  }
}
