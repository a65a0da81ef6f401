package io.tandem.acs.client;

import java.util.Locale;

/** Why an incoming call is rejected ({@code callRejectReason}). */
public enum RejectReason {
  NONE,
  BUSY,
  FORBIDDEN;

  /** The wire value: {@code none}, {@code busy}, {@code forbidden}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
