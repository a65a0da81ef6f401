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
  private DatagramSocket peer;
  private int port;

  @BeforeEach
  void start() throws Exception {
    endpoint =
        SipEndpoint.start(
            new EndpointSettings(
                "unanswered-test",
                InetAddress.getLoopbackAddress(),
                List.of(new ListenPoint(Transport.UDP, 0)),
                null,
                host -> "127.0.0.1"),
            requests::add,
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

  @Test
  void nonInviteNeverAnswered_leavesTheTableAfter64T1_unanswered() throws Exception {
    send(request("OPTIONS", "z9hG4bKoptions"));
    InboundRequest options = requests.poll(5, TimeUnit.SECONDS);
    assertThat(options).isNotNull();

    timers.advance(StackTimers.TIMEOUT - 1);
    assertThat(endpoint.liveTransactions()).as("still waiting just before 64·T1").isOne();

    timers.advance(SWEEP + 1);

    assertThat(endpoint.liveTransactions()).isZero();
    assertThat(options.respond(200, "OK", "tandem", List.of()))
        .as("a late answer is not sent")
        .isSameAs(SentResponse.NONE);
    assertNothingReceived();
  }

  @Test
  void inviteNeverAnswered_isAnswered408AfterTimerCAnd64T1_andItsAckAbsorbed() throws Exception {
    send(request("INVITE", "z9hG4bKforgotten"));
    InboundRequest invite = requests.poll(5, TimeUnit.SECONDS);
    assertThat(invite).isNotNull();
    invite.respond(180, "Ringing", "tandem", List.of());
    assertThat(receive()).startsWith("SIP/2.0 180 Ringing");

    timers.advance(UnansweredRequests.INVITE_LIMIT_MILLIS - 1);
    assertNothingReceived();
    timers.advance(SWEEP + 1);

    String timedOut = receive();
    assertThat(timedOut)
        .startsWith("SIP/2.0 408 Request Timeout")
        .contains("Call-ID: call-z9hG4bKforgotten")
        .contains("CSeq: 1 INVITE")
        .contains("Warning: 399 tandem");
    assertThat(invite.respond(200, "OK", "tandem", List.of())).isSameAs(SentResponse.NONE);
    drainRetransmissionsOf(timedOut); // Timer G ran within the same advance
    send(ack("z9hG4bKforgotten", toOf(timedOut)));
    send(request("OPTIONS", "z9hG4bKafter")); // read after the ACK: the ACK has been handled
    assertThat(requests.poll(5, TimeUnit.SECONDS).method())
        .as("the ACK was absorbed")
        .isEqualTo("OPTIONS");
    timers.advance(StackTimers.T4 + SWEEP);
    assertThat(endpoint.liveTransactions()).as("only the OPTIONS is left").isOne();
    assertNothingReceived();
  }

  @Test
  void requestsAnsweredInTime_areNeverTouched() throws Exception {
    send(request("INVITE", "z9hG4bKanswered"));
    requests.poll(5, TimeUnit.SECONDS).respond(200, "OK", "tandem", List.of());
    send(request("BYE", "z9hG4bKbye"));
    requests.poll(5, TimeUnit.SECONDS).respond(200, "OK", "", List.of());
    assertThat(receive()).startsWith("SIP/2.0 200 OK").contains("CSeq: 1 INVITE");
    assertThat(receive()).startsWith("SIP/2.0 200 OK").contains("CSeq: 1 BYE");

    timers.advance(UnansweredRequests.INVITE_LIMIT_MILLIS + 2 * SWEEP);

    assertThat(endpoint.liveTransactions()).isZero();
    assertNothingReceived();
  }

  private String request(String method, String branch) {
    return method
        + " sip:+14255550101@127.0.0.1:"
        + port
        + " SIP/2.0\r\n"
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
        + "CSeq: 1 "
        + method
        + "\r\n"
        + "Content-Length: 0\r\n\r\n";
  }

  private String ack(String branch, String to) {
    return request("ACK", branch)
        .replace("To: <sip:+14255550101@127.0.0.1>", to)
        .replace("call-" + branch, "call-z9hG4bKforgotten");
  }

  private static String toOf(String response) {
    return response.lines().filter(line -> line.startsWith("To: ")).findFirst().orElseThrow();
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

  private void drainRetransmissionsOf(String response) throws Exception {
    peer.setSoTimeout(300);
    try {
      while (true) {
        assertThat(receive()).isEqualTo(response);
      }
    } catch (SocketTimeoutException drained) {
      // no more copies
    } finally {
      peer.setSoTimeout(5_000);
    }
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
}
