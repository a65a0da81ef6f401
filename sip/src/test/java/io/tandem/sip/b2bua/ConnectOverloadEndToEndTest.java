package io.tandem.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.interaction.InteractionEvent;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A node whose tenant is slow to take a burst of callers in refuses new ones with 503 (ArrivalLag)
 * for a while, creating nothing for them, and takes callers again once it has caught up; the
 * callers already in stay. A node holding its limit of callers' calls refuses the next with 503
 * until one ends.
 */
class ConnectOverloadEndToEndTest {

  @Test
  void nodeAtItsCallerLimit_refusesTheNextWith503_andTakesOneAgainOnceACallEnds() throws Exception {
    try (ConnectRig rig = ConnectRig.withMaxCalls(1);
        DatagramSocket carrier = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      carrier.setSoTimeout(10_000);
      String waiting = rig.dial("\"talkFor\":\"PT3S\"");
      ConnectRig.await(
          () ->
              rig.events(InteractionEvent.VirtualAssistantStarted.class).size() == 1 ? true : null);

      String refused = ConnectRig.finalResponseTo(carrier, rig.tandemPort(), invite(carrier, rig));

      assertThat(refused).startsWith("SIP/2.0 503 ");
      assertThat(ConnectRig.header(refused, "Retry-After"))
          .isEqualTo(Long.toString(NewInvites.AT_CAPACITY_RETRY.toSeconds()));
      assertThat(ConnectRig.header(refused, "Warning"))
          .isEqualTo("399 tandem \"at capacity: 1 callers in progress\"");
      assertThat(rig.events(InteractionEvent.Arrived.class)).hasSize(1);
      // a retransmission of the refused INVITE gets the same answer, nothing is created
      assertThat(ConnectRig.finalResponseTo(carrier, rig.tandemPort(), invite(carrier, rig)))
          .startsWith("SIP/2.0 503 ");

      // the waiting caller hangs up: the node has room again
      ConnectRig.await(() -> rig.journalEvents("trunk.ended", waiting).isEmpty() ? null : true);
      ConnectRig.await(() -> rig.node.activeCalls() == 0 ? true : null);
      rig.dial("\"talkFor\":\"PT1S\"");
      ConnectRig.await(() -> rig.events(InteractionEvent.Arrived.class).size() == 2 ? true : null);
    }
  }

  private static final String REFUSED_CALL_ID = "at-capacity-1";

  /** A carrier's INVITE of the help line from {@code socket}, always the same transaction. */
  private static String invite(DatagramSocket socket, ConnectRig rig) {
    String local = "127.0.0.1:" + socket.getLocalPort();
    String sdp =
        "v=0\r\no=carrier 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 40002 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n";
    return "INVITE sip:"
        + ConnectRig.HELP_LINE
        + "@127.0.0.1:"
        + rig.tandemPort()
        + " SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP "
        + local
        + ";branch=z9hG4bKatcapacity1;rport\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: <sip:+14255558888@carrier.test>;tag=c1\r\n"
        + "To: <sip:"
        + ConnectRig.HELP_LINE
        + "@127.0.0.1>\r\n"
        + "Call-ID: "
        + REFUSED_CALL_ID
        + "\r\nCSeq: 1 INVITE\r\n"
        + "Contact: <sip:+14255558888@"
        + local
        + ">\r\nContent-Type: application/sdp\r\nContent-Length: "
        + sdp.length()
        + "\r\n\r\n"
        + sdp;
  }

  @Test
  void tenantBehindInTakingCallersIn_newCallersGet503_thenTakenAgain() throws Exception {
    try (ConnectRig rig = new ConnectRig()) {
      // The tenant's writer is held up (as by the work of a burst of earlier calls).
      CountDownLatch writerFree = new CountDownLatch(1);
      rig.tell(
          t -> {
            try {
              writerFree.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
              Thread.currentThread().interrupt();
            }
          });
      // A burst of callers arrives while it is held up.
      List<String> burst = new ArrayList<>();
      for (int i = 0; i < ArrivalLag.BUSY; i++) {
        burst.add(rig.dial("\"patience\":\"PT40S\""));
      }
      long dialled = System.nanoTime();
      ConnectRig.await(
          () ->
              System.nanoTime() - dialled > ArrivalLag.LIMIT.plusMillis(300).toNanos()
                  ? true
                  : null);
      writerFree.countDown();
      // each call starts its flow once its arrival's round trip (over the limit) was measured
      ConnectRig.await(
          () ->
              rig.events(InteractionEvent.VirtualAssistantStarted.class).size() == burst.size()
                  ? true
                  : null);

      String refused = rig.dial("");

      Map<String, String> ended =
          ConnectRig.await(
              () -> rig.journalEvents("trunk.ended", refused).stream().findFirst().orElse(null));
      assertThat(ended).containsEntry("status", "503").containsEntry("reason", "REJECTED");
      assertThat(rig.events(InteractionEvent.Arrived.class)).hasSize(burst.size());

      // Once the hold has passed without another slow arrival, callers are taken in again.
      long refusedAt = System.nanoTime();
      ConnectRig.await(
          () -> System.nanoTime() - refusedAt > ArrivalLag.HOLD.toNanos() ? true : null);
      rig.dial("");
      ConnectRig.await(
          () ->
              rig.events(InteractionEvent.Arrived.class).size() == burst.size() + 1 ? true : null);
      for (String waiting : burst) {
        assertThat(rig.journalEvents("trunk.ended", waiting)).as(waiting).isEmpty();
      }
    }
  }
}
