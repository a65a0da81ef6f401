package io.tandem.sip.sdp;

import io.tandem.media.srtp.MasterKey;
import io.tandem.media.srtp.SrtpSuite;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One SDES {@code a=crypto} line (RFC 4568 §9.1): {@code <tag> <suite> inline:<key||salt
 * base64>[|lifetime][|MKI:length] [session params]}.
 *
 * @param tag the decimal tag the answer echoes
 * @param suite the crypto suite name as written
 * @param keyParams the key parameters as written (one or more, {@code ;}-separated)
 * @param sessionParams the session parameters as written, empty when none
 */
public record CryptoAttribute(int tag, String suite, String keyParams, String sessionParams) {

  private static final Pattern TAG = Pattern.compile("[0-9]{1,9}");
  private static final Pattern MKI = Pattern.compile("[0-9]{1,10}:[0-9]{1,3}");

  /** The attribute's name. */
  public static final String NAME = "crypto";

  /** The line for {@code key} under {@code suite} with {@code tag}, no lifetime, no MKI. */
  public static CryptoAttribute of(int tag, SrtpSuite suite, MasterKey key) {
    return new CryptoAttribute(tag, suite.name(), "inline:" + key.base64(), "");
  }

  /** Reads an {@code a=crypto} value; empty when it is not the RFC 4568 shape. */
  public static Optional<CryptoAttribute> parse(String value) {
    String[] parts = SdpText.WHITESPACE.split(value.trim(), 4);
    if (parts.length < 3 || !TAG.matcher(parts[0]).matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new CryptoAttribute(
            Integer.parseInt(parts[0]), parts[1], parts[2], parts.length == 4 ? parts[3] : ""));
  }

  /** The suite, if Tandem supports it. */
  public Optional<SrtpSuite> supportedSuite() {
    return SrtpSuite.named(suite);
  }

  /** A key Tandem can use: the master key and the MKI length the sender puts in its packets. */
  public record UsableKey(MasterKey key, int mkiLength) {}

  /**
   * The key when Tandem can use this line: a supported suite, one {@code inline:} key of 30 bytes,
   * any lifetime, an optional {@code MKI:length} (1..128), and no session parameter other than
   * {@code UNENCRYPTED_SRTCP}, {@code WSH=} or {@code FEC_ORDER=} (Tandem runs no RTCP).
   */
  public Optional<UsableKey> usableKey() {
    if (supportedSuite().isEmpty() || !sessionParamsUsable() || keyParams.contains(";")) {
      return Optional.empty();
    }
    if (!keyParams.startsWith("inline:")) {
      return Optional.empty();
    }
    String[] fields = keyParams.substring("inline:".length()).split("\\|");
    int mkiLength = 0;
    if (fields.length > 3) {
      return Optional.empty();
    }
    for (int i = 1; i < fields.length; i++) {
      boolean last = i == fields.length - 1;
      if (fields[i].contains(":")) {
        if (!last || !MKI.matcher(fields[i]).matches()) {
          return Optional.empty();
        }
        mkiLength = Integer.parseInt(fields[i].substring(fields[i].indexOf(':') + 1));
        if (mkiLength < 1 || mkiLength > 128) {
          return Optional.empty();
        }
      } else if (i != 1) {
        return Optional.empty();
      }
    }
    try {
      return Optional.of(new UsableKey(MasterKey.fromBase64(fields[0]), mkiLength));
    } catch (IllegalArgumentException badKey) {
      return Optional.empty();
    }
  }

  private boolean sessionParamsUsable() {
    for (String parameter : SdpText.WHITESPACE.split(sessionParams.trim())) {
      if (!parameter.isEmpty()
          && !parameter.equals("UNENCRYPTED_SRTCP")
          && !parameter.startsWith("WSH=")
          && !parameter.startsWith("FEC_ORDER=")) {
        return false;
      }
    }
    return true;
  }

  /** The {@code a=crypto} attribute. */
  public Attribute attribute() {
    String value = tag + " " + suite + " " + keyParams;
    return Attribute.of(NAME, sessionParams.isEmpty() ? value : value + " " + sessionParams);
  }
}
