package io.tandem.emulator.acs;

import io.tandem.emulator.http.HttpReply;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Live transcription of each call: the {@code transcriptionOptions} given at answer, create or
 * connect, the subscription as {@code CallConnectionProperties} shows it ({@code
 * transcriptionSubscription}, with its locale), start, stop and update (locale) with their
 * callbacks, and the {@link TranscriptionStream} to the application's {@code transportUrl}.
 * TranscriptionStarted follows once the socket is open, TranscriptionFailed
 * (initialWebSocketConnectionFailed) if it cannot be.
 */
final class LiveTranscription {

  private final StreamSubscriptions<StreamingOptions.Transcription> subscriptions;

  LiveTranscription(StreamConnector connector) {
    this.subscriptions =
        new StreamSubscriptions<>(
            connector,
            new StreamSubscriptions.Kind(
                "Transcription",
                "transcriptionOptions",
                "transcriptionSubscription",
                "Transcription",
                StreamingUpdate::transcription,
                "transcription",
                "acs-transcription"),
            LiveTranscription::describe,
            (call, socket, subscriptionId, options, participant) ->
                new TranscriptionStream(
                    call,
                    socket,
                    subscriptionId,
                    options.locale(),
                    participant,
                    options.intermediate()));
  }

  /** Remembers a new call's options, starts transcribing if asked to, stops when the call ends. */
  void attach(AcsCall call, StreamingOptions.@Nullable Transcription options) {
    subscriptions.attach(call, options);
  }

  /** Starts transcribing, in the request's {@code locale} if it names one. */
  HttpReply start(AcsCall call, RequestBody body) {
    return subscriptions.start(
        call,
        body,
        options -> {
          String locale = body.optionalText("locale");
          return locale == null ? options : options.withLocale(locale);
        });
  }

  HttpReply stop(AcsCall call, RequestBody body) {
    return subscriptions.stop(call, body);
  }

  /** Changes the locale of an active transcription. */
  HttpReply update(AcsCall call, RequestBody body) {
    return subscriptions.update(
        call,
        body,
        options -> options.withLocale(body.text("locale")),
        "transcriptionLocaleUpdated");
  }

  private static void describe(ObjectNode subscription, StreamingOptions.Transcription options) {
    var types = subscription.putArray("subscribedResultTypes").add("final");
    if (options.intermediate()) {
      types.add("intermediate");
    }
    subscription.put("locale", options.locale());
  }
}
