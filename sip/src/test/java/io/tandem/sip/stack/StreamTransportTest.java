package io.tandem.sip.stack;

import static io.tandem.sip.stack.RecordingSink.request;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The TCP transport over loopback: framing of a byte stream into messages, keepalive pings,
 * connections reused both ways, and connections closed on framing errors, by the peer, and with the
 * transport.
 */
class StreamTransportTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private final RecordingSink inbox = new RecordingSink();
  private final StreamOptions options =
      StreamOptions.of(
          ConnectionLimits.DEFAULTS,
          new ConnectionSweep(new ManualTimers(), ConnectionLimits.DEFAULTS, flow -> {}));
  private final List<AutoCloseable> opened = new ArrayList<>();
  private StreamTransport tandem;

  @BeforeEach
  void open() throws IOException {
    tandem = tcp(inbox);
  }

  @AfterEach
  void close() throws Exception {
    tandem.close();
    for (AutoCloseable closeable : opened) {
      closeable.close();
    }
  }

  @Test
  void peerOpenedConnection_deliversTheMessage_andCarriesTheAnswerBack() throws Exception {
    Socket peer = connect();
    byte[] request = request("hello");

    write(peer, request);
    RecordingSink.Received received = inbox.next();
    String answer = "SIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n";
    received.from().send(answer.getBytes(US_ASCII));

    assertThat(received.bytes()).isEqualTo(request);
    assertThat(received.arrivedOn()).isEqualTo(tandem.point());
    assertThat(received.from().transport()).isEqualTo(Transport.TCP);
    assertThat(received.from().remote().getPort()).isEqualTo(peer.getLocalPort());
    assertThat(read(peer, answer.length())).isEqualTo(answer);
  }

  @Test
  void flowToThePeerOpenedConnectionsAddress_reusesIt() throws Exception {
    Socket peer = connect();
    write(peer, request(""));
    Flow arrived = inbox.next().from();

    Flow flow = tandem.flowTo(arrived.remote(), "127.0.0.1");
    flow.send("BYE".getBytes(US_ASCII));

    assertThat(flow).isSameAs(arrived);
    assertThat(read(peer, 3)).isEqualTo("BYE");
    assertThat(tandem.openConnections()).isEqualTo(1);
  }

  @Test
  void flowTo_opensOneConnection_reusesIt_andTheAnswerComesBackOnIt() throws Exception {
    RecordingSink farInbox = new RecordingSink();
    StreamTransport far = tcp(farInbox);
    InetSocketAddress farAddress = new InetSocketAddress(LOOPBACK, far.point().port());

    Flow first = tandem.flowTo(farAddress, "127.0.0.1");
    first.send(request("one"));
    Flow second = tandem.flowTo(farAddress, "127.0.0.1");
    second.send(request("two"));
    RecordingSink.Received one = farInbox.next();
    RecordingSink.Received two = farInbox.next();
    two.from().send(request("back"));

    assertThat(second).isSameAs(first);
    assertThat(one.text()).endsWith("one");
    assertThat(two.text()).endsWith("two");
    assertThat(two.from()).isSameAs(one.from());
    assertThat(far.openConnections()).isEqualTo(1);
    RecordingSink.Received back = inbox.next();
    assertThat(back.text()).endsWith("back");
    assertThat(back.from()).isSameAs(first);
  }

  @Test
  void concurrentFlowTo_opensAtMostOneConnection() throws Exception {
    StreamTransport far = tcp(new RecordingSink());
    InetSocketAddress farAddress = new InetSocketAddress(LOOPBACK, far.point().port());
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Flow>> flows = new ArrayList<>();

    try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 16; i++) {
        flows.add(
            callers.submit(
                () -> {
                  start.await();
                  return tandem.flowTo(farAddress, "127.0.0.1");
                }));
      }
      start.countDown();
    }

    Flow first = flows.get(0).get();
    for (Future<Flow> flow : flows) {
      assertThat(flow.get()).isSameAs(first);
    }
    assertThat(tandem.openConnections()).isEqualTo(1);
  }

  @Test
  void twoMessagesInOneWrite_areDeliveredApart() throws Exception {
    Socket peer = connect();
    byte[] one = request("first body");
    byte[] two = request("second");
    byte[] both = new byte[one.length + two.length];
    System.arraycopy(one, 0, both, 0, one.length);
    System.arraycopy(two, 0, both, one.length, two.length);

    write(peer, both);

    assertThat(inbox.next().bytes()).isEqualTo(one);
    assertThat(inbox.next().bytes()).isEqualTo(two);
  }

  @Test
  void oneMessageSplitOverManyWrites_isDeliveredWhole() throws Exception {
    Socket peer = connect();
    peer.setTcpNoDelay(true);
    byte[] message = request("a body split across writes, header and body alike");

    for (int at = 0; at < message.length; at += 7) {
      peer.getOutputStream().write(message, at, Math.min(7, message.length - at));
      peer.getOutputStream().flush();
    }

    assertThat(inbox.next().bytes()).isEqualTo(message);
    assertThat(inbox.isEmpty()).isTrue();
  }

  @Test
  void bodyBytes_areExact_withTheCompactOrLowerCaseHeader_andBlankLinesInside() throws Exception {
    Socket peer = connect();
    byte[] binary = {'v', '=', '0', '\r', '\n', '\r', '\n', 0, (byte) 0xff, (byte) 0x80, '\r'};
    byte[] compact = request("l", binary);
    byte[] lowerCase = request("content-length", binary);

    write(peer, compact);
    write(peer, lowerCase);

    assertThat(inbox.next().bytes()).isEqualTo(compact);
    assertThat(inbox.next().bytes()).isEqualTo(lowerCase);
  }

  @Test
  void missingContentLength_meansNoBody() throws Exception {
    Socket peer = connect();
    byte[] bare = "OPTIONS sip:a SIP/2.0\r\nCSeq: 1 OPTIONS\r\n\r\n".getBytes(US_ASCII);
    byte[] next = request("after");

    write(peer, bare);
    write(peer, next);

    assertThat(inbox.next().bytes()).isEqualTo(bare);
    assertThat(inbox.next().bytes()).isEqualTo(next);
  }

  @Test
  void doubleCrlfPing_isAnsweredWithOneCrlf_aSingleCrlfIsNot() throws Exception {
    Socket peer = connect();
    write(peer, "\r\n".getBytes(US_ASCII));
    write(peer, request(""));
    Flow flow = inbox.next().from();

    flow.send("A".getBytes(US_ASCII));
    assertThat(read(peer, 1)).as("no pong for one CRLF before a message").isEqualTo("A");
    write(peer, "\r\n\r\n".getBytes(US_ASCII));
    assertThat(read(peer, 2)).isEqualTo("\r\n");
    flow.send("B".getBytes(US_ASCII));
    assertThat(read(peer, 1)).as("exactly one CRLF answered").isEqualTo("B");
  }

  @Test
  void contentLengthOver64KiB_closesTheConnection() throws Exception {
    assertClosedAfter("OPTIONS sip:a SIP/2.0\r\nContent-Length: 65537\r\n\r\n");
  }

  @Test
  void malformedContentLength_closesTheConnection() throws Exception {
    assertClosedAfter("OPTIONS sip:a SIP/2.0\r\nContent-Length: 12abc\r\n\r\n");
  }

  @Test
  void twoDifferentContentLengths_closeTheConnection() throws Exception {
    assertClosedAfter("OPTIONS sip:a SIP/2.0\r\nContent-Length: 1\r\nl: 2\r\n\r\nab");
  }

  @Test
  void headerSectionOver64KiB_closesTheConnection() throws Exception {
    assertClosedAfter("OPTIONS sip:a SIP/2.0\r\nSubject: " + "x".repeat(70_000) + "\r\n\r\n");
  }

  @Test
  void peerClosing_makesSendThrow_andForgetsTheConnection() throws Exception {
    Socket peer = connect();
    write(peer, request(""));
    Flow flow = inbox.next().from();

    peer.close();
    ((StreamConnection) flow).closed().get(5, TimeUnit.SECONDS);

    assertThatThrownBy(() -> flow.send(request("late")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("closed");
    assertThat(tandem.openConnections()).isZero();
  }

  @Test
  void flowToAnAddressNobodyListensOn_throws() throws Exception {
    // A port bound but not listening: refused, and nobody else (another test, another module's
    // build) can start listening on it meanwhile, as they could on a port just closed.
    try (Socket holder = new Socket()) {
      holder.bind(new InetSocketAddress(LOOPBACK, 0));
      InetSocketAddress nobody = new InetSocketAddress(LOOPBACK, holder.getLocalPort());

      assertThatThrownBy(() -> tandem.flowTo(nobody, "127.0.0.1"))
          .isInstanceOf(ConnectException.class);
      assertThat(tandem.openConnections()).isZero();
    }
  }

  @Test
  void close_closesEveryConnection_endsTheThreads_andIsIdempotent() throws Exception {
    Socket peer = connect();
    write(peer, request(""));
    Flow flow = inbox.next().from();

    tandem.close();
    tandem.close();

    assertThat(peer.getInputStream().read())
        .as("the peer sees the end of the stream")
        .isEqualTo(-1);
    assertThat(tandem.awaitAcceptorEnd(Duration.ofSeconds(5))).isTrue();
    assertThatThrownBy(() -> flow.send(request(""))).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> tandem.flowTo(flow.remote(), "127.0.0.1"))
        .isInstanceOf(IOException.class);
    StreamTransport.open(tandem.point(), LOOPBACK, null, inbox, options).close();
  }

  @Test
  void open_bindsAFreePort_andRefusesAPointOfTheWrongKind() {
    assertThat(tandem.point()).isEqualTo(new ListenPoint(Transport.TCP, tandem.point().port()));
    assertThat(tandem.point().port()).isPositive();
    assertThatThrownBy(
            () ->
                StreamTransport.open(
                    new ListenPoint(Transport.UDP, 0), LOOPBACK, null, inbox, options))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                StreamTransport.open(
                    new ListenPoint(Transport.TLS, 0), LOOPBACK, null, inbox, options))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TLS context");
  }

  private void assertClosedAfter(String bytes) throws Exception {
    Socket peer = connect();
    try {
      write(peer, bytes.getBytes(US_ASCII));
    } catch (IOException closedWhileWriting) {
      // the transport may close before the last bytes are written
    }
    assertThat(readToEnd(peer)).as("bytes before the end").isZero();
    assertThat(inbox.isEmpty()).isTrue();
  }

  /**
   * Reads {@code peer} to its end (or reset), which must come within 5 s of the last byte; the
   * number of bytes read before it.
   */
  static int readToEnd(Socket peer) throws IOException {
    peer.setSoTimeout(5_000);
    InputStream in = peer.getInputStream();
    int bytes = 0;
    try {
      while (in.read() != -1) {
        bytes++;
      }
    } catch (SocketTimeoutException stillOpen) {
      throw new AssertionError("the connection is still open after 5 s", stillOpen);
    } catch (IOException reset) {
      // closed with unread bytes: a reset is an end too
    }
    return bytes;
  }

  private StreamTransport tcp(RecordingSink sink) throws IOException {
    StreamTransport transport =
        StreamTransport.open(new ListenPoint(Transport.TCP, 0), LOOPBACK, null, sink, options);
    opened.add(transport);
    return transport;
  }

  private Socket connect() throws IOException {
    return LoopbackEndpoints.connect(tandem.point().port(), opened);
  }

  private static void write(Socket socket, byte[] bytes) throws IOException {
    LoopbackEndpoints.write(socket, bytes);
  }

  private static String read(Socket socket, int length) throws IOException {
    return new String(socket.getInputStream().readNBytes(length), US_ASCII);
  }
}
