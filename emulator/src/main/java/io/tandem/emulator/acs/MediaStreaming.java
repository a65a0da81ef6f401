package io.tandem.emulator.acs;

import io.tandem.emulator.http.HttpReply;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Media streaming of each call: the {@code mediaStreamingOptions} given at answer, create or
 * connect, the subscription as {@code CallConnectionProperties} shows it ({@code
 * mediaStreamingSubscription}), start and stop with their callbacks, and the {@link MediaStream} to
 * the application's {@code transportUrl}. MediaStreamingStarted follows once the socket is open,
 * MediaStreamingFailed (initialWebSocketConnectionFailed) if it cannot be.
 */
final class MediaStreaming {

  private final StreamSubscriptions<StreamingOptions.Media> subscriptions;

  MediaStreaming(StreamConnector connector) {
    this.subscriptions =
        new StreamSubscriptions<>(
            connector,
            new StreamSubscriptions.Kind(
                "Media streaming",
                "mediaStreamingOptions",
                "mediaStreamingSubscription",
                "MediaStreaming",
                StreamingUpdate::media,
                "media",
                "acs-media-stream"),
            MediaStreaming::describe,
            (call, socket, subscriptionId, options, participant) ->
                new MediaStream(call, socket, subscriptionId, participant, options.dtmfTones()));
  }

  /** Remembers a new call's options, starts streaming if asked to, stops when the call ends. */
  void attach(AcsCall call, StreamingOptions.@Nullable Media options) {
    subscriptions.attach(call, options);
  }

  HttpReply start(AcsCall call, RequestBody body) {
    return subscriptions.start(call, body, UnaryOperator.identity());
  }

  HttpReply stop(AcsCall call, RequestBody body) {
    return subscriptions.stop(call, body);
  }

  private static void describe(ObjectNode subscription, StreamingOptions.Media options) {
    subscription.putArray("subscribedContentTypes").add("audio");
  }
}
