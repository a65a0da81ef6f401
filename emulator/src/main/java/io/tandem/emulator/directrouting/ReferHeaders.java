package io.tandem.emulator.directrouting;

import io.tandem.emulator.directrouting.sip.ListenPoint;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The Refer-To and Referred-By values the Teams proxy puts on a REFER (MICROSOFT-CONTRACTS §1.5):
 * Refer-To's host is the proxy FQDN, its user the E.164 target, or for a Teams user the {@code x-m}
 * (MRI) and {@code x-t} (tenant) parameters; Referred-By carries the transferor's {@code x-m} and
 * {@code x-t}, the transfer correlation id {@code x-ti} and the encoded transfer-target call URI
 * {@code x-tt}.
 */
final class ReferHeaders {

  private ReferHeaders() {}

  /** The MRI Teams gives a user ({@code 8:orgid:<object id>}). */
  static String mri(String userId) {
    return "8:orgid:" + userId;
  }

  static String referToNumber(String proxyFqdn, String e164) {
    return "<sip:" + e164 + "@" + proxyFqdn + ";user=phone>";
  }

  /** Refer-To for a Teams user: the proxy's own URI (where the SBC sends the new INVITE). */
  static String referToUser(ListenPoint proxy, String userId, String tenantId) {
    return "<sip:"
        + proxy.name()
        + ":"
        + proxy.port()
        + ";transport="
        + proxy.transport().token()
        + ";x-m="
        + mri(userId)
        + ";x-t="
        + tenantId
        + ">";
  }

  static String referredBy(
      String proxyFqdn, String transferorId, String tenantId, String correlationId) {
    String callUri =
        "https://api.pstnhub.microsoft.com/v1/ng/callnotification?dci=" + correlationId;
    String encoded =
        URLEncoder.encode(
            Base64.getEncoder().encodeToString(callUri.getBytes(StandardCharsets.UTF_8)),
            StandardCharsets.UTF_8);
    return "<sip:"
        + proxyFqdn
        + ";x-m="
        + mri(transferorId)
        + ";x-t="
        + tenantId
        + ";x-ti="
        + correlationId
        + ";x-tt="
        + encoded
        + ">";
  }
}
