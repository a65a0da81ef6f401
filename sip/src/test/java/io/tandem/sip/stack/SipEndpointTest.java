package io.tandem.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
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
 * The endpoint over a real UDP socket, with timers the test advances: what reaches the handler and
 * what the stack answers by itself (retransmissions, malformed requests, ACKs of rejections,
 * timeouts).
 */
class SipEndpointTest {

  private final ManualTimers timers = new ManualTimers();
  private final ExecutorService lanes = Executors.newVirtualThreadPerTaskExecutor();
  private final BlockingQueue<InboundRequest> requests = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> stray = new LinkedBlockingQueue<>();
  private SipEndpoint endpoint;
  private DatagramSocket peer;
  private int port;

  @BeforeEach
  void start() throws Exception {
    endpoint =
        SipEndpoint.start(
            new EndpointSettings(
                "endpoint-test",
                InetAddress.getLoopbackAddress(),
                List.of(new ListenPoint(Transport.UDP, 0)),
                null,
                host -> "127.0.0.1"),
            new RequestHandler() {
              @Override
              public void onRequest(InboundRequest request) {
                requests.add(request);
              }

              @Override
              public void onStrayResponse(String callId, InboundResponse response) {
                stray.add(callId + " " + response.status());
              }
            },
            lanes,
            timers);
    port = endpoint.listenPoint(Transport.UDP).port();
    peer = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    peer.setSoTimeout(5_000);
  }

  @AfterEach
  void stop() {
    endpoint.close();
    peer.close();
    lanes.shutdownNow();
  }

  private String invite(String branch) {
    return "INVITE sip:+14255550101@127.0.0.1:"
        + port
        + ";user=phone SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:"
        + peer.getLocalPort()
        + ";branch="
        + branch
        + ";rport\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: <sip:+15550001@127.0.0.1>;tag=caller\r\n"
        + "To: <sip:+14255550101@127.0.0.1>\r\n"
        + "Call-ID: call-"
        + branch
        + "\r\n"
        + "CSeq: 1 INVITE\r\n"
        + "Content-Length: 0\r\n\r\n";
  }

  private void send(String message) throws Exception {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    peer.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
  }

  private String receive() throws Exception {
    DatagramPacket packet = new DatagramPacket(new byte[65_535], 65_535);
    peer.receive(packet);
    return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
  }

  private void assertNothingReceived() throws Exception {
    peer.setSoTimeout(300);
    try {
      String unexpected = receive();
      throw new AssertionError("unexpected message: " + unexpected);
    } catch (SocketTimeoutException quiet) {
      // as expected
    } finally {
      peer.setSoTimeout(5_000);
    }
  }

