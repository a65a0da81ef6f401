package io.tandem.acs.client;

import java.util.Locale;
import java.util.Map;

/**
 * Custom context carried with a transfer or an added participant: SIP headers ({@code User-To-User}
 * and {@code X-MS-Custom-…}) for a PSTN or SIP target, VoIP headers for the rest.
 */
public record CustomCallingContext(
    Map<String, String> sipHeaders, Map<String, String> voipHeaders) {

  public CustomCallingContext {
    sipHeaders = Map.copyOf(sipHeaders);
    voipHeaders = Map.copyOf(voipHeaders);
    for (String name : sipHeaders.keySet()) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (!lower.equals("user-to-user") && !lower.startsWith("x-ms-custom-")) {
        throw new IllegalArgumentException(
            "SIP header " + name + " must be User-To-User or start with X-MS-Custom-");
      }
    }
  }
}
