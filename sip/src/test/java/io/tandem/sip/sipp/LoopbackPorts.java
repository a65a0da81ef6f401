package io.tandem.sip.sipp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ports free on loopback at the moment of asking, for sipp and the sockets tests open, taken with a
 * cursor from ranges below the OS's ephemeral ports, so a port a test picked and let go is not
 * picked again soon. Test JVMs side by side (system property {@code testFork}: 1 or 2) take from
 * disjoint ranges; the module runs one JVM today (surefire left {@code ${surefire.forkNumber}}
 * empty in {@code systemPropertyVariables}, so two JVMs shared range 1). SIP ports: 30000-31299 and
 * 31300-32599; sipp media: 10000-14999 and 15000-19999; Tandem's RTP ({@link #rtpFirst()}):
 * 20000-24998 and 25000-29998.
 */
public final class LoopbackPorts {

  private static final int FORK = Math.max(1, Math.min(2, Integer.getInteger("testFork", 1)));
  private static final int SIP_FIRST = 30000 + (FORK - 1) * 1300;
  private static final int SIP_COUNT = 1300;
  private static final int MEDIA_FIRST = 10000 + (FORK - 1) * 5000;
  private static final AtomicInteger NEXT_SIP = new AtomicInteger();
  private static final AtomicInteger NEXT_MEDIA = new AtomicInteger();

  private LoopbackPorts() {}

  /** A port free for both UDP and TCP on loopback right now, from this JVM's SIP range. */
  public static int free() {
    for (int attempt = 0; attempt < SIP_COUNT; attempt++) {
      int port = SIP_FIRST + Math.floorMod(NEXT_SIP.getAndIncrement(), SIP_COUNT);
      if (tcpFree(port) && udpFree(port)) {
        return port;
      }
    }
    throw new IllegalStateException("no free port in " + SIP_FIRST + "+" + SIP_COUNT);
  }

  /** An even UDP port p with p, p+1, p+2 and p+3 free: RTP, RTCP and sipp's echo port p+2. */
  static int freeMedia() {
    for (int attempt = 0; attempt < 1250; attempt++) {
      int port = MEDIA_FIRST + 4 * Math.floorMod(NEXT_MEDIA.getAndIncrement(), 1250);
      if (udpFree(port) && udpFree(port + 1) && udpFree(port + 2) && udpFree(port + 3)) {
        return port;
      }
    }
    throw new IllegalStateException("no free media port");
  }

  /** The first RTP port of this JVM's range for Tandem's media. */
  public static int rtpFirst() {
    return 20000 + (FORK - 1) * 5000;
  }

  /** The last RTP port of this JVM's range. */
  public static int rtpLast() {
    return rtpFirst() + 4998;
  }

  private static boolean tcpFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
      return true;
    } catch (IOException taken) {
      return false;
    }
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
