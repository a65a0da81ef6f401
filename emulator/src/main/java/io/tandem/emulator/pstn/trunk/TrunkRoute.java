package io.tandem.emulator.pstn.trunk;

import io.tandem.emulator.directrouting.sip.SipTransport;
import io.tandem.emulator.directrouting.sip.SipUri;
import io.tandem.emulator.world.CarrierTrunk;

/**
 * Where a carrier trunk delivers calls, read from its {@code uri} ({@code
 * sip:cc.tandem.test:5070;transport=tcp}): host, port (-1: the transport's default) and transport
 * (UDP unless {@code transport=} says otherwise). Writes the Request-URI and To for a dialled
 * number: {@code sip:+E164@host[:port];user=phone[;transport=…]}.
 */
record TrunkRoute(CarrierTrunk trunk, String host, int port, SipTransport transport) {

  /** Reads {@code trunk}'s URI; throws {@link IllegalArgumentException} for a bad one. */
  static TrunkRoute of(CarrierTrunk trunk) {
    SipUri uri = SipUri.parse(trunk.uri());
    if (!uri.scheme().equals("sip")) {
      throw new IllegalArgumentException("carrier trunk uri must be sip: " + trunk.uri());
    }
    String transport = uri.parameter("transport");
    return new TrunkRoute(
        trunk,
        uri.host(),
        uri.port(),
        transport == null ? SipTransport.UDP : SipTransport.of(transport));
  }

  String requestUri(String number) {
    return "sip:"
        + number
        + "@"
        + host
        + (port > 0 ? ":" + port : "")
        + ";user=phone"
        + (transport == SipTransport.UDP ? "" : ";transport=" + transport.token());
  }

  String toHeader(String number) {
    return "<sip:" + number + "@" + host + ";user=phone>";
  }
}
