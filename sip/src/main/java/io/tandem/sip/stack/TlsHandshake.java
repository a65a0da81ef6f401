package io.tandem.sip.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

/**
 * TLS layered over a connected TCP socket, on either side, restricted to {@link TlsContexts}'
 * protocols and suites and bounded by a timeout: a handshake not complete within it closes the
 * socket (each read is bounded by it too), so a peer that never finishes holds nothing for longer.
 * The server side wants the client's certificate (mutual TLS where the client has one the trust
 * store accepts); the client side sends SNI and checks the server's name ({@link ServerIdentity}).
 *
 * <p>Threading: stateless; the calling thread blocks for the handshake.
 */
final class TlsHandshake {

  private final SSLContext context;
  private final int timeoutMillis;

  TlsHandshake(SSLContext context, Duration timeout) {
    this.context = context;
    this.timeoutMillis = Math.toIntExact(timeout.toMillis());
  }

  /** Handshakes as the server on a socket the peer connected; the TLS socket over it. */
  SSLSocket asServer(Socket plain) throws IOException {
    SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, null, true);
    socket.setUseClientMode(false);
    socket.setWantClientAuth(true);
    TlsContexts.restrict(socket);
    run(socket, plain.getRemoteSocketAddress().toString());
    return socket;
  }

  /**
   * Handshakes as the client on a socket connected to {@code address} for {@code host}; the TLS
   * socket over it, its server's certificate naming {@code host} (unless an IP literal).
   *
   * @throws javax.net.ssl.SSLPeerUnverifiedException when the certificate names other hosts
   */
  SSLSocket asClient(Socket plain, InetSocketAddress address, String host) throws IOException {
    String peer = ServerIdentity.isIpLiteral(host) ? address.getHostString() : host;
    SSLSocket socket =
        (SSLSocket) context.getSocketFactory().createSocket(plain, peer, address.getPort(), true);
    socket.setUseClientMode(true);
    TlsContexts.restrict(socket);
    ServerIdentity.indicate(socket, host);
    run(socket, address + " (" + host + ")");
    ServerIdentity.verify(socket.getSession(), host);
    return socket;
  }

  private void run(SSLSocket socket, String peer) throws IOException {
    CompletableFuture<Void> handshaken = new CompletableFuture<>();
    handshaken
        .orTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
        .exceptionally(
            late -> {
              closeQuietly(socket);
              return null;
            });
    try {
      socket.setSoTimeout(timeoutMillis);
      socket.startHandshake();
      socket.setSoTimeout(0);
    } catch (IOException failed) {
      if (failed instanceof SocketTimeoutException || handshaken.isCompletedExceptionally()) {
        throw new SocketTimeoutException(
            "no TLS handshake with " + peer + " within " + timeoutMillis + " ms");
      }
      if (failed instanceof SSLHandshakeException) {
        throw new SSLHandshakeException(
            "TLS handshake with " + peer + " failed: " + failed.getMessage(), failed);
      }
      throw failed;
    } finally {
      handshaken.complete(null);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closed either way
    }
  }
}
