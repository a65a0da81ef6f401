package io.tandem.media.session;

import io.tandem.media.dtmf.DtmfDigit;
import io.tandem.media.rtp.RtpPacket;

/**
 * Receives what arrives on an {@link RtpSession}.
 *
 * <p>Threading: called on the session's receiving thread (a virtual thread, one per session), one
 * call at a time, in arrival order. Implementations must return quickly and never block: hand work
 * to a queue or jitter buffer. An exception thrown here is counted and the packet dropped.
 */
public interface RtpListener {

  /** A listener that ignores everything. */
  RtpListener IGNORE = new RtpListener() {};

  /** A listener telling {@code first}, then {@code second}, everything. */
  static RtpListener tee(RtpListener first, RtpListener second) {
    return new RtpListener() {
      @Override
      public void onPacket(RtpPacket packet) {
        first.onPacket(packet);
        second.onPacket(packet);
      }

      @Override
      public void onDigit(DtmfDigit digit) {
        first.onDigit(digit);
        second.onDigit(digit);
      }
    };
  }

  /** A well-formed packet arrived: audio, telephone-event or anything else. */
  default void onPacket(RtpPacket packet) {}

  /**
   * A telephone-event packet started a new DTMF digit (RFC 4733); called once per key press, after
   * {@link #onPacket} for the same packet.
   */
  default void onDigit(DtmfDigit digit) {}
}
