package io.tandem.emulator.directrouting;

import io.tandem.media.srtp.MasterKey;
import io.tandem.media.srtp.SrtpKeys;
import io.tandem.media.srtp.SrtpSuite;
import java.security.SecureRandom;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * SDES (RFC 4568) as a Microsoft media processor speaks it to an SBC (MICROSOFT-CONTRACTS §1.7):
 * its own fresh master key per endpoint, offered as {@code a=crypto:1 AES_CM_128_HMAC_SHA1_80
 * inline:<key||salt>}; from the SBC's offer or answer the first line with a supported suite and one
 * inline key without MKI. Confined to the call's serial executor.
 */
final class TeamsSrtp {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final MasterKey local = MasterKey.random(RANDOM);
  private int tag = 1;
  private SrtpSuite suite = SrtpSuite.AES_CM_128_HMAC_SHA1_80;
  private @Nullable MasterKey remote;

  /**
   * Whether {@code sdp} (an SBC's offer) is acceptable to a media processor that requires SRTP: a
   * secure profile with a usable crypto line.
   */
  static boolean acceptable(Sdp sdp) {
    return sdp.secure() && sdp.crypto().stream().anyMatch(line -> usable(line).isPresent());
  }

  /**
   * Takes the SBC's key from {@code sdp} (its offer, re-offer or answer): the keys to protect the
   * leg with, or empty when it carries no usable crypto line.
   */
  Optional<SrtpKeys> take(Sdp sdp) {
    for (String line : sdp.crypto()) {
      Optional<Line> usable = usable(line);
      if (usable.isPresent()) {
        tag = usable.get().tag();
        suite = usable.get().suite();
        remote = usable.get().key();
        return Optional.of(new SrtpKeys(suite, local, usable.get().key()));
      }
    }
    remote = null;
    return Optional.empty();
  }

  /** Whether a key was taken from the SBC (the media is SRTP). */
  boolean active() {
    return remote != null;
  }

  /** The media processor's own line: the agreed tag and suite, its own key. */
  String line() {
    return tag + " " + suite.name() + " inline:" + local.base64();
  }

  private record Line(int tag, SrtpSuite suite, MasterKey key) {}

  private static Optional<Line> usable(String line) {
    String[] parts = line.trim().split("\\s+");
    if (parts.length != 3 || !parts[0].matches("[0-9]{1,9}") || !parts[2].startsWith("inline:")) {
      return Optional.empty();
    }
    Optional<SrtpSuite> suite = SrtpSuite.named(parts[1]);
    String[] key = parts[2].substring("inline:".length()).split("\\|");
    if (suite.isEmpty() || key.length > 2 || (key.length == 2 && key[1].contains(":"))) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Line(Integer.parseInt(parts[0]), suite.get(), MasterKey.fromBase64(key[0])));
    } catch (IllegalArgumentException badKey) {
      return Optional.empty();
    }
  }
}
