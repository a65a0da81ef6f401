package io.tandem.sip.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import org.jspecify.annotations.Nullable;

/**
 * A UDP listening point: one bound socket, one receiving thread handing each datagram to the sink,
 * sends from any thread. Datagrams over 64 KiB are cut by the buffer and then fail the parser.
 */
final class UdpTransport implements SipTransport {

  private static final System.Logger LOG = System.getLogger(UdpTransport.class.getName());

  /**
   * The UDP socket buffers asked of the kernel (which caps them at {@code net.core.rmem_max} and
   * {@code wmem_max}): 4 MiB absorbs a burst of requests while the JVM pauses.
   */
  static final int SOCKET_BUFFER_BYTES = 4 * 1024 * 1024;

  private static final int MAX_DATAGRAM = 65_535;

  private final DatagramChannel channel;
  private final ListenPoint point;
  private final MessageSink sink;
  private final Thread receiver;

  /**
   * The flows of recently heard peers, one slot per address hash, for the receiving thread only:
   * the transactions of one trunk's peer share one flow rather than holding one per datagram.
   */
  private final @Nullable UdpFlow[] recentFlows = new UdpFlow[64];

  private UdpTransport(DatagramChannel channel, ListenPoint point, MessageSink sink) {
    this.channel = channel;
    this.point = point;
    this.sink = sink;
    this.receiver =
        Thread.ofPlatform().daemon().name("sip-udp-" + point.port()).unstarted(this::receive);
  }

  /** Binds {@code port} (0: any free port) on {@code bind} and starts receiving. */
  static UdpTransport open(InetAddress bind, int port, MessageSink sink) throws IOException {
    DatagramChannel channel = DatagramChannel.open();
    try {
      channel.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER_BYTES);
      channel.setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER_BYTES);
      channel.bind(new InetSocketAddress(bind, port));
      int bound = ((InetSocketAddress) channel.getLocalAddress()).getPort();
      UdpTransport transport =
          new UdpTransport(channel, new ListenPoint(Transport.UDP, bound), sink);
      transport.receiver.start();
      return transport;
    } catch (IOException | RuntimeException failed) {
      channel.close();
      throw failed;
    }
  }

  @Override
  public ListenPoint point() {
    return point;
  }

  @Override
  public Flow flowTo(InetSocketAddress address, String host) {
    return new UdpFlow(address);
  }

  private void receive() {
    ByteBuffer buffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
    while (channel.isOpen()) {
      try {
        buffer.clear();
        SocketAddress from = channel.receive(buffer);
        buffer.flip();
        if (buffer.remaining() < 4 || !(from instanceof InetSocketAddress source)) {
          continue; // keepalive CRLFs, STUN-sized noise
        }
        byte[] message = new byte[buffer.remaining()];
        buffer.get(message);
        sink.onMessage(message, flowFrom(source), point);
      } catch (ClosedChannelException closed) {
        return;
      } catch (IOException | RuntimeException failed) {
        LOG.log(System.Logger.Level.WARNING, "UDP receive on " + point.port() + " failed", failed);
      }
    }
  }

  private UdpFlow flowFrom(InetSocketAddress source) {
    int slot = source.hashCode() & (recentFlows.length - 1);
    UdpFlow known = recentFlows[slot];
    if (known != null && known.remote.equals(source)) {
      return known;
    }
    UdpFlow heard = new UdpFlow(source);
    recentFlows[slot] = heard;
    return heard;
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    try {
      receiver.join(2_000);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** The socket towards one peer address. */
  private final class UdpFlow implements Flow {

    private final InetSocketAddress remote;

    UdpFlow(InetSocketAddress remote) {
      this.remote = remote;
    }

    @Override
    public void send(byte[] message) throws IOException {
      channel.send(ByteBuffer.wrap(message), remote);
    }

    @Override
    public InetSocketAddress remote() {
      return remote;
    }

    @Override
    public Transport transport() {
      return Transport.UDP;
    }
  }
}
