package io.tandem.media.srtp;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns incoming SRTP packets back into RTP (RFC 3711 §3.3): estimates the index (§3.3.1), drops a
 * replay (§3.3.2, a 64-packet window), checks the tag (compared in constant time), and only then
 * decrypts in place and advances the rollover counter and the window. A rejected packet is counted
 * and left for the caller to drop; it is never decrypted.
 *
 * <p>Thread-safe: callers are serialised; the counters may be read from any thread.
 */
public final class SrtpUnprotector {

  /** Why a packet was not accepted; {@link #unprotect} returns these as negative lengths. */
  public static final int MALFORMED = -1;

  /** The tag did not match: forged, corrupted, or another key. */
  public static final int UNAUTHENTIC = -2;

  /** Its index was already received or is older than the window. */
  public static final int REPLAYED = -3;

  private static final int MAX_STREAMS = 16;

  private final MasterKey key;
  private final int mkiLength;
  private final SrtpCrypto crypto;
  private final Map<Long, ReplayWindow> windows = new HashMap<>();
  private final byte[] expected = new byte[20];
  private final AtomicLong unauthentic = new AtomicLong();
  private final AtomicLong replayed = new AtomicLong();
  private final AtomicLong malformed = new AtomicLong();

  /** Unprotects packets sent with {@code key} under {@code suite}, without an MKI. */
  public SrtpUnprotector(SrtpSuite suite, MasterKey key) {
    this(suite, key, 0);
  }

  /**
   * Unprotects packets sent with {@code key} under {@code suite} that carry an MKI of {@code
   * mkiLength} bytes between the encrypted payload and the tag (skipped: there is one key).
   */
  public SrtpUnprotector(SrtpSuite suite, MasterKey key, int mkiLength) {
    this.key = key;
    this.mkiLength = mkiLength;
    this.crypto = new SrtpCrypto(suite, key);
  }

  /** Whether this unprotector uses {@code suite}, {@code other} and {@code otherMkiLength}. */
  public boolean uses(SrtpSuite suite, MasterKey other, int otherMkiLength) {
    return crypto.suite() == suite && key.equals(other) && mkiLength == otherMkiLength;
  }

  /**
   * Authenticates and decrypts the SRTP packet in {@code packet[0, length)} in place; returns the
   * RTP length, or {@link #MALFORMED}, {@link #UNAUTHENTIC} or {@link #REPLAYED} (the packet is
   * then left as it was and must be dropped).
   */
  public synchronized int unprotect(byte[] packet, int length) {
    int tagLength = crypto.suite().tagLength();
    int authenticated = length - tagLength - mkiLength;
    int header = SrtpCrypto.headerLength(packet, authenticated);
    if (header < 0) {
      malformed.incrementAndGet();
      return MALFORMED;
    }
    long ssrc = SrtpCrypto.ssrc(packet);
    PacketIndex index = crypto.index(ssrc);
    long packetIndex = index.estimate(SrtpCrypto.sequence(packet));
    if (windows.size() >= MAX_STREAMS && !windows.containsKey(ssrc)) {
      windows.clear();
    }
    ReplayWindow window = windows.computeIfAbsent(ssrc, s -> new ReplayWindow());
    if (!window.admits(packetIndex)) {
      replayed.incrementAndGet();
      return REPLAYED;
    }
    crypto.tag(packet, authenticated, packetIndex >>> 16, expected, 0);
    int difference = 0;
    for (int i = 0; i < tagLength; i++) {
      difference |= expected[i] ^ packet[authenticated + mkiLength + i];
    }
    if (difference != 0) {
      unauthentic.incrementAndGet();
      return UNAUTHENTIC;
    }
    index.update(packetIndex);
    window.mark(packetIndex);
    crypto.crypt(packet, header, authenticated, ssrc, packetIndex);
    return authenticated;
  }

  /** Packets dropped because their tag did not match. */
  public long unauthentic() {
    return unauthentic.get();
  }

  /** Packets dropped as replays or too old. */
  public long replayed() {
    return replayed.get();
  }

  /** Datagrams too short for an RTP header and a tag. */
  public long malformed() {
    return malformed.get();
  }
}
