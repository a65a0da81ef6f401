package io.tandem.media.ice;

/**
 * What a datagram on a shared media port carries, by its first byte (RFC 7983 §7): 0-3 STUN,
 * 128-191 RTP or RTCP; anything else (ZRTP, DTLS, TURN channels, junk) is of no use to Tandem.
 */
public enum DatagramKind {
  STUN,
  RTP,
  OTHER;

  /** The kind of a datagram starting with {@code firstByte}. */
  public static DatagramKind of(byte firstByte) {
    int value = firstByte & 0xff;
    if (value <= 3) {
      return STUN;
    }
    return value >= 128 && value <= 191 ? RTP : OTHER;
  }
}
