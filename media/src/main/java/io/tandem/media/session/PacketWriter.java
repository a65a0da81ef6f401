package io.tandem.media.session;

import io.tandem.media.rtp.RtpPacket;
import io.tandem.media.srtp.SrtpProtector;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import org.jspecify.annotations.Nullable;

/**
 * Sends RTP packets out of a session's channel through one reused direct buffer, so a packet costs
 * no heap array and no copy into a temporary native buffer. Packets longer than the buffer (which a
 * session never builds) are sent from a heap array. With SRTP a packet is written and protected in
 * a reused heap array first, then copied into the direct buffer.
 *
 * <p>Thread-safe: the pacer's thread and relaying threads take turns on the buffer.
 */
final class PacketWriter {

  private final DatagramChannel channel;
  private final ByteBuffer buffer;
  private final byte[] scratch;
  private final ByteBuffer scratchBuffer;

  PacketWriter(DatagramChannel channel, int capacity) {
    this.channel = channel;
    this.buffer = ByteBuffer.allocateDirect(capacity);
    this.scratch = new byte[capacity];
    this.scratchBuffer = ByteBuffer.wrap(scratch);
  }

  /** Sends {@code packet} to {@code target}; throws if the channel is closed or the send fails. */
  void send(RtpPacket packet, InetSocketAddress target) throws IOException {
    send(packet, target, null);
  }

  /**
   * Sends {@code packet} to {@code target}, as SRTP when {@code protector} is given; throws if the
   * channel is closed or the send fails.
   */
  void send(RtpPacket packet, InetSocketAddress target, @Nullable SrtpProtector protector)
      throws IOException {
    if (protector != null) {
      sendProtected(packet, target, protector);
      return;
    }
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

  private void sendProtected(RtpPacket packet, InetSocketAddress target, SrtpProtector protector)
      throws IOException {
    int length = packet.encodedLength();
    if (length + protector.overhead() > scratch.length) {
      byte[] large = new byte[length + protector.overhead()];
      packet.writeTo(ByteBuffer.wrap(large));
      channel.send(ByteBuffer.wrap(large, 0, protector.protect(large, length)), target);
      return;
    }
    synchronized (buffer) {
      packet.writeTo(scratchBuffer.clear());
      int protectedLength = protector.protect(scratch, length);
      buffer.clear();
      buffer.put(scratch, 0, protectedLength);
      channel.send(buffer.flip(), target);
    }
  }
}
