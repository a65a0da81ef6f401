package io.tandem.emulator.acs;

import io.tandem.emulator.http.HttpReply;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Live transcription of each call: the {@code transcriptionOptions} given at answer, create or
 * connect, the subscription as {@code CallConnectionProperties} shows it ({@code
 * transcriptionSubscription}, with its locale), start, stop and update (locale) with their
 * callbacks, and the {@link TranscriptionStream} to the application's {@code transportUrl}.
 * TranscriptionStarted follows once the socket is open, TranscriptionFailed
 * (initialWebSocketConnectionFailed) if it cannot be. A call's state is guarded by its {@code
 * State}'s lock.
 */
final class LiveTranscription {

  /** The subscription of one call. */
  private static final class State {
    final StreamingOptions.@Nullable Transcription options;
    final String subscription = UUID.randomUUID().toString();
    @Nullable TranscriptionStream stream;
    boolean active;
    String locale;

    State(StreamingOptions.@Nullable Transcription options) {
      this.options = options;
      this.locale = options == null ? "en-US" : options.locale();
    }
  }

  private final StreamConnector connector;
  private final Map<String, State> states = new ConcurrentHashMap<>();

  LiveTranscription(StreamConnector connector) {
    this.connector = connector;
  }

  /** Remembers a new call's options, starts transcribing if asked to, stops when the call ends. */
  void attach(AcsCall call, StreamingOptions.@Nullable Transcription options) {
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
          "transcriptionOptions",
          "Transcription needs transcriptionOptions when the call is answered or created.");
    }
    synchronized (state) {
      if (state.active) {
        throw AcsErrors.illegalState("Transcription is already active.");
      }
      String locale = body.optionalText("locale");
      if (locale != null) {
        state.locale = locale;
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
        throw AcsErrors.illegalState("Transcription is not active.");
      }
      stop(call, state);
    }
    emit(call, body, "TranscriptionStopped", "transcriptionStopped", "subscriptionStopped");
    return HttpReply.empty(202);
  }

  HttpReply update(AcsCall call, RequestBody body) {
    State state = state(call);
    synchronized (state) {
      if (!state.active) {
        throw AcsErrors.illegalState("Transcription is not active.");
      }
      state.locale = body.text("locale");
      describe(call, state);
    }
    emit(call, body, "TranscriptionUpdated", "transcriptionUpdated", "transcriptionLocaleUpdated");
    return HttpReply.empty(202);
  }

  /** Marks the subscription active and opens the socket; called under {@code state}'s lock. */
  private void start(AcsCall call, State state, @Nullable String context, @Nullable URI callback) {
    StreamingOptions.Transcription options = java.util.Objects.requireNonNull(state.options);
    state.active = true;
    describe(call, state);
    connector.open(
        call,
        options.transportUrl(),
        "transcription",
        "acs-transcription",
        socket -> {
          synchronized (state) {
            if (socket == null) {
              state.active = false;
              describe(call, state);
              call.emit(
                  "TranscriptionFailed",
                  callback,
                  context,
                  StreamConnector.CONNECTION_FAILED,
                  StreamingUpdate.transcription(
                          "transcriptionFailed", "initialWebSocketConnectionFailed")
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
                new TranscriptionStream(
                    call,
                    socket,
                    state.subscription,
                    state.locale,
                    participant,
                    options.intermediate());
            call.listenToCaller(state.stream);
            call.emit(
                "TranscriptionStarted",
                callback,
                context,
                ResultInformation.OK,
                StreamingUpdate.transcription("transcriptionStarted", "subscriptionStarted")
                    ::writeTo);
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

  private static void emit(
      AcsCall call, RequestBody body, String type, String status, String details) {
    call.emit(
        type,
        body.optionalUri("operationCallbackUri"),
        body.optionalText("operationContext"),
        ResultInformation.OK,
        StreamingUpdate.transcription(status, details)::writeTo);
  }

  private State state(AcsCall call) {
    State state = states.get(call.id());
    if (state == null) {
      throw AcsErrors.notFound("Call connection " + call.id() + " was not found.");
    }
    return state;
  }

  private static void describe(AcsCall call, State state) {
    StreamingOptions.Transcription options = state.options;
    if (options == null) {
      return;
    }
    call.describe(
        properties -> {
          var text = properties.putObject("transcriptionSubscription");
          text.put("id", state.subscription);
          text.put("state", state.active ? "active" : "inactive");
          var types = text.putArray("subscribedResultTypes").add("final");
          if (options.intermediate()) {
            types.add("intermediate");
          }
          text.put("locale", state.locale);
        });
  }
}
