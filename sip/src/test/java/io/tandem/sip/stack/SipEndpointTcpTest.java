package io.tandem.sip.stack;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The endpoint's requests over TCP when the connection they wait on goes away, on timers the test
 * advances: writes lost with the connection (a peer that stops reading) fail every transaction
 * waiting on it at once, as a connection that cannot be opened does, with no timer advanced; a
 * connection the peer closes once everything was written leaves its transactions to their answer on
 * a new connection, or to Timer F.
 */
class SipEndpointTcpTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private final ManualTimers timers = new ManualTimers();
  private final ExecutorService lanes = Executors.newVirtualThreadPerTaskExecutor();
  private final List<AutoCloseable> opened = new ArrayList<>();
  private SipEndpoint endpoint;
  private ServerSocket peer;

  @BeforeEach
  void start() throws IOException {
    endpoint =
        SipEndpoint.start(
            new EndpointSettings(
                "tcp-test",
                LOOPBACK,
                List.of(new ListenPoint(Transport.TCP, 0)),
                null,
                host -> "127.0.0.1",
                new ConnectionLimits(
                    ConnectionLimits.DEFAULTS.writeTimeout(),
                    ConnectionLimits.MIN_WRITE_QUEUE_BYTES,
                    ConnectionLimits.DEFAULTS.idleTimeout())),
            request -> {},
            lanes,
            timers);
    peer = new ServerSocket();
    peer.setReceiveBufferSize(4096);
    peer.bind(new InetSocketAddress(LOOPBACK, 0));
    peer.setSoTimeout(5_000);
    opened.add(peer);
  }

  @AfterEach
  void stop() throws Exception {
    endpoint.close();
    lanes.shutdownNow();
    for (AutoCloseable closeable : opened) {
      closeable.close();
    }
  }

  @Test
  void ringingInviteWhoseConnectionThePeerCloses_takesItsAnswerOnANewConnection() throws Exception {
    BlockingQueue<String> results = send("INVITE", "invite-1", "");
    Socket accepted = accept();
    String invite = readHeader(accepted);
    write(accepted, answer(invite, "180 Ringing"));
    assertThat(results.poll(5, TimeUnit.SECONDS)).isEqualTo("response 180");

    accepted.close(); // everything was written: the transaction stands (RFC 3261 §18.2.2)
    Socket back = new Socket(LOOPBACK, endpoint.listenPoint(Transport.TCP).port());
    opened.add(back);
    write(back, answer(invite, "200 OK"));

    assertThat(results.poll(5, TimeUnit.SECONDS)).isEqualTo("response 200");
  }

  @Test
  void requestWhoseConnectionThePeerClosesUnanswered_timesOutByTimerF() throws Exception {
    BlockingQueue<String> results = send("OPTIONS", "options-1", "");
    Socket accepted = accept();
    readHeader(accepted);

    accepted.close();
    assertThat(results.poll(300, TimeUnit.MILLISECONDS)).isNull();
    timers.advance(StackTimers.TIMEOUT);

    assertThat(results.poll(5, TimeUnit.SECONDS)).isEqualTo("timeout");
    awaitNoLiveTransaction();
    BlockingQueue<String> next = send("OPTIONS", "options-2", "");
    Socket second = accept();
    write(second, answer(readHeader(second), "200 OK"));
    assertThat(next.poll(5, TimeUnit.SECONDS)).isEqualTo("response 200");
  }

  @Test
  void peerThatNeverReads_failsEveryRequestWaitingOnTheConnection() throws Exception {
    String body = "v=0\r\n" + "a=x-padding:" + "p".repeat(60_000) + "\r\n";
    List<BlockingQueue<String>> all = new ArrayList<>();
    all.add(send("OPTIONS", "stalled-0", body));
    opened.add(accept()); // accepted, never read
    peer.close(); // once that connection is gone, the next requests find nobody
    for (int i = 1; i < 300; i++) { // 18 MB: more than the kernel and the 64-KiB queue hold
      all.add(send("OPTIONS", "stalled-" + i, body));
    }

    for (BlockingQueue<String> results : all) {
      assertThat(results.poll(5, TimeUnit.SECONDS)).isEqualTo("timeout");
    }
    awaitNoLiveTransaction();
  }

  private BlockingQueue<String> send(String method, String callId, String body) {
    BlockingQueue<String> results = new LinkedBlockingQueue<>();
    OutboundRequest request =
        new OutboundRequest(method, "sip:peer@127.0.0.1:" + peer.getLocalPort() + ";transport=tcp")
            .header("From", "<sip:tandem@127.0.0.1>;tag=t")
            .header("To", "<sip:peer@127.0.0.1>")
            .header("Call-ID", callId)
            .header("CSeq", "1 " + method)
            .header("Max-Forwards", "70");
    if (!body.isEmpty()) {
      request.body("application/sdp", body);
    }
    endpoint.send(
        endpoint.listenPoint(Transport.TCP),
        request,
        new ResponseHandler() {
          @Override
          public void onResponse(InboundResponse response) {
            results.add("response " + response.status());
          }

          @Override
          public void onTimeout() {
            results.add("timeout");
          }
        });
    return results;
  }

  private Socket accept() throws IOException {
    Socket accepted = peer.accept();
    accepted.setSoTimeout(5_000);
    opened.add(accepted);
    return accepted;
  }

  /** Reads a message's header section (the tests' requests have no body). */
  private static String readHeader(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    StringBuilder text = new StringBuilder();
    while (!text.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b == -1) {
        throw new IOException("ended after " + text);
      }
      text.append((char) b);
    }
    return text.toString();
  }

  private static String answer(String request, String status) {
    StringBuilder response = new StringBuilder("SIP/2.0 " + status + "\r\n");
    for (String line : request.split("\r\n")) {
      if (line.startsWith("Via:")
          || line.startsWith("From:")
          || line.startsWith("Call-ID:")
          || line.startsWith("CSeq:")) {
        response.append(line).append("\r\n");
      } else if (line.startsWith("To:")) {
        response.append(line).append(";tag=peer\r\n");
      }
    }
    return response.append("Content-Length: 0\r\n\r\n").toString();
  }

  private static void write(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(US_ASCII));
    out.flush();
  }

  private void awaitNoLiveTransaction() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (endpoint.liveTransactions() > 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(endpoint.liveTransactions()).isZero();
  }
}
