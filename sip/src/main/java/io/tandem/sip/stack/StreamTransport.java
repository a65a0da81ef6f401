package io.tandem.sip.stack;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;

/**
 * The TCP or TLS listening point of an endpoint (RFC 3261 §18): a server socket, and a registry of
 * open connections by remote address, whether the peer opened them or {@link #flowTo} did, so that
 * requests and responses to one address share one connection. TLS is mutual where the peer agrees
 * (the server side wants the client's certificate), and a connection this side opens must reach a
 * server whose certificate names the host addressed ({@link ServerIdentity}).
 *
 * <p>Every connection is watched by the endpoint's {@link ConnectionSweep} (blocked writes, idle
 * connections) and bounded by its {@link ConnectionLimits}.
 *
 * <p>Threading: blocking sockets on virtual threads: one accepting the server socket, one reading
 * each connection (handshake included, bounded by the handshake timeout), one writing it; {@link
 * #flowTo} blocks its caller while connecting, and concurrent calls for one address share one
 * attempt.
 */
final class StreamTransport implements SipTransport {

  /** How long a connection attempt may take. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** How long a TLS handshake may take, on either side, before the socket is closed. */
  static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(5);

  private static final System.Logger LOG = System.getLogger(StreamTransport.class.getName());

  /** The life of a transport. */
  enum State {
    OPEN,
    CLOSED
  }

  private final ServerSocket server;
  private final ListenPoint point;
  private final @Nullable TlsHandshake tls;
  private final MessageSink sink;
  private final ConnectionSweep sweep;
  private final int writeQueueBytes;
  private final int connectMillis;
  private final AtomicReference<State> state = new AtomicReference<>(State.OPEN);
  private final Map<InetSocketAddress, StreamConnection> connections = new ConcurrentHashMap<>();
  private final ConnectAttempts attempts = new ConnectAttempts();
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;

  private StreamTransport(
      ServerSocket server,
      Transport transport,
      @Nullable SSLContext tls,
      MessageSink sink,
      StreamOptions options) {
    this.server = server;
    this.point = new ListenPoint(transport, server.getLocalPort());
    this.tls = tls == null ? null : new TlsHandshake(tls, options.handshakeTimeout());
    this.sink = sink;
    this.sweep = options.sweep();
    this.writeQueueBytes = options.limits().writeQueueBytes();
    this.connectMillis = Math.toIntExact(options.connectTimeout().toMillis());
    this.acceptor =
        Thread.ofVirtual().name("sip-" + transport.token() + "-accept").unstarted(this::accept);
  }

