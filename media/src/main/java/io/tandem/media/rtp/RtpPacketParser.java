package io.tandem.media.rtp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads RFC 3550 §5.1's layout from a datagram, checking every length before reading so that bad
 * input ends in a {@link MalformedRtpException}, never an out-of-bounds read.
 */
final class RtpPacketParser {

  private RtpPacketParser() {}

  static RtpPacket parse(ByteBuffer datagram) {
    int length = datagram.remaining();
    if (length < RtpPacket.FIXED_HEADER_LENGTH) {
      throw new MalformedRtpException(
          "shorter than the 12-byte fixed header: " + length + " bytes");
    }
    int start = datagram.position();
    int first = datagram.get() & 0xFF;
    int version = first >>> 6;
    if (version != RtpPacket.VERSION) {
      throw new MalformedRtpException("version " + version + ", expected 2");
    }
    boolean padded = (first & 0x20) != 0;
    boolean extended = (first & 0x10) != 0;
    int csrcCount = first & 0x0F;
    int second = datagram.get() & 0xFF;
    int sequenceNumber = datagram.getShort() & 0xFFFF;
    long timestamp = datagram.getInt() & 0xFFFF_FFFFL;
    long ssrc = datagram.getInt() & 0xFFFF_FFFFL;

    require(datagram, 4 * csrcCount, csrcCount + " CSRCs");
    List<Long> csrcs = new ArrayList<>(csrcCount);
    for (int i = 0; i < csrcCount; i++) {
      csrcs.add(datagram.getInt() & 0xFFFF_FFFFL);
    }
    @Nullable HeaderExtension extension = extended ? readExtension(datagram) : null;

    int end = start + length;
    int paddingLength = 0;
    if (padded) {
      paddingLength = datagram.get(end - 1) & 0xFF;
      int available = end - datagram.position();
      if (paddingLength == 0 || paddingLength > available) {
        throw new MalformedRtpException(
            "padding length " + paddingLength + " with " + available + " bytes after the header");
      }
    }
    byte[] payload = new byte[end - datagram.position() - paddingLength];
    datagram.get(payload);
    datagram.position(end);
    return new RtpPacket(
        (second & 0x80) != 0,
        second & 0x7F,
        sequenceNumber,
        timestamp,
        ssrc,
        csrcs,
        extension,
        payload,
        paddingLength);
  }

  private static HeaderExtension readExtension(ByteBuffer datagram) {
    require(datagram, 4, "the header extension's header");
    int profile = datagram.getShort() & 0xFFFF;
    int words = datagram.getShort() & 0xFFFF;
    require(datagram, 4 * words, "a header extension of " + words + " words");
    byte[] data = new byte[4 * words];
    datagram.get(data);
    return new HeaderExtension(profile, data);
  }

  private static void require(ByteBuffer datagram, int bytes, String what) {
    if (datagram.remaining() < bytes) {
      throw new MalformedRtpException(
          "truncated: " + what + " need " + bytes + " bytes, " + datagram.remaining() + " remain");
    }
  }
}
