package io.tandem.sip.stack;

import java.util.Locale;

/** A SIP transport, as written in Via and in the {@code transport} URI parameter. */
public enum Transport {
  UDP,
  TCP,
  TLS;

  /** The lowercase token URI parameters use. */
  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The default port of the transport: 5061 for TLS, 5060 otherwise. */
  public int defaultPort() {
    return this == TLS ? 5061 : 5060;
  }

  /** Parses {@code udp}, {@code TCP}, {@code tls} (any case). */
  public static Transport parse(String token) {
    return valueOf(token.trim().toUpperCase(Locale.ROOT));
  }
}
