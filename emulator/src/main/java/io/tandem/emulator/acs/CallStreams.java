package io.tandem.emulator.acs;

import io.tandem.emulator.entra.CallbackTokens;
import io.tandem.emulator.http.HttpReply;
import io.tandem.emulator.journal.Journal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * Media streaming and transcription of each call: the options given at answer or create, the
 * subscriptions' states as {@code CallConnectionProperties} shows them, the start/stop/update
 * operations with their callbacks, and the WebSocket streams to the application's {@code
 * transportUrl}. A stream is opened on a virtual thread; *Started follows once it is open, *Failed
 * (initialWebSocketConnectionFailed) if it cannot be.
 */
final class CallStreams {

  /** The running streams and subscription ids of one call. */
  private static final class State {
    final StreamingOptions options;
    final String mediaSubscription = UUID.randomUUID().toString();
    final String transcriptionSubscription = UUID.randomUUID().toString();
    @Nullable MediaStream media;
    @Nullable TranscriptionStream transcription;
    boolean mediaActive;
    boolean transcriptionActive;
    String locale;

    State(StreamingOptions options) {
      this.options = options;
      this.locale = options.transcription() == null ? "en-US" : options.transcription().locale();
    }
  }

  private final HttpClient client;
  private final CallbackTokens tokens;
  private final Journal journal;
  private final Duration timeout;
  private final Map<String, State> states = new ConcurrentHashMap<>();

