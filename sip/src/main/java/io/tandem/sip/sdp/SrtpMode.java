package io.tandem.sip.sdp;

import java.util.Locale;

/**
 * Whether a trunk's media is SRTP keyed by SDES (RFC 4568), per trunk: Microsoft's media processors
 * take nothing else ({@code required}); carriers usually send plain RTP ({@code off}).
 */
public enum SrtpMode {
  /**
   * Offers {@code RTP/SAVP} with {@code a=crypto}; an offer or answer without an acceptable crypto
   * line is refused (488).
   */
  REQUIRED,
  /**
   * Offers {@code RTP/AVP} with {@code a=crypto} (best-effort SRTP); takes SRTP when the far end
   * sends an acceptable crypto line, plain RTP otherwise.
   */
  OPTIONAL,
  /** Plain RTP only: offers and answers {@code RTP/AVP}; an {@code RTP/SAVP} offer gets 488. */
  OFF;

  /** The mode named {@code name} ({@code required}, {@code optional}, {@code off}). */
  public static SrtpMode parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw new IllegalArgumentException(
          "srtp must be required, optional or off, not '" + name + "'", unknown);
    }
  }
}