  @Test
  void retransmittedInvite_reachesTheHandlerOnce_andGetsTheLatestResponseAgain() throws Exception {
    send(invite("z9hG4bKretrans"));
    InboundRequest request = requests.poll(5, TimeUnit.SECONDS);
    assertThat(request).isNotNull();
    request.respond(180, "Ringing", "tandem", List.of());
    assertThat(receive()).startsWith("SIP/2.0 180 Ringing");

    send(invite("z9hG4bKretrans"));

    String again = receive();
    assertThat(again)
        .startsWith("SIP/2.0 180 Ringing")
        .contains("received=127.0.0.1")
        .contains("rport=" + peer.getLocalPort())
        .contains("To: <sip:+14255550101@127.0.0.1>;tag=tandem");
    assertThat(requests.poll(300, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void rejectedInvite_isRetransmittedUntilItsAck_whichNeverReachesTheHandler() throws Exception {
    send(invite("z9hG4bKbusy"));
    InboundRequest request = requests.poll(5, TimeUnit.SECONDS);
    request.respond(486, "Busy Here", "tandem", List.of());
    String busy = receive();
    timers.advance(500);
    assertThat(receive()).isEqualTo(busy);

    send(
        "ACK sip:+14255550101@127.0.0.1:"
            + port
            + " SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:"
            + peer.getLocalPort()
            + ";branch=z9hG4bKbusy;rport\r\n"
            + "From: <sip:+15550001@127.0.0.1>;tag=caller\r\n"
            + "To: <sip:+14255550101@127.0.0.1>;tag=tandem\r\n"
            + "Call-ID: call-z9hG4bKbusy\r\nCSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n");
    assertThat(requests.poll(300, TimeUnit.MILLISECONDS)).isNull();
    timers.advance(4_000);
    assertNothingReceived();
  }

  @Test
  void malformedRequest_isAnswered400_withTheProblem_andNeverReachesTheHandler() throws Exception {
    send(invite("z9hG4bKbroken").replace("CSeq: 1 INVITE", "CSeq: 1 BYE"));

    String response = receive();
    assertThat(response)
        .startsWith("SIP/2.0 400 Bad Request")
        .contains("Warning: 399 tandem \"CSeq names BYE in a INVITE\"")
        .contains("Call-ID: call-z9hG4bKbroken");
    assertThat(requests.poll(300, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void newInviteThatWaitedTooLongForItsLane_isRefused503_beforeTheHandlerSeesIt() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    endpoint.close();
    endpoint =
        SipEndpoint.start(
            new EndpointSettings(
                "overload-test",
                InetAddress.getLoopbackAddress(),
                List.of(new ListenPoint(Transport.UDP, 0)),
                null,
                host -> "127.0.0.1"),
            request -> {
              seen.add(request.header("Via").orElseThrow());
              try {
                release.await(5, TimeUnit.SECONDS); // the lane is busy with the first INVITE
              } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
              }
            },
            lanes,
            timers);
    port = endpoint.listenPoint(Transport.UDP).port();
    String first = invite("z9hG4bKfirst");
    send(first);
    assertThat(seen.poll(5, TimeUnit.SECONDS)).contains("z9hG4bKfirst");
    send(first.replace("z9hG4bKfirst;rport", "z9hG4bKlate;rport"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (endpoint.liveTransactions() < 2 && System.nanoTime() < deadline) {
      Thread.onSpinWait(); // until it was read and queued behind the first (same Call-ID)
    }
    assertThat(endpoint.liveTransactions()).isEqualTo(2);

    timers.advance(SipEndpoint.OVERLOAD_WAIT_MILLIS + 1);
    release.countDown();

    String refused = receive();
    assertThat(refused)
        .startsWith("SIP/2.0 503 Service Unavailable")
        .contains("Retry-After: 1")
        .contains("z9hG4bKlate");
    assertThat(seen.poll(300, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void garbage_isDropped_andTheEndpointGoesOn() throws Exception {
    send("this is not SIP\r\n\r\n");
    send("INVITE sip:x@y SIP/2.0\r\nno blank line");
    send(invite("z9hG4bKbadvia").replace("SIP/2.0/UDP 127.0.0.1:", "SIP/2.0/UDP 127.0.0.1:x"));
    send(invite("z9hG4bKafter"));

    InboundRequest request = requests.poll(5, TimeUnit.SECONDS);
    assertThat(request).isNotNull();
    assertThat(request.callId()).isEqualTo("call-z9hG4bKafter");
    assertThat(request.source().getPort()).isEqualTo(peer.getLocalPort());
    assertNothingReceived();
  }

  /**
   * Sends {@code method} to {@code user}@the peer with Call-ID {@code callId}; what comes of it
   * ({@code response <status> <to-tag>} or {@code timeout}) is queued.
   */
  private BlockingQueue<String> sendToPeer(String method, String user, String callId) {
    BlockingQueue<String> results = new LinkedBlockingQueue<>();
    String uri = user + "@127.0.0.1:" + peer.getLocalPort();
    endpoint.send(
        endpoint.listenPoint(Transport.UDP),
        new OutboundRequest(method, uri)
            .header("From", "<sip:tandem@127.0.0.1>;tag=t")
            .header("To", "<" + user + "@127.0.0.1>")
            .header("Call-ID", callId)
            .header("CSeq", "1 " + method)
            .header("Max-Forwards", "70"),
        new ResponseHandler() {
          @Override
          public void onResponse(InboundResponse response) {
            results.add("response " + response.status() + " " + response.toTag());
          }

          @Override
          public void onTimeout() {
            results.add("timeout");
          }
        });
    return results;
  }

  @Test
  void unansweredRequest_isRetransmitted_thenTimesOutAfter64T1() throws Exception {
    BlockingQueue<String> results = sendToPeer("OPTIONS", "sip:peer", "options-1");
    String options = receive();
    assertThat(options).startsWith("OPTIONS sip:peer@127.0.0.1:").contains(";rport");
    timers.advance(500);
    assertThat(receive()).isEqualTo(options);

    timers.advance(32_000);

    assertThat(results.poll(5, TimeUnit.SECONDS)).isEqualTo("timeout");
    assertThat(endpoint.liveTransactions()).isZero();
  }

  @Test
  void secondAnswerOfAnInvite_isStray() throws Exception {
    BlockingQueue<String> results = sendToPeer("INVITE", "sip:+1555", "invite-1");
    String invite = receive();
    String via = invite.lines().filter(l -> l.startsWith("Via: ")).findFirst().orElseThrow();
    String ok =
        "SIP/2.0 200 OK\r\n"
            + via
            + "\r\nFrom: <sip:tandem@127.0.0.1>;tag=t\r\n"
            + "To: <sip:+1555@127.0.0.1>;tag=FORK\r\nCall-ID: invite-1\r\nCSeq: 1 INVITE\r\n"
            + "Content-Length: 0\r\n\r\n";

    send(ok.replace("FORK", "a"));
    send(ok.replace("FORK", "b"));

    assertThat(results.poll(5, TimeUnit.SECONDS)).isEqualTo("response 200 a");
    assertThat(stray.poll(5, TimeUnit.SECONDS)).isEqualTo("invite-1 200");
    assertThat(results.poll(200, TimeUnit.MILLISECONDS)).isNull();
  }
}
