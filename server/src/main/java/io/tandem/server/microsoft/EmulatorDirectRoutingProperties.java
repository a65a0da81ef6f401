package io.tandem.server.microsoft;

import io.tandem.emulator.directrouting.DirectRoutingSettings;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code tandem.microsoft.emulator.direct-routing.*} keys: the in-process emulator's Direct
 * Routing SIP interface (one Microsoft proxy, UDP) and its simulated carrier, whose trunks (the
 * world file's {@code carrierTrunks}) deliver PSTN callers to Tandem's SIP port. Documented with
 * their defaults in server/README.md.
 *
 * @param enabled whether the emulator plays Direct Routing and the carrier
 * @param proxyPort the UDP port of the emulated {@code sip.pstnhub.microsoft.com}
 * @param carrierPort the simulated carrier's SIP port (UDP)
 */
@ConfigurationProperties("tandem.microsoft.emulator.direct-routing")
public record EmulatorDirectRoutingProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("5060") int proxyPort,
    @DefaultValue("5080") int carrierPort) {

  public EmulatorDirectRoutingProperties {
    if (enabled && (proxyPort < 1 || proxyPort > 65535 || carrierPort < 1 || carrierPort > 65535)) {
      throw new IllegalArgumentException(
          "tandem.microsoft.emulator.direct-routing.proxy-port and carrier-port must be 1-65535,"
              + " not "
              + proxyPort
              + " and "
              + carrierPort);
    }
  }

  /** The emulator's settings: one proxy on UDP only, Teams → SBC over UDP. */
  DirectRoutingSettings settings() {
    return DirectRoutingSettings.defaults()
        .withProxies(
            List.of(
                new DirectRoutingSettings.ProxyPorts(
                    DirectRoutingSettings.PROXY_FQDNS.get(0), -1, -1, proxyPort)))
        .withOutboundTransport("udp")
        .withCarrierPort(carrierPort);
  }
}
