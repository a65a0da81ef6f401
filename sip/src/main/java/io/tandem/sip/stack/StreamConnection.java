package io.tandem.sip.stack;

import io.tandem.sip.stack.SipTransport.MessageSink;
import io.tandem.sip.stack.StreamFraming.FramingException;
import io.tandem.sip.stack.StreamFraming.Message;
import io.tandem.sip.stack.StreamFraming.Ping;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One open TCP or TLS connection of a {@link StreamTransport}, as a {@link Flow}: opened by this
 * side or by the peer, it carries requests and responses both ways (RFC 3261 §18). It is {@link
 * State#OPEN} until either side closes it or it breaks, then {@link State#CLOSED} for good.
 *
 * <p>Threading: one reader thread runs {@link #read}; {@link #send} may be called from any thread
 * and writes one message at a time (a lock per connection).
 */
final class StreamConnection implements Flow {

  private static final System.Logger LOG = System.getLogger(StreamConnection.class.getName());
  private static final byte[] PONG = {'\r', '\n'};

  /** The life of a connection. */
  enum State {
    OPEN,
    CLOSED
  }

  private final Socket socket;
  private final OutputStream out;
  private final InetSocketAddress remote;
  private final Transport transport;
  private final List<String> peerNames;
  private final Consumer<StreamConnection> onClose;
  private final ReentrantLock writing = new ReentrantLock();
  private final AtomicReference<State> state = new AtomicReference<>(State.OPEN);
  private final CompletableFuture<Void> closed = new CompletableFuture<>();

  /**
   * A connection over {@code socket} (connected, and for TLS handshaken); {@code peerNames} are the
   * names of the peer's certificate (none on TCP, or when the peer presented none); {@code onClose}
   * runs once when it closes.
   */
  StreamConnection(
      Socket socket,
      Transport transport,
      List<String> peerNames,
      Consumer<StreamConnection> onClose)
      throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.remote = (InetSocketAddress) socket.getRemoteSocketAddress();
    this.transport = transport;
    this.peerNames = List.copyOf(peerNames);
    this.onClose = onClose;
  }

  @Override
  public void send(byte[] message) throws IOException {
    writing.lock();
    try {
      if (state.get() == State.CLOSED) {
        throw new IOException("the " + transport + " connection to " + remote + " is closed");
      }
      out.write(message);
      out.flush();
    } catch (IOException broken) {
      close();
      throw broken;
    } finally {
      writing.unlock();
    }
  }

  @Override
  public InetSocketAddress remote() {
    return remote;
  }

  @Override
  public Transport transport() {
    return transport;
  }

  /** The DNS names of the peer's certificate (empty on TCP or without one), lower case. */
  List<String> peerNames() {
    return peerNames;
  }

  State state() {
    return state.get();
  }

  /** Completes once the connection has closed and left its transport's registry. */
  CompletableFuture<Void> closed() {
    return closed;
  }

  /**
   * Reads framed messages into {@code sink} until the stream ends, breaks or breaks the framing;
   * answers keepalive pings; then closes the connection. Never throws.
   */
  void read(MessageSink sink, ListenPoint arrivedOn) {
    try {
      StreamFraming framing = new StreamFraming(socket.getInputStream());
      for (StreamFraming.Frame frame = framing.next(); frame != null; frame = framing.next()) {
        switch (frame) {
          case Message message -> deliver(sink, message.bytes(), arrivedOn);
          case Ping ping -> send(PONG);
        }
      }
      LOG.log(Level.DEBUG, "{0} connection with {1} ended", transport, remote);
    } catch (FramingException unframed) {
      LOG.log(
          Level.INFO, "closing {0} connection {1}: {2}", transport, remote, unframed.getMessage());
    } catch (IOException broken) {
      if (state.get() == State.OPEN) {
        LOG.log(Level.DEBUG, "{0} connection {1} broke: {2}", transport, remote, broken.toString());
      }
    } finally {
      close();
    }
  }

  private void deliver(MessageSink sink, byte[] message, ListenPoint arrivedOn) {
    try {
      sink.onMessage(message, this, arrivedOn);
    } catch (RuntimeException failure) {
      LOG.log(Level.WARNING, "the sink failed on a message from " + remote, failure);
    }
  }

  /** Closes the socket, leaves the registry and completes {@link #closed()}; idempotent. */
  void close() {
    if (!state.compareAndSet(State.OPEN, State.CLOSED)) {
      return;
    }
    try {
      socket.close();
    } catch (IOException ignored) {
      // closed either way
    }
    onClose.accept(this);
    closed.complete(null);
  }

  @Override
  public String toString() {
    return transport + " connection to " + remote + " (" + state.get() + ")";
  }
}
