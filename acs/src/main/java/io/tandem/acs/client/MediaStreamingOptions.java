package io.tandem.acs.client;

import java.net.URI;
import java.util.Set;

/**
 * Audio streaming over a WebSocket to {@code transportUrl}: {@code mixed} or {@code unmixed}
 * channels, started with the call or later, optionally bidirectional, format {@code pcm16KMono} or
 * {@code pcm24KMono}.
 */
public record MediaStreamingOptions(
    URI transportUrl,
    String audioChannelType,
    boolean startMediaStreaming,
    boolean enableBidirectional,
    String audioFormat) {

  public MediaStreamingOptions {
    Requests.requireWebSocket(transportUrl, "media streaming transportUrl");
    Requests.requireOneOf(audioChannelType, Set.of("mixed", "unmixed"), "audioChannelType");
    Requests.requireOneOf(audioFormat, Set.of("pcm16KMono", "pcm24KMono"), "audioFormat");
  }
}
