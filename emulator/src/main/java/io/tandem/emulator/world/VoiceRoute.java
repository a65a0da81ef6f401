package io.tandem.emulator.world;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A tenant's online voice route: calls from Teams to numbers matching {@code numberPattern} (a
 * regular expression over the +E164 number, as {@code New-CsOnlineVoiceRoute -NumberPattern}) go to
 * {@code gateways} (FQDNs) in this order, failing over from one to the next.
 */
public record VoiceRoute(String numberPattern, List<String> gateways) {

  public VoiceRoute {
    Identifiers.requireNonBlank(numberPattern, "numberPattern");
    Pattern.compile(numberPattern);
    gateways = gateways == null ? List.of() : List.copyOf(gateways);
  }

  public boolean matches(String e164) {
    return Pattern.compile(numberPattern).matcher(e164).matches();
  }
}
