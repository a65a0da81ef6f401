package io.tandem.sip.sdp;

import io.tandem.media.srtp.MasterKey;
import io.tandem.media.srtp.SrtpKeys;
import io.tandem.media.srtp.SrtpSuite;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * SDES key exchange (RFC 4568) on one audio stream, as a trunk's {@link SrtpMode} allows: which
 * crypto line of an offer Tandem takes, the line it offers, and what an answer to its offer
 * settled.
 */
final class Sdes {

  /** The tag of the one crypto line Tandem offers. */
  static final int OFFERED_TAG = 1;

  /** The suite Tandem offers (Microsoft's, MICROSOFT-CONTRACTS §1.7). */
  static final SrtpSuite OFFERED_SUITE = SrtpSuite.AES_CM_128_HMAC_SHA1_80;

  private Sdes() {}

  /**
   * Whether {@code protocol} is a secure RTP profile ({@code RTP/SAVP}, {@code UDP/TLS/RTP/SAVP}).
   */
  static boolean secure(String protocol) {
    return protocol.endsWith("RTP/SAVP");
  }

  /**
   * The keys for answering {@code offered} with {@code localKey}: the first usable crypto line in
   * the offer's order; null for plain RTP.
   *
   * @throws NotAcceptableException when {@code mode} refuses what is offered
   */
  static @Nullable SdesKeys answering(
      MediaDescription offered, SrtpMode mode, @Nullable MasterKey localKey)
      throws NotAcceptableException {
    boolean secure = secure(offered.protocol());
    Optional<SdesKeys> usable =
        mode == SrtpMode.OFF
            ? Optional.empty()
            : firstUsable(offered, OfferAnswer.requireKey(localKey));
    return switch (mode) {
      case OFF -> {
        if (secure) {
          throw new NotAcceptableException(
              "SRTP is off on this trunk and the offer is " + offered.protocol());
        }
        yield null;
      }
      case REQUIRED -> {
        if (!secure || usable.isEmpty()) {
          throw new NotAcceptableException(
              "SRTP is required on this trunk: the offer is "
                  + offered.protocol()
                  + " with no usable a=crypto (AES_CM_128_HMAC_SHA1_80 or _32, one inline"
                  + " key)");
        }
        yield usable.get();
      }
      case OPTIONAL -> {
        if (secure && usable.isEmpty()) {
          throw new NotAcceptableException(
              "the " + offered.protocol() + " offer has no usable a=crypto");
        }
        yield usable.orElse(null);
      }
    };
  }

  /** The profile and crypto line of Tandem's offer under {@code mode}. */
  static String offeredProfile(SrtpMode mode) {
    return mode == SrtpMode.REQUIRED ? "RTP/SAVP" : "RTP/AVP";
  }

  /** Tandem's crypto line for {@code localKey}, none when {@code mode} is off. */
  static List<Attribute> offeredCrypto(SrtpMode mode, @Nullable MasterKey localKey) {
    if (mode == SrtpMode.OFF || localKey == null) {
      return List.of();
    }
    return List.of(CryptoAttribute.of(OFFERED_TAG, OFFERED_SUITE, localKey).attribute());
  }

  /**
   * What the answer {@code answered} to Tandem's offer stream {@code ours} settled: the keys when
   * it echoes the tag and suite of Tandem's line with its own key; null for plain RTP.
   *
   * @throws NotAcceptableException when Tandem's offer required SRTP (or the answer's profile is
   *     secure) and the answer has no matching crypto line, or it answers SRTP to a plain offer
   */
  static @Nullable SdesKeys accepted(
      MediaDescription ours, MediaDescription answered, boolean required)
      throws NotAcceptableException {
    Optional<CryptoAttribute> offered = cryptoLines(ours).stream().findFirst();
    if (offered.isEmpty()) {
      if (secure(answered.protocol()) || !cryptoLines(answered).isEmpty()) {
        throw new NotAcceptableException(
            "the answer is SRTP (" + answered.protocol() + ") to a plain RTP offer");
      }
      return null;
    }
    CryptoAttribute line = offered.get();
    MasterKey localKey = line.usableKey().orElseThrow().key();
    SrtpSuite suite = line.supportedSuite().orElseThrow();
    for (CryptoAttribute candidate : cryptoLines(answered)) {
      Optional<CryptoAttribute.UsableKey> remote = candidate.usableKey();
      if (candidate.tag() == line.tag()
          && candidate.suite().equals(line.suite())
          && remote.isPresent()) {
        return new SdesKeys(line.tag(), keys(suite, localKey, remote.get()));
      }
    }
    if (required || secure(answered.protocol())) {
      throw new NotAcceptableException(
          "the answer has no a=crypto with tag " + line.tag() + " and suite " + line.suite());
    }
    return null;
  }

  /** The answer's crypto line for {@code keys}: the offer's tag and suite, Tandem's key. */
  static Attribute answerCrypto(SdesKeys keys) {
    return CryptoAttribute.of(keys.tag(), keys.keys().suite(), keys.keys().local()).attribute();
  }

  private static Optional<SdesKeys> firstUsable(MediaDescription offered, MasterKey localKey) {
    for (CryptoAttribute line : cryptoLines(offered)) {
      Optional<SrtpSuite> suite = line.supportedSuite();
      Optional<CryptoAttribute.UsableKey> remote = line.usableKey();
      if (suite.isPresent() && remote.isPresent()) {
        return Optional.of(new SdesKeys(line.tag(), keys(suite.get(), localKey, remote.get())));
      }
    }
    return Optional.empty();
  }

  private static SrtpKeys keys(
      SrtpSuite suite, MasterKey localKey, CryptoAttribute.UsableKey remote) {
    return new SrtpKeys(suite, localKey, remote.key(), remote.mkiLength());
  }

  private static List<CryptoAttribute> cryptoLines(MediaDescription stream) {
    return stream.attributes().stream()
        .filter(a -> a.name().equals(CryptoAttribute.NAME) && a.value() != null)
        .flatMap(a -> CryptoAttribute.parse(a.value()).stream())
        .toList();
  }
}
