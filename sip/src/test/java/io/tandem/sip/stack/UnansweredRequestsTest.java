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
 * Requests the application never answers, over a real UDP socket on timers the test advances: a
 * non-INVITE leaves the table unanswered after 64·T1, an INVITE is answered 408 after Timer C plus
 * 64·T1 (and its ACK absorbed); an answer in time is never touched, and an answer too late is not
 * sent.
 */
class UnansweredRequestsTest {

  private static final long SWEEP = UnansweredRequests.SWEEP_MILLIS;

  private final ManualTimers timers = new ManualTimers();
  private final ExecutorService lanes = Executors.newVirtualThreadPerTaskExecutor();
  private final BlockingQueue<InboundRequest> requests = new LinkedBlockingQueue<>();
  private SipEndpoint endpoint;
  private UdpPeer peer;
  private int port;

  @BeforeEach
  void start() throws Exception {
    endpoint =
        SipEndpoint.start(LoopbackEndpoints.udp("unanswered-test"), requests::add, lanes, timers);
    port = endpoint.listenPoint(Transport.UDP).port();
    peer = new UdpPeer(port);
  }

  @AfterEach
  void stop() {
    endpoint.close();
    peer.close();
    lanes.shutdownNow();
  }

  @Test
  void nonInviteNeverAnswered_leavesTheTableAfter64T1_unanswered() throws Exception {
    peer.send(request("OPTIONS", "z9hG4bKoptions"));
    InboundRequest options = requests.poll(5, TimeUnit.SECONDS);
    assertThat(options).isNotNull();

    timers.advance(StackTimers.TIMEOUT - 1);
    assertThat(endpoint.liveTransactions()).as("still waiting just before 64·T1").isOne();

    timers.advance(SWEEP + 1);

    assertThat(endpoint.liveTransactions()).isZero();
    assertThat(options.respond(200, "OK", "tandem", List.of()))
        .as("a late answer is not sent")
        .isSameAs(SentResponse.NONE);
    peer.assertNothingReceived();
  }

  @Test
  void inviteNeverAnswered_isAnswered408AfterTimerCAnd64T1_andItsAckAbsorbed() throws Exception {
    peer.send(request("INVITE", "z9hG4bKforgotten"));
    InboundRequest invite = requests.poll(5, TimeUnit.SECONDS);
    assertThat(invite).isNotNull();
    invite.respond(180, "Ringing", "tandem", List.of());
    assertThat(peer.receive()).startsWith("SIP/2.0 180 Ringing");

    timers.advance(UnansweredRequests.INVITE_LIMIT_MILLIS - 1);
    peer.assertNothingReceived();
    timers.advance(SWEEP + 1);

    String timedOut = peer.receive();
    assertThat(timedOut)
        .startsWith("SIP/2.0 408 Request Timeout")
        .contains("Call-ID: call-z9hG4bKforgotten")
        .contains("CSeq: 1 INVITE")
        .contains("Warning: 399 tandem");
    assertThat(invite.respond(200, "OK", "tandem", List.of())).isSameAs(SentResponse.NONE);
    peer.drainCopiesOf(timedOut); // Timer G ran within the same advance
    peer.send(ack("z9hG4bKforgotten", toOf(timedOut)));
    peer.send(request("OPTIONS", "z9hG4bKafter")); // read after the ACK: the ACK has been handled
    assertThat(requests.poll(5, TimeUnit.SECONDS).method())
        .as("the ACK was absorbed")
        .isEqualTo("OPTIONS");
    timers.advance(StackTimers.T4 + SWEEP);
    assertThat(endpoint.liveTransactions()).as("only the OPTIONS is left").isOne();
    peer.assertNothingReceived();
  }

  @Test
  void requestsAnsweredInTime_areNeverTouched() throws Exception {
    peer.send(request("INVITE", "z9hG4bKanswered"));
    requests.poll(5, TimeUnit.SECONDS).respond(200, "OK", "tandem", List.of());
    peer.send(request("BYE", "z9hG4bKbye"));
    requests.poll(5, TimeUnit.SECONDS).respond(200, "OK", "", List.of());
    assertThat(peer.receive()).startsWith("SIP/2.0 200 OK").contains("CSeq: 1 INVITE");
    assertThat(peer.receive()).startsWith("SIP/2.0 200 OK").contains("CSeq: 1 BYE");

    timers.advance(UnansweredRequests.INVITE_LIMIT_MILLIS + 2 * SWEEP);

    assertThat(endpoint.liveTransactions()).isZero();
    peer.assertNothingReceived();
  }

  private String request(String method, String branch) {
    return LoopbackEndpoints.request(
        method, "sip:+14255550101@127.0.0.1:" + port, peer.localPort(), branch);
  }

  private String ack(String branch, String to) {
    return request("ACK", branch)
        .replace("To: <sip:+14255550101@127.0.0.1>", to)
        .replace("call-" + branch, "call-z9hG4bKforgotten");
  }

  private static String toOf(String response) {
    return response.lines().filter(line -> line.startsWith("To: ")).findFirst().orElseThrow();
  }
}
