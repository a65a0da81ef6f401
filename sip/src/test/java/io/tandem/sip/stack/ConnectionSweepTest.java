package io.tandem.sip.stack;

import static io.tandem.sip.stack.RecordingSink.request;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limits of TCP connections over loopback, on timers the test advances: a peer that accepts and
 * never reads (its write blocked past the write timeout, or its write queue over its limit) loses
 * the connection without ever blocking a sender, and a connection that carries nothing for the idle
 * timeout is closed, messages and keepalive pings either way keeping it open.
 */
class ConnectionSweepTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(3);
  private static final String PROXY = "sip.pstnhub.microsoft.com";

  private final ManualTimers timers = new ManualTimers();
  private final RecordingSink inbox = new RecordingSink();
  private final List<Flow> requestFlowsClosed = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> opened = new ArrayList<>();
  private ConnectionSweep sweep;
  private StreamTransport tandem;

  private void open(ConnectionLimits limits) throws IOException {
    sweep = new ConnectionSweep(timers, limits, requestFlowsClosed::add);
    tandem =
        StreamTransport.open(
            new ListenPoint(Transport.TCP, 0),
            LOOPBACK,
            null,
            inbox,
            StreamOptions.of(limits, sweep));
    opened.add(tandem);
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable closeable : opened) {
      closeable.close();
    }
  }

  @Test
  void peerThatNeverReads_losesTheConnectionOnceAWriteStaysBlockedForTheWriteTimeout()
      throws Exception {
    open(new ConnectionLimits(WRITE_TIMEOUT, 64 * 1024 * 1024, IDLE_TIMEOUT));
    StreamConnection connection = (StreamConnection) tandem.flowTo(neverReadingPeer(), "peer");
    byte[] large = request("x".repeat(60_000));

    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          for (int i = 0; i < 300; i++) { // 18 MB: far more than the kernel buffers on loopback
            connection.send(large);
          }
        },
        "no sender blocks on a peer that reads nothing");
    awaitBlockedWrite(connection);
    timers.advance(WRITE_TIMEOUT.toMillis() - 1);

    assertThat(connection.state()).isEqualTo(StreamConnection.State.OPEN);
    assertThat(requestFlowsClosed).isEmpty();

    timers.advance(ConnectionSweep.SWEEP_MILLIS + 1);

    assertThat(connection.state()).isEqualTo(StreamConnection.State.CLOSED);
    assertThat(requestFlowsClosed).containsExactly(connection);
    assertThat(tandem.openConnections()).isZero();
    assertThat(sweep.watched()).isZero();
    assertThatThrownBy(() -> connection.send(request("after")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void tlsPeerThatNeverReads_isCutWithoutBlockingTheSweep(@TempDir Path directory)
      throws Exception {
    ConnectionLimits limits = new ConnectionLimits(WRITE_TIMEOUT, 64 * 1024 * 1024, IDLE_TIMEOUT);
    sweep = new ConnectionSweep(timers, limits, requestFlowsClosed::add);
    StreamTransport sbc =
        StreamTransport.open(
            new ListenPoint(Transport.TLS, 0),
            LOOPBACK,
            TlsContexts.of(material(directory, "sbc.p12")),
            inbox,
            StreamOptions.of(limits, sweep));
    opened.add(sbc);
    StreamConnection connection =
        (StreamConnection)
            sbc.flowTo(neverReadingTlsPeer(material(directory, "emulator.p12")), PROXY);
    byte[] large = request("z".repeat(60_000));
    for (int i = 0; i < 300; i++) {
      connection.send(large);
    }
    awaitBlockedWrite(connection);

    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> timers.advance(WRITE_TIMEOUT.toMillis() + ConnectionSweep.SWEEP_MILLIS),
        "the sweep's close waits for no close_notify");

    assertThat(connection.state()).isEqualTo(StreamConnection.State.CLOSED);
    assertThat(requestFlowsClosed).containsExactly(connection);
    assertThat(sbc.openConnections()).isZero();
  }

  @Test
  void writeQueueOverItsLimit_closesTheConnection_andThatSendFails() throws Exception {
    open(new ConnectionLimits(WRITE_TIMEOUT, ConnectionLimits.MIN_WRITE_QUEUE_BYTES, IDLE_TIMEOUT));
    StreamConnection connection = (StreamConnection) tandem.flowTo(neverReadingPeer(), "peer");
    byte[] message = request("y".repeat(16_000));

    IOException refused =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5),
            () -> {
              for (int i = 0; i < 100_000; i++) {
                try {
                  connection.send(message);
                } catch (IOException full) {
                  return full;
                }
              }
              throw new AssertionError("1.6 GB queued without refusal");
            });

    assertThat(refused).hasMessageContaining("write queue is full");
    assertThat(connection.state()).isEqualTo(StreamConnection.State.CLOSED);
    assertThat(requestFlowsClosed).containsExactly(connection);
    assertThat(tandem.openConnections()).isZero();
  }

  @Test
  void connectionCarryingNothing_isClosedAfterTheIdleTimeout_pingsAndMessagesKeepItOpen()
      throws Exception {
    open(new ConnectionLimits(WRITE_TIMEOUT, 1024 * 1024, IDLE_TIMEOUT));
    Socket peer = connect();
    write(peer, request("hello"));
    StreamConnection flow = (StreamConnection) inbox.next().from();
    timers.advance(ConnectionSweep.SWEEP_MILLIS); // the sweep sees the message

    timers.advance(Duration.ofMinutes(2).toMillis());
    write(peer, "\r\n\r\n".getBytes(US_ASCII));
    assertThat(new String(peer.getInputStream().readNBytes(2), US_ASCII)).isEqualTo("\r\n");
    awaitWritten(flow);
    timers.advance(Duration.ofMinutes(2).toMillis());
    flow.send(request("from tandem"));
    assertThat(
            new String(peer.getInputStream().readNBytes(request("from tandem").length), US_ASCII))
        .endsWith("from tandem");
    awaitWritten(flow);
    timers.advance(IDLE_TIMEOUT.toMillis() - 2 * ConnectionSweep.SWEEP_MILLIS);

    assertThat(tandem.openConnections()).as("open 7 minutes in, quiet for 3 minutes less").isOne();

    timers.advance(3 * ConnectionSweep.SWEEP_MILLIS);

    assertThat(StreamTransportTest.readToEnd(peer)).isZero();
    assertThat(tandem.openConnections()).isZero();
    assertThat(requestFlowsClosed)
        .as("the peer's connection carried no request of Tandem")
        .isEmpty();
  }

  @Test
  void zeroIdleTimeout_keepsAQuietConnection() throws Exception {
    open(new ConnectionLimits(WRITE_TIMEOUT, 1024 * 1024, Duration.ZERO));
    Socket peer = connect();
    write(peer, request("hello"));
    inbox.next();

    timers.advance(Duration.ofHours(1).toMillis());
    write(peer, request("an hour later"));

    assertThat(inbox.next().text()).endsWith("an hour later");
    assertThat(tandem.openConnections()).isOne();
  }

  @Test
  void limits_refuseAZeroWriteTimeout_aQueueSmallerThanAMessage_andANegativeIdleTimeout() {
    assertThatThrownBy(() -> new ConnectionLimits(Duration.ZERO, 1 << 20, IDLE_TIMEOUT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("write timeout");
    assertThatThrownBy(() -> new ConnectionLimits(WRITE_TIMEOUT, 65_535, IDLE_TIMEOUT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("write queue");
    assertThatThrownBy(() -> new ConnectionLimits(WRITE_TIMEOUT, 1 << 20, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("idle timeout");
  }

  /** A TLS server that handshakes on one connection and never reads it. */
  private InetSocketAddress neverReadingTlsPeer(TlsMaterial material) throws Exception {
    SSLServerSocket server =
        (SSLServerSocket) TlsContexts.of(material).getServerSocketFactory().createServerSocket();
    server.setReceiveBufferSize(4096);
    server.bind(new InetSocketAddress(LOOPBACK, 0));
    opened.add(server);
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                SSLSocket accepted = (SSLSocket) server.accept();
                opened.add(accepted);
                accepted.startHandshake(); // then held open, never read
              } catch (IOException closed) {
                // the test ended
              }
            });
    return new InetSocketAddress(LOOPBACK, server.getLocalPort());
  }

  private static TlsMaterial material(Path directory, String keyStore) throws IOException {
    return new TlsMaterial(
        copy(directory, keyStore), "changeit", copy(directory, "truststore.p12"), "changeit");
  }

  private static Path copy(Path directory, String name) throws IOException {
    try (InputStream in =
        ConnectionSweepTest.class.getClassLoader().getResourceAsStream("test-pki/" + name)) {
      Path file = directory.resolve(name);
      Files.write(file, in.readAllBytes());
      return file;
    }
  }

  /** A peer that accepts one connection and never reads it, with a small receive buffer. */
  private InetSocketAddress neverReadingPeer() throws IOException {
    ServerSocket server = new ServerSocket();
    server.setReceiveBufferSize(4096);
    server.bind(new InetSocketAddress(LOOPBACK, 0));
    opened.add(server);
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                opened.add(server.accept()); // held open, never read
              } catch (IOException closed) {
                // the test ended
              }
            });
    return new InetSocketAddress(LOOPBACK, server.getLocalPort());
  }

  /**
   * Waits (at most 10 s) until one write of {@code connection} has stayed in progress for 300 ms
   * without another completing: the kernel's buffers are full.
   */
  private static void awaitBlockedWrite(StreamConnection connection) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    long stableSince = System.nanoTime();
    int writes = connection.writesDone();
    while (System.nanoTime() < deadline) {
      int now = connection.writesDone();
      if (!connection.writing() || now != writes) {
        writes = now;
        stableSince = System.nanoTime();
      } else if (System.nanoTime() - stableSince > TimeUnit.MILLISECONDS.toNanos(300)) {
        return;
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("no write blocked within 10 s");
  }

  /**
   * Waits (at most 5 s) until {@code connection}'s writer has finished the write its peer has read:
   * the test's timers run far ahead of real time, and a write still in progress at the sweeps of
   * ten of their seconds is a blocked one.
   */
  private static void awaitWritten(StreamConnection connection) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (connection.writing() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(connection.writing()).isFalse();
  }

  private Socket connect() throws IOException {
    return LoopbackEndpoints.connect(tandem.point().port(), opened);
  }

  private static void write(Socket socket, byte[] bytes) throws IOException {
    LoopbackEndpoints.write(socket, bytes);
  }
}
