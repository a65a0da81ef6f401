package io.tandem.sip.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connection attempts of a stream transport in progress, one per remote address: a caller that
 * wants a connection to an address another caller is connecting to waits for that attempt and
 * shares its result (the connection, or its failure) instead of opening a second one.
 *
 * <p>Threading: any thread; a caller blocks while the attempt it runs or joins is in progress.
 */
final class ConnectAttempts {

  /** Opens a connection (blocking). */
  @FunctionalInterface
  interface Attempt {
    StreamConnection open() throws IOException;
  }

  private final Map<InetSocketAddress, CompletableFuture<StreamConnection>> running =
      new ConcurrentHashMap<>();

  /** Runs {@code attempt} for {@code address}, or joins the one already running for it. */
  StreamConnection connect(InetSocketAddress address, Attempt attempt) throws IOException {
    CompletableFuture<StreamConnection> mine = new CompletableFuture<>();
    CompletableFuture<StreamConnection> pending = running.putIfAbsent(address, mine);
    if (pending != null) {
      return await(pending);
    }
    try {
      StreamConnection connection = attempt.open();
      mine.complete(connection);
      return connection;
    } catch (IOException | RuntimeException failed) {
      mine.completeExceptionally(failed);
      throw failed;
    } finally {
      running.remove(address, mine);
    }
  }

  private static StreamConnection await(CompletableFuture<StreamConnection> pending)
      throws IOException {
    try {
      return pending.join();
    } catch (CompletionException failed) {
      if (failed.getCause() instanceof IOException cause) {
        throw new IOException(cause.getMessage(), cause);
      }
      throw failed;
    }
  }
}
