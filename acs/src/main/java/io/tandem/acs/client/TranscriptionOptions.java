package io.tandem.acs.client;

import java.net.URI;

/**
 * Live transcription over a WebSocket to {@code transportUrl} in {@code locale} (e.g. {@code
 * en-US}); started with the call or later, with or without intermediate results.
 */
public record TranscriptionOptions(
    URI transportUrl,
    String locale,
    boolean startTranscription,
    boolean enableIntermediateResults) {

  public TranscriptionOptions {
    Requests.requireWebSocket(transportUrl, "transcription transportUrl");
    if (locale.isBlank()) {
      throw new IllegalArgumentException("transcription needs a locale");
    }
  }
}
