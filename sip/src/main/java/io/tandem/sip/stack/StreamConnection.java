package io.tandem.sip.stack;

import io.tandem.sip.stack.SipTransport.MessageSink;
import io.tandem.sip.stack.StreamFraming.FramingException;
import io.tandem.sip.stack.StreamFraming.Message;
import io.tandem.sip.stack.StreamFraming.Ping;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One open TCP or TLS connection of a {@link StreamTransport}, as a {@link Flow}: opened by this
 * side or by the peer, it carries requests and responses both ways (RFC 3261 §18). It is {@link
 * State#OPEN} until either side closes it or it breaks, then {@link State#CLOSED} for good.
 *
 * <p>Threading: one reader thread runs {@link #read}, one writer thread (started by {@link
 * #startWriting}) writes what {@link #send} queued ({@link WriteQueue}); {@link #send} may be
 * called from any thread and never blocks on the socket. {@link #close} may come from any thread,
 * the connection sweep's included.
 */
final class StreamConnection implements Flow {

  private static final System.Logger LOG = System.getLogger(StreamConnection.class.getName());
  private static final byte[] PONG = {'\r', '\n'};

  /**
   * What one read takes from the socket: the framing reads a header byte by byte, which unbuffered
   * was a system call per byte on TCP.
   */
  private static final int READ_BUFFER_BYTES = 16 * 1024;

  /** The life of a connection. */
  enum State {
    OPEN,
    CLOSED
  }

  private final Socket socket;
  private final Socket underlying;
  private final OutputStream out;
  private final InetSocketAddress remote;
  private final Transport transport;
  private final List<String> peerNames;
  private final Consumer<StreamConnection> onClose;
  private final WriteQueue writes;
  private final AtomicReference<State> state = new AtomicReference<>(State.OPEN);
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private volatile int framesRead;
  private volatile boolean carriesRequests;
  private volatile boolean lostWrites;

  /**
   * A connection over {@code socket} (connected, and for TLS handshaken); {@code peerNames} are the
   * names of the peer's certificate (none on TCP, or when the peer presented none); {@code
   * underlying} is the TCP socket under a TLS one (else {@code socket} itself); {@code
   * writeQueueBytes} bounds what may wait behind a write in progress; {@code onClose} runs once
   * when it closes.
   */
  StreamConnection(
      Socket socket,
      Socket underlying,
      Transport transport,
      List<String> peerNames,
      int writeQueueBytes,
      Consumer<StreamConnection> onClose)
      throws IOException {
    this.socket = socket;
    this.underlying = underlying;
    this.out = socket.getOutputStream();
    this.writes = new WriteQueue(writeQueueBytes);
    this.remote = (InetSocketAddress) socket.getRemoteSocketAddress();
    this.transport = transport;
    this.peerNames = List.copyOf(peerNames);
    this.onClose = onClose;
  }

  /**
   * Queues {@code message} for the writer thread. Throws when the connection is closed, or when the
   * message would take the write queue past its limit: the peer does not read what it is sent, so
   * the connection is closed.
   */
  @Override
  public void send(byte[] message) throws IOException {
    switch (writes.add(message)) {
      case QUEUED -> {}
      case CLOSED ->
          throw new IOException("the " + transport + " connection to " + remote + " is closed");
      case OVER_LIMIT -> {
        LOG.log(Level.INFO, "closing {0} connection {1}: write queue full", transport, remote);
        abort(true);
        throw new IOException(
            "the " + transport + " connection to " + remote + " closed: its write queue is full");
      }
    }
  }

  /** Starts the writer thread, which writes what is queued until the connection closes. */
  void startWriting() {
    Thread.ofVirtual().name("sip-" + transport.token() + "-write-" + remote).start(this::write);
  }

  private void write() {
    try {
      writes.writeTo(out);
    } catch (IOException broken) {
      if (state.get() == State.OPEN) {
        LOG.log(Level.DEBUG, "{0} connection {1} broke: {2}", transport, remote, broken.toString());
        end(true, true);
      }
    } finally {
      close();
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

  /** Marks the connection as carrying requests of this side (their transactions wait on it). */
  void carryRequests() {
    if (!carriesRequests) {
      carriesRequests = true;
    }
  }

  /** Whether this side has sent requests on the connection. */
  boolean carriesRequests() {
    return carriesRequests;
  }

  /**
   * Whether the connection closed on a failed write, or with messages not yet written: what was
   * sent on it may never have reached the peer (a transport error, RFC 3261 §17.1.4). False while
   * open, and after a close with everything written (the peer's, an idle one).
   */
  boolean lostWrites() {
    return lostWrites;
  }

  /** A count that moves with every frame read and every write completed. */
  long activity() {
    return (long) framesRead + writes.writes();
  }

  /** Whether a write is in progress. */
  boolean writing() {
    return writes.writing();
  }

  /** How many writes have completed. */
  int writesDone() {
    return writes.writes();
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
      StreamFraming framing =
          new StreamFraming(new BufferedInputStream(socket.getInputStream(), READ_BUFFER_BYTES));
      for (StreamFraming.Frame frame = framing.next(); frame != null; frame = framing.next()) {
        framesRead++; // one reader thread: no update is lost
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

  /**
   * Closes the socket, leaves the registry and completes {@link #closed()}; idempotent. A write in
   * progress is cut by closing the TCP socket first (a TLS socket's own close would wait for it to
   * send its close_notify).
   */
  void close() {
    end(false, false);
  }

  /**
   * Closes as {@link #close()} does, the TCP socket first whatever is in progress: the peer reads
   * nothing, so not even a TLS close_notify is tried (it could block the closing thread). A {@code
   * failedWrite} (blocked too long, a full queue) makes the close one that {@link #lostWrites()}.
   */
  void abort(boolean failedWrite) {
    end(true, failedWrite);
  }

  private void end(boolean cutFirst, boolean failedWrite) {
    if (!state.compareAndSet(State.OPEN, State.CLOSED)) {
      return;
    }
    boolean unwritten = writes.close();
    lostWrites = failedWrite || unwritten;
    if (cutFirst || writes.writing()) {
      closeQuietly(underlying);
    }
    closeQuietly(socket);
    onClose.accept(this);
    closed.complete(null);
  }

  private static void closeQuietly(Socket closing) {
    try {
      closing.close();
    } catch (IOException ignored) {
      // closed either way
    }
  }

  @Override
  public String toString() {
    return transport + " connection to " + remote + " (" + state.get() + ")";
  }
}
