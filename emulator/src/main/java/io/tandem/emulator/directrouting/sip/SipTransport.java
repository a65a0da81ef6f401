package io.tandem.emulator.directrouting.sip;

import java.util.Locale;

/** The transports a SIP listening point speaks. */
public enum SipTransport {
  UDP,
  TCP,
  TLS;

  /** The name JAIN-SIP and Via headers use ({@code udp}, {@code tcp}, {@code tls}). */
  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code udp}, {@code TCP}, {@code tls} … */
  public static SipTransport of(String token) {
    return valueOf(token.trim().toUpperCase(Locale.ROOT));
  }
}
