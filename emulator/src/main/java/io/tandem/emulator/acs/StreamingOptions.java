package io.tandem.emulator.acs;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * The {@code mediaStreamingOptions} and {@code transcriptionOptions} of an answer or create
 * request, validated; either may be absent.
 */
record StreamingOptions(@Nullable Media media, @Nullable Transcription transcription) {

  /** What the options of either stream say: where its socket connects, whether it starts now. */
  sealed interface Stream permits Media, Transcription {
    URI transportUrl();

    boolean startNow();
  }

  record Media(URI transportUrl, String channelType, boolean startNow, boolean dtmfTones)
      implements Stream {}

  record Transcription(URI transportUrl, String locale, boolean startNow, boolean intermediate)
      implements Stream {

    /** These options in {@code other} locale. */
    Transcription withLocale(String other) {
      return new Transcription(transportUrl, other, startNow, intermediate);
    }
  }

  static StreamingOptions parse(RequestBody body) {
    Media media = null;
    RequestBody streaming = body.optionalObject("mediaStreamingOptions");
    if (streaming != null) {
      websocket(streaming);
      String channel = streaming.oneOf("audioChannelType", null, "mixed", "unmixed");
      if (channel == null) {
        throw AcsErrors.badRequest(
            streaming.path("audioChannelType"),
            "The " + streaming.path("audioChannelType") + " field is required.");
      }
      streaming.oneOf("audioFormat", "pcm16KMono", "pcm16KMono", "pcm24KMono");
      media =
          new Media(
              transportUrl(streaming),
              channel,
              streaming.bool("startMediaStreaming", false),
              streaming.bool("enableDtmfTones", false));
    }
    Transcription transcription = null;
    RequestBody text = body.optionalObject("transcriptionOptions");
    if (text != null) {
      websocket(text);
      transcription =
          new Transcription(
              transportUrl(text),
              text.text("locale"),
              text.bool("startTranscription", false),
              text.bool("enableIntermediateResults", false));
    }
    return new StreamingOptions(media, transcription);
  }

  private static void websocket(RequestBody options) {
    String transport = options.text("transportType");
    if (!transport.equalsIgnoreCase("websocket")) {
      throw AcsErrors.badRequest(
          options.path("transportType"),
          "The " + options.path("transportType") + " field must be websocket.");
    }
  }

  private static URI transportUrl(RequestBody options) {
    return options.parseUri("transportUrl", options.text("transportUrl"), "ws", "wss");
  }
}
