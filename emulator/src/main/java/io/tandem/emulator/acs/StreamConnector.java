package io.tandem.emulator.acs;

import io.tandem.emulator.entra.CallbackTokens;
import io.tandem.emulator.journal.Journal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * Opens the WebSockets of media streaming and transcription to an application's {@code
 * transportUrl}, each on its own virtual thread, with the emulator's trust anchors and a Bearer
 * callback token of the call's resource.
 */
final class StreamConnector {

  /** What a *Failed event says when the socket could not be opened. */
  static final ResultInformation CONNECTION_FAILED =
      new ResultInformation(
          400, 8581, "Action failed, the WebSocket connection could not be established.");

  private final HttpClient client;
  private final CallbackTokens tokens;
  private final Journal journal;
  private final Duration timeout;

  StreamConnector(
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

  /**
   * Opens a socket of {@code kind} ({@code media}, {@code transcription}) for {@code call} on a
   * virtual thread named {@code threadName}, then hands it (null if it failed) to {@code opened}.
   */
  void open(
      AcsCall call,
      URI transportUrl,
      String kind,
      String threadName,
      Consumer<@Nullable StreamSocket> opened) {
    Thread.ofVirtual()
        .name(threadName)
        .start(
            () ->
                opened.accept(
                    StreamSocket.open(
                        client,
                        transportUrl,
                        call,
                        tokens.issue(call.resource().id(), null),
                        kind,
                        journal,
                        timeout)));
  }
}
