package io.tandem.media.rtp;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One RTP data packet (RFC 3550 §5.1), version 2, with its payload.
 *
 * <p>Sequence number, timestamp, SSRC and CSRCs are unsigned and held in {@code int}/{@code long}
 * so they read as on the wire. The payload is not copied: treat it as read-only.
 *
 * @param marker the M bit (for audio: first packet of a talk spurt, RFC 3551 §4.1)
 * @param payloadType 0..127
 * @param sequenceNumber 0..65535, +1 per packet, wrapping
 * @param timestamp 0..2³²−1, the sampling instant of the first payload octet
 * @param ssrc 0..2³²−1, the synchronisation source
 * @param csrcs up to 15 contributing sources, each 0..2³²−1
 * @param extension the header extension (X bit), or null
 * @param payload the payload bytes, padding excluded
 * @param paddingLength 0 for no padding (P bit clear), else 1..255 octets including the count octet
 */
public record RtpPacket(
    boolean marker,
    int payloadType,
    int sequenceNumber,
    long timestamp,
    long ssrc,
    List<Long> csrcs,
    @Nullable HeaderExtension extension,
    byte[] payload,
    int paddingLength) {

  /** The RTP version this package reads and writes. */
  public static final int VERSION = 2;

  /** Bytes of the fixed header, before CSRCs and extension. */
  public static final int FIXED_HEADER_LENGTH = 12;

  private static final long UNSIGNED_32 = 0xFFFF_FFFFL;

  /** Validates every field's range. */
  public RtpPacket {
    requireRange("payload type", payloadType, 127);
    requireRange("sequence number", sequenceNumber, 0xFFFF);
    requireRange("timestamp", timestamp, UNSIGNED_32);
    requireRange("SSRC", ssrc, UNSIGNED_32);
    requireRange("padding length", paddingLength, 255);
    if (csrcs.size() > 15) {
      throw new IllegalArgumentException("at most 15 CSRCs, got " + csrcs.size());
    }
    csrcs = List.copyOf(csrcs);
    for (long csrc : csrcs) {
      requireRange("CSRC", csrc, UNSIGNED_32);
    }
  }

  /** A plain packet: no CSRCs, no extension, no padding. */
  public static RtpPacket of(
      boolean marker,
      int payloadType,
      int sequenceNumber,
      long timestamp,
      long ssrc,
      byte[] payload) {
    return new RtpPacket(
        marker, payloadType, sequenceNumber, timestamp, ssrc, List.of(), null, payload, 0);
  }

  /**
   * Parses one datagram.
   *
   * @throws MalformedRtpException if the bytes break RFC 3550's layout
   */
  public static RtpPacket parse(byte[] datagram) {
    return RtpPacketParser.parse(ByteBuffer.wrap(datagram));
  }

  /**
   * Parses the remaining bytes of {@code datagram} (position to limit) as one packet, consuming
   * them.
   *
   * @throws MalformedRtpException if the bytes break RFC 3550's layout
   */
  public static RtpPacket parse(ByteBuffer datagram) {
    return RtpPacketParser.parse(datagram);
  }

  /** This packet with the header fields a relay rewrites. */
  public RtpPacket withStream(boolean marker, int sequenceNumber, long timestamp, long ssrc) {
    return new RtpPacket(
        marker,
        payloadType,
        sequenceNumber,
        timestamp,
        ssrc,
        csrcs,
        extension,
        payload,
        paddingLength);
  }

  /** Bytes on the wire: header, CSRCs, extension, payload and padding. */
  public int encodedLength() {
    int extensionLength = extension == null ? 0 : 4 + extension.data().length;
    return FIXED_HEADER_LENGTH
        + 4 * csrcs.size()
        + extensionLength
        + payload.length
        + paddingLength;
  }

  /** The packet as one datagram. */
  public byte[] toBytes() {
    ByteBuffer buffer = ByteBuffer.allocate(encodedLength());
    writeTo(buffer);
    return buffer.array();
  }

  /** Writes the packet at {@code buffer}'s position, advancing it by {@link #encodedLength()}. */
  public void writeTo(ByteBuffer buffer) {
    int first = VERSION << 6 | csrcs.size();
    if (paddingLength > 0) {
      first |= 0x20;
    }
    if (extension != null) {
      first |= 0x10;
    }
    buffer.put((byte) first);
    buffer.put((byte) ((marker ? 0x80 : 0) | payloadType));
    buffer.putShort((short) sequenceNumber);
    buffer.putInt((int) timestamp);
    buffer.putInt((int) ssrc);
    for (long csrc : csrcs) {
      buffer.putInt((int) csrc);
    }
    if (extension != null) {
      buffer.putShort((short) extension.profile());
      buffer.putShort((short) (extension.data().length / 4));
      buffer.put(extension.data());
    }
    buffer.put(payload);
    if (paddingLength > 0) {
      buffer.put(new byte[paddingLength - 1]);
      buffer.put((byte) paddingLength);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RtpPacket that
        && marker == that.marker
        && payloadType == that.payloadType
        && sequenceNumber == that.sequenceNumber
        && timestamp == that.timestamp
        && ssrc == that.ssrc
        && paddingLength == that.paddingLength
        && csrcs.equals(that.csrcs)
        && Objects.equals(extension, that.extension)
        && Arrays.equals(payload, that.payload);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
                marker,
                payloadType,
                sequenceNumber,
                timestamp,
                ssrc,
                csrcs,
                extension,
                paddingLength)
            * 31
        + Arrays.hashCode(payload);
  }

  @Override
  public String toString() {
    return "RtpPacket[pt="
        + payloadType
        + (marker ? ", M" : "")
        + ", seq="
        + sequenceNumber
        + ", ts="
        + timestamp
        + ", ssrc="
        + Long.toHexString(ssrc)
        + (csrcs.isEmpty() ? "" : ", csrcs=" + csrcs)
        + (extension == null ? "" : ", " + extension)
        + ", payload="
        + payload.length
        + " bytes"
        + (paddingLength == 0 ? "" : ", padding=" + paddingLength)
        + "]";
  }

  private static void requireRange(String field, long value, long max) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(field + " out of range 0.." + max + ": " + value);
    }
  }
}
