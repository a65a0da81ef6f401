package io.tandem.emulator.world;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A carrier's SIP trunk to a contact center: PSTN calls to numbers matching one of {@code
 * numberPatterns} (regular expressions over +E164) arrive as INVITEs from a simulated carrier at
 * {@code uri} (e.g. {@code sip:cc.tandem.test:5070;transport=tcp}), with the dialled number as the
 * Request-URI's user part.
 */
public record CarrierTrunk(String name, List<String> numberPatterns, String uri) {

  public CarrierTrunk {
    Identifiers.requireNonBlank(name, "carrier trunk name");
    Identifiers.requireNonBlank(uri, "carrier trunk uri");
    numberPatterns = numberPatterns == null ? List.of() : List.copyOf(numberPatterns);
    numberPatterns.forEach(Pattern::compile);
    if (!uri.startsWith("sip:")) {
      throw new IllegalArgumentException("carrier trunk uri must be a sip: URI, was " + uri);
    }
  }

  public boolean serves(String e164) {
    return numberPatterns.stream().anyMatch(p -> Pattern.compile(p).matcher(e164).matches());
  }
}
