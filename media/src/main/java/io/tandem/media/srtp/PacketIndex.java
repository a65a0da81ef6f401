package io.tandem.media.srtp;

/**
 * The rollover counter of one SRTP stream and the highest sequence number seen, from which a
 * packet's 48-bit index (2¹⁶·ROC + SEQ) is estimated (RFC 3711 §3.3.1 and Appendix A). The state
 * moves only when {@link #update} is called (a receiver calls it after the packet authenticated).
 */
final class PacketIndex {

  private long rolloverCounter;
  private int highestSequence = -1;

  /** The index {@code sequence} most likely has; negative for a packet from before the start. */
  long estimate(int sequence) {
    if (highestSequence < 0) {
      return sequence;
    }
    long roc = rolloverCounter;
    if (highestSequence < 32768) {
      if (sequence - highestSequence > 32768) {
        roc--;
      }
    } else if (highestSequence - 32768 > sequence) {
      roc++;
    }
    return (roc << 16) + sequence;
  }

  /** Takes {@code index} (an {@link #estimate}) as seen: the ROC and highest sequence advance. */
  void update(long index) {
    long roc = index >>> 16;
    int sequence = (int) (index & 0xFFFF);
    if (highestSequence < 0 || roc > rolloverCounter) {
      rolloverCounter = roc;
      highestSequence = sequence;
    } else if (roc == rolloverCounter && sequence > highestSequence) {
      highestSequence = sequence;
    }
  }

  long rolloverCounter() {
    return rolloverCounter;
  }
}
