package io.tandem.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.interaction.InteractionEvent;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * An agent leg whose first Direct Routing proxy never answers fails over to the next one with the
 * INVITE's CSeq counted on (RFC 3261 §8.1.3.5), so a late answer that the first proxy forwards
 * after all is told apart: Tandem ACKs it with its own CSeq and ends it with BYE, and the call the
 * agent answered through the second proxy stays up.
 */
class AgentLegFailoverEndToEndTest {

  private static final String ANN = "+14255550401";

  @Test
  void silentFirstProxy_retryCountsOn_andItsLateAnswerIsAckedAndEnded() throws Exception {
    try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        ConnectRig rig = ConnectRig.withSilentFirstProxyAt(silent.getLocalPort())) {
      silent.setSoTimeout(10_000);
      rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}],\"talkFor\":\"PT20S\"");
      rig.agent("ann", ANN);

      Received first = receive(silent, "INVITE ");
      // the failover time (2 s) passes without a word: the emulator's proxy gets the INVITE
      ConnectRig.await(() -> rig.events(InteractionEvent.Connected.class).isEmpty() ? null : true);
      String callId = ConnectRig.header(first.text(), "Call-ID");
      String retried =
          rig.emulator.journal().after(0, e -> e.kind().equals("INVITE"), 100).stream()
              .map(e -> String.valueOf(e.body()))
              .filter(text -> text.contains("Call-ID: " + callId))
              .findFirst()
              .orElseThrow();
      assertThat(ConnectRig.header(first.text(), "CSeq")).isEqualTo("1 INVITE");
      assertThat(ConnectRig.header(retried, "CSeq")).isEqualTo("2 INVITE");

      // the first proxy forwards the agent's answer after all
      send(silent, first.from(), lateAnswer(first.text(), silent.getLocalPort()));

      String ack = receive(silent, "ACK ").text();
      assertThat(ConnectRig.header(ack, "CSeq")).isEqualTo("1 ACK");
      assertThat(ConnectRig.header(ack, "To")).endsWith(";tag=late-answer");
      Received bye = receive(silent, "BYE ");
      assertThat(ConnectRig.header(bye.text(), "CSeq")).isEqualTo("2 BYE");
      assertThat(ConnectRig.header(bye.text(), "Call-ID")).isEqualTo(callId);
      send(silent, bye.from(), okTo(bye.text()));
      // the call the agent answered through the second proxy goes on
      assertThat(rig.events(InteractionEvent.Disconnected.class)).isEmpty();
      assertThat(rig.node.activeCalls()).isEqualTo(1);
    }
  }

  private record Received(String text, SocketAddress from) {}

  /** The next datagram on {@code socket} that starts with {@code start} (others are skipped). */
  private static Received receive(DatagramSocket socket, String start) throws IOException {
    while (true) {
      DatagramPacket packet = new DatagramPacket(new byte[8192], 8192);
      socket.receive(packet);
      String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII);
      if (text.startsWith(start)) {
        return new Received(text, packet.getSocketAddress());
      }
    }
  }

  private static void send(DatagramSocket socket, SocketAddress to, String message)
      throws IOException {
    byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
    socket.send(new DatagramPacket(bytes, bytes.length, (InetSocketAddress) to));
  }

  /** A 200 with SDP to {@code invite}, as the agent's Teams client would answer it. */
  private static String lateAnswer(String invite, int port) {
    String sdp =
        "v=0\r\no=teams 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 40004 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n";
    return ok(invite, ";tag=late-answer")
        + "Contact: <sip:"
        + ANN
        + "@127.0.0.1:"
        + port
        + ">\r\nContent-Type: application/sdp\r\nContent-Length: "
        + sdp.length()
        + "\r\n\r\n"
        + sdp;
  }

  /** A 200 without a body to {@code request}. */
  private static String okTo(String request) {
    return ok(request, "") + "Content-Length: 0\r\n\r\n";
  }

  /** The status line and the headers copied from {@code request} of a 200 to it. */
  private static String ok(String request, String toTag) {
    return "SIP/2.0 200 OK\r\n"
        + headers(request, "Via")
        + "From: "
        + ConnectRig.header(request, "From")
        + "\r\nTo: "
        + ConnectRig.header(request, "To")
        + toTag
        + "\r\nCall-ID: "
        + ConnectRig.header(request, "Call-ID")
        + "\r\nCSeq: "
        + ConnectRig.header(request, "CSeq")
        + "\r\n";
  }

  /** Every {@code name} header line of {@code message}, each ending in CRLF. */
  private static String headers(String message, String name) {
    return message
        .lines()
        .filter(line -> line.startsWith(name + ": "))
        .map(line -> line + "\r\n")
        .collect(Collectors.joining());
  }
}
