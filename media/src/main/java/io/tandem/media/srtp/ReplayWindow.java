package io.tandem.media.srtp;

/**
 * The replay list of RFC 3711 §3.3.2 as a sliding window of 64 packet indices below the highest
 * index received: an index above it is new, one inside it is new unless its bit is set, one below
 * it is too old.
 */
final class ReplayWindow {

  static final int SIZE = 64;

  private long highest = -1;
  private long seen;

  /** Whether {@code index} may be accepted (not yet seen, not too old). */
  boolean admits(long index) {
    if (index < 0) {
      return false;
    }
    if (index > highest) {
      return true;
    }
    long behind = highest - index;
    return behind < SIZE && (seen & (1L << behind)) == 0;
  }

  /** Marks {@code index} as received (after it authenticated). */
  void mark(long index) {
    if (index > highest) {
      long shift = highest < 0 ? SIZE : index - highest;
      seen = shift >= SIZE ? 0 : seen << shift;
      highest = index;
      seen |= 1;
    } else {
      seen |= 1L << (highest - index);
    }
  }
}
