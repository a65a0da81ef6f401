package io.tandem.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A SIP peer on a loopback UDP socket, talking to an endpoint's UDP port, for the stack's tests.
 */
final class UdpPeer implements AutoCloseable {

  private final DatagramSocket socket;
  private final int endpointPort;

  UdpPeer(int endpointPort) throws IOException {
    this.endpointPort = endpointPort;
    this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    socket.setSoTimeout(5_000);
  }

  /** The peer's own port, for its Via. */
  int localPort() {
    return socket.getLocalPort();
  }

  void send(String message) throws IOException {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    socket.send(
        new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), endpointPort));
  }

  /** The next datagram received, as text; fails after 5 s of silence. */
  String receive() throws IOException {
    DatagramPacket packet = new DatagramPacket(new byte[65_535], 65_535);
    socket.receive(packet);
    return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
  }

  /** Fails if anything arrives within 300 ms. */
  void assertNothingReceived() throws IOException {
    socket.setSoTimeout(300);
    try {
      String unexpected = receive();
      throw new AssertionError("unexpected message: " + unexpected);
    } catch (SocketTimeoutException quiet) {
      // as expected
    } finally {
      socket.setSoTimeout(5_000);
    }
  }

  /** Reads copies of {@code message} until 300 ms pass without one; anything else fails. */
  void drainCopiesOf(String message) throws IOException {
    socket.setSoTimeout(300);
    try {
      while (true) {
        assertThat(receive()).isEqualTo(message);
      }
    } catch (SocketTimeoutException drained) {
      // no more copies
    } finally {
      socket.setSoTimeout(5_000);
    }
  }

  @Override
  public void close() {
    socket.close();
  }
}
