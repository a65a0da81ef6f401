package io.tandem.emulator.directrouting;

import io.tandem.emulator.EmulatorSettings;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How the emulated Direct Routing SIP interface runs. Every key is documented once, with its
 * default, in {@code emulator/README.md} (section "Direct Routing").
 *
 * @param proxies the Microsoft SIP proxies played, each with its own ports (sip, sip2, sip3)
 * @param tls the proxies' certificate and the trust anchors SBC client certificates must chain to;
 *     null turns TLS listeners off
 * @param endpointsPerUser how many Teams endpoints ring per user (one 180 with its own To-tag each)
 * @param ringTimeout how long an unanswered call rings before Teams gives up with 480
 * @param maxConcurrentCalls calls the emulated datacenter takes before answering 503 Retry-After 1
 * @param sessionExpires the session interval offered in Session-Expires on non-bypass calls
 * @param optionsInterval how often Teams pings gateways that have {@code sendSipOptions}
 * @param outboundTransport transport of Teams→SBC requests (Microsoft uses TLS only)
 * @param hostMap SBC and contact-center host names → addresses ({@code *} is the fallback)
 * @param carrierPort the simulated carrier's SIP port (UDP and TCP), for carrier trunks
 * @param carrierHost the simulated carrier's host name in From and Contact
 * @param teamsAudio what the Teams side plays to the SBC: {@code tone:<hz>} or a WAV file path
 * @param gatewayShuffleSeed seed of the shuffle of equal-priority gateways for Teams → SBC calls;
 *     null shuffles differently every run
 * @param requireSrtp the media processors take only SRTP keyed by SDES, as Microsoft's do: an SBC
 *     offer without {@code RTP/SAVP} and a usable {@code a=crypto} gets 488, and Teams' own offers
 *     carry a crypto line; off accepts plain {@code RTP/AVP} too (SRTP is still used when offered)
 * @param mediaBypass the Teams clients send media straight to the SBC: when an SBC's offer on an
 *     SBC → Teams call is ICE-lite, the client answers with its ICE credentials and candidate and,
 *     once answered, runs ICE as the controlling agent before it sends media; failed checks end the
 *     call
 */
