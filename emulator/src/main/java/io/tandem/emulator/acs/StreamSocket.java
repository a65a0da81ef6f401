package io.tandem.emulator.acs;

import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Direction;
import io.tandem.emulator.journal.Journal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * A WebSocket that ACS opens to an application's {@code transportUrl} (ws:// or wss:// with the
 * emulator's trust anchors) with the handshake headers {@code x-ms-call-correlation-id}, {@code
 * x-ms-call-connection-id} and a Bearer callback token. Text frames are sent one after another (the
 * JDK WebSocket allows one outstanding send); the first frame and the close are journaled.
 */
final class StreamSocket {

  private final WebSocket socket;
  private final Journal journal;
  private final String callId;
  private final String kind;
  private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
  private boolean closed;
  private long sent;

  private StreamSocket(WebSocket socket, Journal journal, String callId, String kind) {
    this.socket = socket;
    this.journal = journal;
    this.callId = callId;
    this.kind = kind;
  }

  /** Opens the socket, waiting at most {@code timeout}; null (and journaled) when it fails. */
  static @Nullable StreamSocket open(
      HttpClient client,
      URI transportUrl,
      AcsCall call,
      String bearerToken,
      String kind,
      Journal journal,
      Duration timeout) {
    journal.record(
        Channel.ACS,
        Direction.OUT,
        kind + " websocket connect",
        call.id(),
        Map.of("url", transportUrl.toString()),
        null);
    try {
      WebSocket socket =
          client
              .newWebSocketBuilder()
              .connectTimeout(timeout)
              .header("x-ms-call-correlation-id", call.correlationId())
              .header("x-ms-call-connection-id", call.id())
              .header("Authorization", "Bearer " + bearerToken)
              .buildAsync(
                  transportUrl,
                  new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(
                        WebSocket webSocket, CharSequence data, boolean last) {
                      webSocket.request(1);
                      return null;
                    }
                  })
              .get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      journal.record(
          Channel.ACS,
          Direction.IN,
          kind + " websocket connected",
          call.id(),
          Map.of("url", transportUrl.toString()),
          null);
      return new StreamSocket(socket, journal, call.id(), kind);
    } catch (Exception failed) {
      if (failed instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      journal.record(
          Channel.ACS,
          Direction.IN,
          kind + " websocket failed",
          call.id(),
          Map.of("url", transportUrl.toString(), "reason", String.valueOf(failed.getMessage())),
          null);
      return null;
    }
  }

  synchronized void send(String text) {
    if (closed) {
      return;
    }
    if (sent++ == 0) {
      journal.record(Channel.ACS, Direction.OUT, kind + " frame", callId, Map.of(), text);
    }
    sending =
        sending
            .handle((ignored, failure) -> null)
            .thenCompose(ignored -> socket.sendText(text, true));
  }

  synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    journal.record(
        Channel.ACS,
        Direction.OUT,
        kind + " websocket close",
        callId,
        Map.of("frames", Long.toString(sent)),
        null);
    sending
        .handle((ignored, failure) -> null)
        .thenCompose(ignored -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "stopped"));
  }
}
