package io.tandem.sip.sipp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Ports free on loopback at the moment of asking, for sipp and the sockets tests open. */
public final class LoopbackPorts {

  private LoopbackPorts() {}

  /** A port free for both UDP and TCP on loopback right now. */
  public static int free() {
    for (int attempt = 0; attempt < 50; attempt++) {
      try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        int port = tcp.getLocalPort();
        if (udpFree(port)) {
          return port;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalStateException("no free port");
  }

  /** An even UDP port p with p, p+1, p+2 and p+3 free: RTP, RTCP and sipp's echo port p+2. */
  static int freeMedia() {
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = 20000 + 2 * (int) (Math.random() * 10000);
      if (udpFree(port) && udpFree(port + 1) && udpFree(port + 2) && udpFree(port + 3)) {
        return port;
      }
    }
    throw new IllegalStateException("no free media port");
  }

  static boolean udpFree(int port) {
    try (DatagramSocket socket = new DatagramSocket(null)) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (BindException taken) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
