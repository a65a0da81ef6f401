package io.tandem.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

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
  private UdpPeer peer;
  private int port;

  @BeforeEach
  void start() throws Exception {
    endpoint =
        SipEndpoint.start(
            LoopbackEndpoints.udp("endpoint-test"),
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
    peer = new UdpPeer(port);
  }

  @AfterEach
  void stop() {
    endpoint.close();
    peer.close();
    lanes.shutdownNow();
  }

  private String invite(String branch) {
    return LoopbackEndpoints.request(
        "INVITE", "sip:+14255550101@127.0.0.1:" + port + ";user=phone", peer.localPort(), branch);
  }

  @Test
  void retransmittedInvite_reachesTheHandlerOnce_andGetsTheLatestResponseAgain() throws Exception {
    peer.send(invite("z9hG4bKretrans"));
    InboundRequest request = requests.poll(5, TimeUnit.SECONDS);
    assertThat(request).isNotNull();
    request.respond(180, "Ringing", "tandem", List.of());
    assertThat(peer.receive()).startsWith("SIP/2.0 180 Ringing");

    peer.send(invite("z9hG4bKretrans"));

    String again = peer.receive();
    assertThat(again)
        .startsWith("SIP/2.0 180 Ringing")
        .contains("received=127.0.0.1")
        .contains("rport=" + peer.localPort())
        .contains("To: <sip:+14255550101@127.0.0.1>;tag=tandem");
    assertThat(requests.poll(300, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void rejectedInvite_isRetransmittedUntilItsAck_whichNeverReachesTheHandler() throws Exception {
    peer.send(invite("z9hG4bKbusy"));
    InboundRequest request = requests.poll(5, TimeUnit.SECONDS);
    request.respond(486, "Busy Here", "tandem", List.of());
    String busy = peer.receive();
    timers.advance(500);
    assertThat(peer.receive()).isEqualTo(busy);

    peer.send(
        "ACK sip:+14255550101@127.0.0.1:"
            + port
            + " SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:"
            + peer.localPort()
            + ";branch=z9hG4bKbusy;rport\r\n"
            + "From: <sip:+15550001@127.0.0.1>;tag=caller\r\n"
            + "To: <sip:+14255550101@127.0.0.1>;tag=tandem\r\n"
            + "Call-ID: call-z9hG4bKbusy\r\nCSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n");
    assertThat(requests.poll(300, TimeUnit.MILLISECONDS)).isNull();
    timers.advance(4_000);
    peer.assertNothingReceived();
  }

  @Test
  void malformedRequest_isAnswered400_withTheProblem_andNeverReachesTheHandler() throws Exception {
    peer.send(invite("z9hG4bKbroken").replace("CSeq: 1 INVITE", "CSeq: 1 BYE"));

    String response = peer.receive();
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
            LoopbackEndpoints.udp("overload-test"),
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
    peer.close();
    peer = new UdpPeer(port);
    String first = invite("z9hG4bKfirst");
    peer.send(first);
    assertThat(seen.poll(5, TimeUnit.SECONDS)).contains("z9hG4bKfirst");
    peer.send(first.replace("z9hG4bKfirst;rport", "z9hG4bKlate;rport"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (endpoint.liveTransactions() < 2 && System.nanoTime() < deadline) {
      Thread.onSpinWait(); // until it was read and queued behind the first (same Call-ID)
    }
    assertThat(endpoint.liveTransactions()).isEqualTo(2);

    timers.advance(SipEndpoint.OVERLOAD_WAIT_MILLIS + 1);
    release.countDown();

    String refused = peer.receive();
    assertThat(refused)
        .startsWith("SIP/2.0 503 Service Unavailable")
        .contains("Retry-After: 1")
        .contains("z9hG4bKlate");
    assertThat(seen.poll(300, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void garbage_isDropped_andTheEndpointGoesOn() throws Exception {
    peer.send("this is not SIP\r\n\r\n");
    peer.send("INVITE sip:x@y SIP/2.0\r\nno blank line");
    peer.send(invite("z9hG4bKbadvia").replace("SIP/2.0/UDP 127.0.0.1:", "SIP/2.0/UDP 127.0.0.1:x"));
    peer.send(invite("z9hG4bKafter"));

    InboundRequest request = requests.poll(5, TimeUnit.SECONDS);
    assertThat(request).isNotNull();
    assertThat(request.callId()).isEqualTo("call-z9hG4bKafter");
    assertThat(request.source().getPort()).isEqualTo(peer.localPort());
    peer.assertNothingReceived();
  }

  /**
   * Sends {@code method} to {@code user}@the peer with Call-ID {@code callId}; what comes of it
   * ({@code response <status> <to-tag>} or {@code timeout}) is queued.
   */
  private BlockingQueue<String> sendToPeer(String method, String user, String callId) {
    BlockingQueue<String> results = new LinkedBlockingQueue<>();
    String uri = user + "@127.0.0.1:" + peer.localPort();
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
    String options = peer.receive();
    assertThat(options).startsWith("OPTIONS sip:peer@127.0.0.1:").contains(";rport");
    timers.advance(500);
    assertThat(peer.receive()).isEqualTo(options);

    timers.advance(32_000);

    assertThat(results.poll(5, TimeUnit.SECONDS)).isEqualTo("timeout");
    assertThat(endpoint.liveTransactions()).isZero();
  }

  @Test
  void secondAnswerOfAnInvite_isStray() throws Exception {
    BlockingQueue<String> results = sendToPeer("INVITE", "sip:+1555", "invite-1");
    String invite = peer.receive();
    String via = invite.lines().filter(l -> l.startsWith("Via: ")).findFirst().orElseThrow();
    String ok =
        "SIP/2.0 200 OK\r\n"
            + via
            + "\r\nFrom: <sip:tandem@127.0.0.1>;tag=t\r\n"
            + "To: <sip:+1555@127.0.0.1>;tag=FORK\r\nCall-ID: invite-1\r\nCSeq: 1 INVITE\r\n"
            + "Content-Length: 0\r\n\r\n";

    peer.send(ok.replace("FORK", "a"));
    peer.send(ok.replace("FORK", "b"));

    assertThat(results.poll(5, TimeUnit.SECONDS)).isEqualTo("response 200 a");
    assertThat(stray.poll(5, TimeUnit.SECONDS)).isEqualTo("invite-1 200");
    assertThat(results.poll(200, TimeUnit.MILLISECONDS)).isNull();
  }
}