  CallStreams(
      @Nullable SSLContext trust, CallbackTokens tokens, Journal journal, Duration timeout) {
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout);
    if (trust != null) {
      builder.sslContext(trust);
    }
    this.client = builder.build();
    this.tokens = tokens;
    this.journal = journal;
    this.timeout = timeout;
  }

  /** Remembers a new call's options, starts what should start now, and cleans up when it ends. */
  void attach(AcsCall call, StreamingOptions options) {
    State state = new State(options);
    states.put(call.id(), state);
    describe(call, state);
    call.whenDisconnected(
        () -> {
          State ended = states.remove(call.id());
          if (ended != null) {
            stopMedia(call, ended);
            stopTranscription(call, ended);
          }
        });
    if (options.media() != null && options.media().startNow()) {
      startMedia(call, state, null, null);
    }
    if (options.transcription() != null && options.transcription().startNow()) {
      startTranscription(call, state, null, null);
    }
  }

  HttpReply startMediaStreaming(AcsCall call, RequestBody body) {
    State state = state(call);
    if (state.options.media() == null) {
      throw AcsErrors.badRequest(
          "mediaStreamingOptions",
          "Media streaming needs mediaStreamingOptions when the call is answered or created.");
    }
    synchronized (state) {
      if (state.mediaActive) {
        throw AcsErrors.illegalState("Media streaming is already active.");
      }
      startMedia(
          call,
          state,
          body.optionalText("operationContext"),
          body.optionalUri("operationCallbackUri"));
    }
    return HttpReply.empty(202);
  }

  HttpReply stopMediaStreaming(AcsCall call, RequestBody body) {
    State state = state(call);
    synchronized (state) {
      if (!state.mediaActive) {
        throw AcsErrors.illegalState("Media streaming is not active.");
      }
      stopMedia(call, state);
    }
    emit(
        call,
        "MediaStreamingStopped",
        body,
        "mediaStreamingUpdate",
        "mediaStreamingStatus",
        "mediaStreamingStopped",
        "mediaStreamingStatusDetails",
        "subscriptionStopped",
        "contentType",
        "Audio");
    return HttpReply.empty(202);
  }

  HttpReply startTranscription(AcsCall call, RequestBody body) {
    State state = state(call);
    if (state.options.transcription() == null) {
      throw AcsErrors.badRequest(
          "transcriptionOptions",
          "Transcription needs transcriptionOptions when the call is answered or created.");
    }
    synchronized (state) {
      if (state.transcriptionActive) {
        throw AcsErrors.illegalState("Transcription is already active.");
      }
      String locale = body.optionalText("locale");
      if (locale != null) {
        state.locale = locale;
      }
      startTranscription(
          call,
          state,
          body.optionalText("operationContext"),
          body.optionalUri("operationCallbackUri"));
    }
    return HttpReply.empty(202);
  }

  HttpReply stopTranscription(AcsCall call, RequestBody body) {
    State state = state(call);
    synchronized (state) {
      if (!state.transcriptionActive) {
        throw AcsErrors.illegalState("Transcription is not active.");
      }
      stopTranscription(call, state);
    }
    emit(
        call,
        "TranscriptionStopped",
        body,
        "transcriptionUpdate",
        "transcriptionStatus",
        "transcriptionStopped",
        "transcriptionStatusDetails",
        "subscriptionStopped",
        null,
        null);
    return HttpReply.empty(202);
  }

  HttpReply updateTranscription(AcsCall call, RequestBody body) {
    State state = state(call);
    synchronized (state) {
      if (!state.transcriptionActive) {
        throw AcsErrors.illegalState("Transcription is not active.");
      }
      state.locale = body.text("locale");
      describe(call, state);
    }
    emit(
        call,
        "TranscriptionUpdated",
        body,
        "transcriptionUpdate",
        "transcriptionStatus",
        "transcriptionUpdated",
        "transcriptionStatusDetails",
        "transcriptionLocaleUpdated",
        null,
        null);
    return HttpReply.empty(202);
  }

  private void startMedia(
      AcsCall call, State state, @Nullable String context, @Nullable URI callback) {
    StreamingOptions.Media options = java.util.Objects.requireNonNull(state.options.media());
    state.mediaActive = true;
    describe(call, state);
    Thread.ofVirtual()
        .name("acs-media-stream")
        .start(
            () -> {
              StreamSocket socket =
                  StreamSocket.open(
                      client,
                      options.transportUrl(),
                      call,
                      tokens.issue(call.resource().id(), null),
                      "media",
                      journal,
                      timeout);
              synchronized (state) {
                if (socket == null) {
                  state.mediaActive = false;
                  describe(call, state);
                  call.emit(
                      "MediaStreamingFailed",
                      callback,
                      context,
                      new ResultInformation(
                          400,
                          8581,
                          "Action failed, the WebSocket connection could not be established."),
                      data ->
                          update(
                              data,
                              "mediaStreamingUpdate",
                              "mediaStreamingStatus",
                              "mediaStreamingFailed",
                              "mediaStreamingStatusDetails",
                              "initialWebSocketConnectionFailed",
                              "contentType",
                              "Audio"));
                  return;
                }
                if (!state.mediaActive || call.state() == CallConnectionState.DISCONNECTED) {
                  socket.close();
                  return;
                }
                String participant =
                    call.roster().caller() != null ? call.roster().caller().rawId() : "";
                state.media =
                    new MediaStream(
                        call, socket, state.mediaSubscription, participant, options.dtmfTones());
                call.listenToCaller(state.media);
                call.emit(
                    "MediaStreamingStarted",
                    callback,
                    context,
                    ResultInformation.OK,
                    data ->
                        update(
                            data,
                            "mediaStreamingUpdate",
                            "mediaStreamingStatus",
                            "mediaStreamingStarted",
                            "mediaStreamingStatusDetails",
                            "subscriptionStarted",
                            "contentType",
                            "Audio"));
                state.media.start();
              }
            });
  }

  private void startTranscription(
      AcsCall call, State state, @Nullable String context, @Nullable URI callback) {
    StreamingOptions.Transcription options =
        java.util.Objects.requireNonNull(state.options.transcription());
    state.transcriptionActive = true;
    describe(call, state);
    Thread.ofVirtual()
        .name("acs-transcription")
        .start(
            () -> {
              StreamSocket socket =
                  StreamSocket.open(
                      client,
                      options.transportUrl(),
                      call,
                      tokens.issue(call.resource().id(), null),
                      "transcription",
                      journal,
                      timeout);
              synchronized (state) {
                if (socket == null) {
                  state.transcriptionActive = false;
                  describe(call, state);
                  call.emit(
                      "TranscriptionFailed",
                      callback,
                      context,
                      new ResultInformation(
                          400,
                          8581,
                          "Action failed, the WebSocket connection could not be established."),
                      data ->
                          update(
                              data,
                              "transcriptionUpdate",
                              "transcriptionStatus",
                              "transcriptionFailed",
                              "transcriptionStatusDetails",
                              "initialWebSocketConnectionFailed",
                              null,
                              null));
                  return;
                }
                if (!state.transcriptionActive
                    || call.state() == CallConnectionState.DISCONNECTED) {
                  socket.close();
                  return;
                }
                String participant =
                    call.roster().caller() != null ? call.roster().caller().rawId() : "";
                state.transcription =
                    new TranscriptionStream(
                        call,
                        socket,
                        state.transcriptionSubscription,
                        state.locale,
                        participant,
                        options.intermediate());
                call.listenToCaller(state.transcription);
                call.emit(
                    "TranscriptionStarted",
                    callback,
                    context,
                    ResultInformation.OK,
                    data ->
                        update(
                            data,
                            "transcriptionUpdate",
                            "transcriptionStatus",
                            "transcriptionStarted",
                            "transcriptionStatusDetails",
                            "subscriptionStarted",
                            null,
                            null));
              }
            });
  }

  private void stopMedia(AcsCall call, State state) {
    synchronized (state) {
      state.mediaActive = false;
      if (state.media != null) {
        call.removeCallerListener(state.media);
        state.media.stop();
        state.media = null;
      }
      describe(call, state);
    }
  }

  private void stopTranscription(AcsCall call, State state) {
    synchronized (state) {
      state.transcriptionActive = false;
      if (state.transcription != null) {
        call.removeCallerListener(state.transcription);
        state.transcription.stop();
        state.transcription = null;
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
    call.describe(
        properties -> {
          if (state.options.media() != null) {
            var media = properties.putObject("mediaStreamingSubscription");
            media.put("id", state.mediaSubscription);
            media.put("state", state.mediaActive ? "active" : "inactive");
            media.putArray("subscribedContentTypes").add("audio");
          }
          if (state.options.transcription() != null) {
            var text = properties.putObject("transcriptionSubscription");
            text.put("id", state.transcriptionSubscription);
            text.put("state", state.transcriptionActive ? "active" : "inactive");
            var types = text.putArray("subscribedResultTypes").add("final");
            if (state.options.transcription().intermediate()) {
              types.add("intermediate");
            }
            text.put("locale", state.locale);
          }
        });
  }

  private static void emit(
      AcsCall call,
      String type,
      RequestBody body,
      String object,
      String statusField,
      String status,
      String detailsField,
      String details,
      @Nullable String extraField,
      @Nullable String extra) {
    call.emit(
        type,
        body.optionalUri("operationCallbackUri"),
        body.optionalText("operationContext"),
        ResultInformation.OK,
        data ->
            update(data, object, statusField, status, detailsField, details, extraField, extra));
  }

  private static void update(
      tools.jackson.databind.node.ObjectNode data,
      String object,
      String statusField,
      String status,
      String detailsField,
      String details,
      @Nullable String extraField,
      @Nullable String extra) {
    var update = data.putObject(object);
    if (extraField != null) {
      update.put(extraField, extra);
    }
    update.put(statusField, status);
    update.put(detailsField, details);
  }
}