public record DirectRoutingSettings(
    List<ProxyPorts> proxies,
    EmulatorSettings.@Nullable TlsSettings tls,
    int endpointsPerUser,
    Duration ringTimeout,
    int maxConcurrentCalls,
    Duration sessionExpires,
    Duration optionsInterval,
    String outboundTransport,
    Map<String, String> hostMap,
    int carrierPort,
    String carrierHost,
    String teamsAudio,
    @Nullable Long gatewayShuffleSeed,
    boolean requireSrtp,
    boolean mediaBypass) {

  /** The three Microsoft proxy FQDNs, in the order an SBC tries them. */
  public static final List<String> PROXY_FQDNS =
      List.of(
          "sip.pstnhub.microsoft.com", "sip2.pstnhub.microsoft.com", "sip3.pstnhub.microsoft.com");

  /** One proxy's listening ports; -1 turns a transport off. */
  public record ProxyPorts(String fqdn, int tlsPort, int tcpPort, int udpPort) {}

  public DirectRoutingSettings {
    proxies = List.copyOf(proxies);
    hostMap = Map.copyOf(hostMap);
    if (endpointsPerUser < 1 || endpointsPerUser > 8) {
      throw new IllegalArgumentException("endpointsPerUser must be 1..8");
    }
    outboundTransport = outboundTransport.toLowerCase(Locale.ROOT);
  }

  /**
   * Microsoft's ports for sip/sip2/sip3: TLS 5061/5063/5065, TCP and UDP 5060/5062/5064; test PKI,
   * one endpoint per user, 60 s ring timeout, 10,000 calls, 1800 s session interval, OPTIONS every
   * 60 s, TLS outbound, every host on 127.0.0.1, carrier on 5080, a 440 Hz tone, SRTP required, no
   * media bypass.
   */
  public static DirectRoutingSettings defaults() {
    return new DirectRoutingSettings(
        List.of(
            new ProxyPorts(PROXY_FQDNS.get(0), 5061, 5060, 5060),
            new ProxyPorts(PROXY_FQDNS.get(1), 5063, 5062, 5062),
            new ProxyPorts(PROXY_FQDNS.get(2), 5065, 5064, 5064)),
        EmulatorSettings.TlsSettings.testPki(),
        1,
        Duration.ofSeconds(60),
        10_000,
        Duration.ofSeconds(1800),
        Duration.ofSeconds(60),
        "tls",
        Map.of("*", "127.0.0.1"),
        5080,
        "carrier.pstn.test",
        "tone:440",
        null,
        true,
        false);
  }

  /** The address {@code host} maps to. */
  public String resolve(String host) {
    String key = host.toLowerCase(Locale.ROOT);
    if (hostMap.containsKey(key)) {
      return hostMap.get(key);
    }
    if (key.matches("[0-9.]+") || key.startsWith("[")) {
      return host;
    }
    return hostMap.getOrDefault("*", "127.0.0.1");
  }

  public DirectRoutingSettings withProxies(List<ProxyPorts> ports) {
    return new DirectRoutingSettings(
        ports,
        tls,
        endpointsPerUser,
        ringTimeout,
        maxConcurrentCalls,
        sessionExpires,
        optionsInterval,
        outboundTransport,
        hostMap,
        carrierPort,
        carrierHost,
        teamsAudio,
        gatewayShuffleSeed,
        requireSrtp,
        mediaBypass);
  }

  public DirectRoutingSettings withEndpointsPerUser(int endpoints) {
    return new DirectRoutingSettings(
        proxies,
        tls,
        endpoints,
        ringTimeout,
        maxConcurrentCalls,
        sessionExpires,
        optionsInterval,
        outboundTransport,
        hostMap,
        carrierPort,
        carrierHost,
        teamsAudio,
        gatewayShuffleSeed,
        requireSrtp,
        mediaBypass);
  }

  public DirectRoutingSettings withMaxConcurrentCalls(int calls) {
    return new DirectRoutingSettings(
        proxies,
        tls,
        endpointsPerUser,
        ringTimeout,
        calls,
        sessionExpires,
        optionsInterval,
        outboundTransport,
        hostMap,
        carrierPort,
        carrierHost,
        teamsAudio,
        gatewayShuffleSeed,
        requireSrtp,
        mediaBypass);
  }

  public DirectRoutingSettings withOutboundTransport(String transport) {
    return new DirectRoutingSettings(
        proxies,
        tls,
        endpointsPerUser,
        ringTimeout,
        maxConcurrentCalls,
        sessionExpires,
        optionsInterval,
        transport,
        hostMap,
        carrierPort,
        carrierHost,
        teamsAudio,
        gatewayShuffleSeed,
        requireSrtp,
        mediaBypass);
  }

  public DirectRoutingSettings withCarrierPort(int port) {
    return new DirectRoutingSettings(
        proxies,
        tls,
        endpointsPerUser,
        ringTimeout,
        maxConcurrentCalls,
        sessionExpires,
        optionsInterval,
        outboundTransport,
        hostMap,
        port,
        carrierHost,
        teamsAudio,
        gatewayShuffleSeed,
        requireSrtp,
        mediaBypass);
  }

  public DirectRoutingSettings withGatewayShuffleSeed(@Nullable Long seed) {
    return new DirectRoutingSettings(
        proxies,
        tls,
        endpointsPerUser,
        ringTimeout,
        maxConcurrentCalls,
        sessionExpires,
        optionsInterval,
        outboundTransport,
        hostMap,
        carrierPort,
        carrierHost,
        teamsAudio,
        seed,
        requireSrtp,
        mediaBypass);
  }

  /** The same settings with {@code interval} as the Session-Expires of answered SBC calls. */
  public DirectRoutingSettings withSessionExpires(Duration interval) {
    return new DirectRoutingSettings(
        proxies,
        tls,
        endpointsPerUser,
        ringTimeout,
        maxConcurrentCalls,
        interval,
        optionsInterval,
        outboundTransport,
        hostMap,
        carrierPort,
        carrierHost,
        teamsAudio,
        gatewayShuffleSeed,
        requireSrtp,
        mediaBypass);
  }

  public DirectRoutingSettings withTeamsAudio(String audio) {
    return new DirectRoutingSettings(
        proxies,
        tls,
        endpointsPerUser,
        ringTimeout,
        maxConcurrentCalls,
        sessionExpires,
        optionsInterval,
        outboundTransport,
        hostMap,
        carrierPort,
        carrierHost,
        audio,
        gatewayShuffleSeed,
        requireSrtp,
        mediaBypass);
  }

  /** The same settings with SRTP required of SBCs ({@code true}, Microsoft's rule) or not. */
  public DirectRoutingSettings withRequireSrtp(boolean required) {
    return new DirectRoutingSettings(
        proxies,
        tls,
        endpointsPerUser,
        ringTimeout,
        maxConcurrentCalls,
        sessionExpires,
        optionsInterval,
        outboundTransport,
        hostMap,
        carrierPort,
        carrierHost,
        teamsAudio,
        gatewayShuffleSeed,
        required,
        mediaBypass);
  }

  /** The same settings with Teams clients doing ICE against ICE-lite SBCs (media bypass) or not. */
  public DirectRoutingSettings withMediaBypass(boolean bypass) {
    return new DirectRoutingSettings(
        proxies,
        tls,
        endpointsPerUser,
        ringTimeout,
        maxConcurrentCalls,
        sessionExpires,
        optionsInterval,
        outboundTransport,
        hostMap,
        carrierPort,
        carrierHost,
        teamsAudio,
        gatewayShuffleSeed,
        requireSrtp,
        bypass);
  }
}
