package io.tandem.media.rtp;

/**
 * Serial-number arithmetic (RFC 1982) on RTP's wrapping counters: 16-bit sequence numbers and
 * 32-bit timestamps. A "delta" is the signed shortest distance from one value to the next, so 65535
 * → 0 is +1, not −65535.
 */
public final class SerialNumbers {

  private SerialNumbers() {}

  /** The signed distance from sequence number {@code from} to {@code to}, in −32768..32767. */
  public static int sequenceDelta(int from, int to) {
    return (short) (to - from);
  }

  /** The sequence number after {@code sequenceNumber}: +1, wrapping at 65536. */
  public static int nextSequence(int sequenceNumber) {
    return (sequenceNumber + 1) & 0xFFFF;
  }

  /** The signed distance from timestamp {@code from} to {@code to}, in −2³¹..2³¹−1. */
  public static long timestampDelta(long from, long to) {
    return (int) (to - from);
  }

  /** {@code timestamp + samples}, wrapping at 2³². */
  public static long addToTimestamp(long timestamp, long samples) {
    return (timestamp + samples) & 0xFFFF_FFFFL;
  }
}
