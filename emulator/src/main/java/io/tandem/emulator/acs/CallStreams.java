package io.tandem.emulator.acs;

import io.tandem.emulator.entra.CallbackTokens;
import io.tandem.emulator.http.HttpReply;
import io.tandem.emulator.journal.Journal;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * The two streams a call can send to an application over WebSockets, wired together: {@link
 * MediaStreaming} and {@link LiveTranscription}, sharing one {@link StreamConnector}.
 */
final class CallStreams {

  private final MediaStreaming media;
  private final LiveTranscription transcription;

  CallStreams(
      @Nullable SSLContext trust, CallbackTokens tokens, Journal journal, Duration timeout) {
    StreamConnector connector = new StreamConnector(trust, tokens, journal, timeout);
    this.media = new MediaStreaming(connector);
    this.transcription = new LiveTranscription(connector);
  }

  /** Remembers a new call's options, starts what should start now, and cleans up when it ends. */
  void attach(AcsCall call, StreamingOptions options) {
    media.attach(call, options.media());
    transcription.attach(call, options.transcription());
  }

  HttpReply startMediaStreaming(AcsCall call, RequestBody body) {
    return media.start(call, body);
  }

  HttpReply stopMediaStreaming(AcsCall call, RequestBody body) {
    return media.stop(call, body);
  }

  HttpReply startTranscription(AcsCall call, RequestBody body) {
    return transcription.start(call, body);
  }

  HttpReply stopTranscription(AcsCall call, RequestBody body) {
    return transcription.stop(call, body);
  }

  HttpReply updateTranscription(AcsCall call, RequestBody body) {
    return transcription.update(call, body);
  }
}