  /**
   * Listens on {@code point} at {@code bind} (port 0: any free port); {@code tls} is required for a
   * TLS point and refused for a TCP one.
   */
  static StreamTransport open(
      ListenPoint point,
      InetAddress bind,
      @Nullable SSLContext tls,
      MessageSink sink,
      StreamOptions options)
      throws IOException {
    switch (point.transport()) {
      case UDP -> throw new IllegalArgumentException("a stream transport is TCP or TLS, not UDP");
      case TCP -> require(tls == null, "a TCP point takes no TLS context");
      case TLS -> require(tls != null, "a TLS point needs a TLS context");
    }
    ServerSocket server = new ServerSocket();
    try {
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(bind, point.port()), 128);
    } catch (IOException taken) {
      server.close();
      throw taken;
    }
    StreamTransport transport = new StreamTransport(server, point.transport(), tls, sink, options);
    transport.acceptor.start();
    return transport;
  }

  @Override
  public ListenPoint point() {
    return point;
  }

  @Override
  public Flow flowTo(InetSocketAddress address, String host) throws IOException {
    if (state.get() == State.CLOSED) {
      throw new IOException("the " + point + " transport is closed");
    }
    StreamConnection existing = openTo(address);
    StreamConnection connection =
        existing != null
            ? existing
            : attempts.connect(
                address,
                () -> {
                  StreamConnection raced = openTo(address);
                  return raced != null ? raced : connect(address, host);
                });
    reused(connection, host);
    connection.carryRequests();
    return connection;
  }

  private @Nullable StreamConnection openTo(InetSocketAddress address) {
    StreamConnection connection = connections.get(address);
    return connection != null && connection.state() == StreamConnection.State.OPEN
        ? connection
        : null;
  }

  /** The connections open now (peer-opened and own), for tests and diagnostics. */
  int openConnections() {
    return connections.size();
  }

  @Override
  public void close() {
    if (!state.compareAndSet(State.OPEN, State.CLOSED)) {
      return;
    }
    closeQuietly(server);
    List.copyOf(connections.values()).forEach(StreamConnection::close);
    List.copyOf(sockets).forEach(StreamTransport::closeQuietly);
  }

  /** Waits up to {@code timeout} for the accepting thread to end (after {@link #close()}). */
  boolean awaitAcceptorEnd(Duration timeout) throws InterruptedException {
    return acceptor.join(timeout);
  }

  private void accept() {
    while (state.get() == State.OPEN) {
      try {
        Socket accepted = server.accept();
        Thread.ofVirtual()
            .name("sip-" + point.transport().token() + "-" + accepted.getRemoteSocketAddress())
            .start(() -> serve(accepted));
      } catch (IOException failed) {
        if (server.isClosed()) {
          return;
        }
        LOG.log(Level.WARNING, "accepting on " + point + " failed", failed);
      }
    }
  }

  /** Handshakes (TLS) and reads a connection the peer opened, on its own thread. */
  private void serve(Socket accepted) {
    if (!track(accepted)) {
      return;
    }
    StreamConnection connection;
    try {
      accepted.setTcpNoDelay(true);
      connection = tls == null ? plain(accepted) : secured(tls.asServer(accepted), accepted);
    } catch (IOException refused) {
      LOG.log(
          Level.INFO,
          "dropped {0} connection from {1}: {2}",
          point.transport(),
          accepted.getRemoteSocketAddress(),
          refused.getMessage());
      untrack(accepted);
      return;
    }
    connections.putIfAbsent(connection.remote(), connection);
    started(connection);
    connection.read(sink, point);
  }

  /** Connects to {@code address}, handshakes and checks its name (TLS), registers and reads it. */
  private StreamConnection connect(InetSocketAddress address, String host) throws IOException {
    Socket plain = new Socket();
    if (!track(plain)) {
      throw new IOException("the " + point + " transport is closed");
    }
    try {
      plain.setTcpNoDelay(true);
      plain.connect(address, connectMillis);
      if (plain.getLocalSocketAddress().equals(plain.getRemoteSocketAddress())) {
        throw new ConnectException("nothing listens on " + address + " (connected to itself)");
      }
      StreamConnection connection =
          tls == null ? plain(plain) : secured(tls.asClient(plain, address, host), plain);
      connections.put(address, connection);
      started(connection);
      Thread.ofVirtual()
          .name("sip-" + point.transport().token() + "-" + address)
          .start(() -> connection.read(sink, point));
      return connection;
    } catch (IOException failed) {
      untrack(plain);
      throw failed;
    }
  }

  private StreamConnection plain(Socket socket) throws IOException {
    return new StreamConnection(
        socket, socket, point.transport(), List.of(), writeQueueBytes, forgetting(socket));
  }

  private StreamConnection secured(SSLSocket socket, Socket plain) throws IOException {
    return new StreamConnection(
        socket,
        plain,
        point.transport(),
        ServerIdentity.peerNames(socket.getSession()),
        writeQueueBytes,
        forgetting(plain));
  }

  /** A registered connection starts writing, under the sweep's watch. */
  private void started(StreamConnection connection) {
    connection.startWriting();
    sweep.watch(connection);
  }

  /** A connection for {@code host}: on TLS, its peer's certificate must name it too. */
  private void reused(StreamConnection connection, String host) throws IOException {
    if (tls != null) {
      ServerIdentity.requireNamed(connection.peerNames(), host, connection.remote());
    }
  }

  /** Tracks a socket until it closes; false (and closes it) when the transport has closed. */
  private boolean track(Socket socket) {
    sockets.add(socket);
    if (state.get() == State.CLOSED) {
      untrack(socket);
      return false;
    }
    return true;
  }

  private void untrack(Socket socket) {
    closeQuietly(socket);
    sockets.remove(socket);
  }

  /** What a connection over {@code plain} does when it closes: leave the registry. */
  private Consumer<StreamConnection> forgetting(Socket plain) {
    return connection -> {
      connections.remove(connection.remote(), connection);
      untrack(plain);
      sweep.closed(connection);
    };
  }

  private static void require(boolean condition, String otherwise) {
    if (!condition) {
      throw new IllegalArgumentException(otherwise);
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // closed either way
    }
  }
}
