package io.tandem.media.session;

import io.tandem.media.rtp.RtpPacket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * Sends RTP packets out of a session's channel through one reused direct buffer, so a packet costs
 * no heap array and no copy into a temporary native buffer. Packets longer than the buffer (which a
 * session never builds) are sent from a heap array.
 *
 * <p>Thread-safe: the pacer's thread and relaying threads take turns on the buffer.
 */
final class PacketWriter {

  private final DatagramChannel channel;
  private final ByteBuffer buffer;

  PacketWriter(DatagramChannel channel, int capacity) {
    this.channel = channel;
    this.buffer = ByteBuffer.allocateDirect(capacity);
  }

  /** Sends {@code packet} to {@code target}; throws if the channel is closed or the send fails. */
  void send(RtpPacket packet, InetSocketAddress target) throws IOException {
    if (packet.encodedLength() > buffer.capacity()) {
      channel.send(ByteBuffer.wrap(packet.toBytes()), target);
      return;
    }
    synchronized (buffer) {
      buffer.clear();
      packet.writeTo(buffer);
      channel.send(buffer.flip(), target);
    }
  }
}
