package io.tandem.media.srtp;

/**
 * Turns outgoing RTP packets into SRTP (RFC 3711 §3.3): the payload encrypted in place and the
 * authentication tag appended. The packet index comes from the sequence number and a rollover
 * counter that advances when the sequence wraps from 65535 to 0.
 *
 * <p>Thread-safe: callers are serialised.
 */
public final class SrtpProtector {

  private final MasterKey key;
  private final SrtpCrypto crypto;

  /** Protects with {@code key} under {@code suite}. */
  public SrtpProtector(SrtpSuite suite, MasterKey key) {
    this.key = key;
    this.crypto = new SrtpCrypto(suite, key);
  }

  /** Whether this protector uses {@code suite} and {@code other} (a re-offer kept the key). */
  public boolean uses(SrtpSuite suite, MasterKey other) {
    return crypto.suite() == suite && key.equals(other);
  }

  /** Bytes {@link #protect} appends. */
  public int overhead() {
    return crypto.suite().tagLength();
  }

  /**
   * Protects the RTP packet in {@code packet[0, length)} in place and returns the SRTP length
   * ({@code length} + {@link #overhead()}); {@code packet} must have room for the tag.
   *
   * @throws IllegalArgumentException when the bytes are not an RTP header
   */
  public synchronized int protect(byte[] packet, int length) {
    int header = SrtpCrypto.headerLength(packet, length);
    if (header < 0) {
      throw new IllegalArgumentException("not an RTP packet: " + length + " bytes");
    }
    long ssrc = SrtpCrypto.ssrc(packet);
    PacketIndex index = crypto.index(ssrc);
    long packetIndex = index.estimate(SrtpCrypto.sequence(packet));
    index.update(packetIndex);
    crypto.crypt(packet, header, length, ssrc, packetIndex);
    crypto.tag(packet, length, packetIndex >>> 16, packet, length);
    return length + overhead();
  }
}
