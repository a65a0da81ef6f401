package io.tandem.sip.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;

/** What the stack's tests open on loopback: an endpoint's settings, a peer's TCP connection. */
final class LoopbackEndpoints {

  private LoopbackEndpoints() {}

  /** An endpoint named {@code name} on a free UDP port of loopback; every host resolves there. */
  static EndpointSettings udp(String name) {
    return new EndpointSettings(
        name,
        InetAddress.getLoopbackAddress(),
        List.of(new ListenPoint(Transport.UDP, 0)),
        null,
        host -> "127.0.0.1");
  }

  /**
   * A TCP connection to {@code port} on loopback (reads time out after 5 s), added to {@code
   * opened}.
   */
  static Socket connect(int port, List<AutoCloseable> opened) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(5_000);
    opened.add(socket);
    return socket;
  }

  /**
   * A body-less {@code method} request to {@code requestUri} from a UDP peer on {@code peerPort},
   * its transaction {@code branch} (and Call-ID {@code call-<branch>}).
   */
  static String request(String method, String requestUri, int peerPort, String branch) {
    return method
        + " "
        + requestUri
        + " SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:"
        + peerPort
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

  /** Writes {@code bytes} on {@code socket} at once. */
  static void write(Socket socket, byte[] bytes) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(bytes);
    out.flush();
  }
}
