package io.tandem.emulator.directrouting;

import io.tandem.emulator.directrouting.sip.SipHeader;
import io.tandem.emulator.world.TeamsUser;
import java.util.List;

/**
 * P-Asserted-Identity on Teams → SBC INVITEs: sent only to a gateway with {@code forwardPai}, as
 * {@code <sip:+E164@sip.pstnhub.microsoft.com;user=phone>} of the asserted caller. No other header
 * is added: the {@code X-MS-*} Local Media Optimization headers belong to bypass mode, which the
 * emulator does not run.
 */
final class PaiHeaders {

  private PaiHeaders() {}

  static List<SipHeader> forUser(OutboundTrunk trunk, TeamsUser caller) {
    String number = caller.phoneNumber();
    return number == null ? List.of() : forNumber(trunk, number);
  }

  static List<SipHeader> forNumber(OutboundTrunk trunk, String number) {
    if (!trunk.gateway().forwardPai()) {
      return List.of();
    }
    return List.of(
        SipHeader.of(
            "P-Asserted-Identity",
            "<sip:" + number + "@" + DirectRoutingSettings.PROXY_FQDNS.get(0) + ";user=phone>"));
  }
}
