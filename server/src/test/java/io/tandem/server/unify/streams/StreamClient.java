package io.tandem.server.unify.streams;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A JDK WebSocket client playing ACS: opens a stream with the handshake headers ACS sends, sends
 * text frames one after another, and records how the server closed it.
 */
final class StreamClient implements AutoCloseable {

  static final Duration WAIT = Duration.ofSeconds(10);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final WebSocket socket;
  private final CompletableFuture<Integer> closed;

  private StreamClient(WebSocket socket, CompletableFuture<Integer> closed) {
    this.socket = socket;
    this.closed = closed;
  }

  /** Opens a stream; {@code headers} are name/value pairs (no Authorization unless given). */
  static StreamClient open(URI url, String... headers) throws Exception {
    CompletableFuture<Integer> closed = new CompletableFuture<>();
    WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(WAIT);
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    WebSocket socket =
        builder
            .buildAsync(
                url,
                new WebSocket.Listener() {
                  @Override
                  public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
                    closed.complete(status);
                    return null;
                  }

                  @Override
                  public void onError(WebSocket ws, Throwable error) {
                    closed.completeExceptionally(error);
                  }
                })
            .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    return new StreamClient(socket, closed);
  }

  /** The HTTP status the server refused the handshake of a stream with. */
  static int refusal(URI url, String... headers) throws Exception {
    try {
      open(url, headers).close();
    } catch (ExecutionException failed) {
      if (failed.getCause() instanceof WebSocketHandshakeException refused) {
        return refused.getResponse().statusCode();
      }
      throw failed;
    }
    throw new AssertionError("the handshake to " + url + " succeeded");
  }

  void send(String text) throws Exception {
    socket.sendText(text, true).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  void sendBinary(byte[] bytes) throws Exception {
    socket.sendBinary(ByteBuffer.wrap(bytes), true).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Sends {@code text} in pieces of {@code size} characters, as fragments of one frame. */
  void sendInPieces(String text, int size) throws Exception {
    for (int at = 0; at < text.length(); at += size) {
      int end = Math.min(text.length(), at + size);
      socket
          .sendText(text.substring(at, end), end == text.length())
          .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** The close code the server sent, waiting at most {@link #WAIT}. */
  int closeCode() throws Exception {
    return closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  boolean isOpen() {
    return !closed.isDone();
  }

  @Override
  public void close() throws Exception {
    if (!socket.isOutputClosed()) {
      try {
        socket
            .sendClose(WebSocket.NORMAL_CLOSURE, "done")
            .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.ExecutionException closedMeanwhile) {
        // The server's close can cross ours: the client then answered it and its output is shut.
        if (!socket.isOutputClosed()) {
          throw closedMeanwhile;
        }
      }
    }
  }
}
