package io.tandem.sip.trunk;

import io.tandem.core.tenant.TenantId;
import io.tandem.sip.sdp.SrtpMode;
import io.tandem.sip.stack.Transport;
import java.time.Duration;
import java.util.List;

/**
 * How Tandem reaches a tenant's Teams users over Direct Routing: as the tenant's SBC.
 *
 * @param tenant the tenant
 * @param sbcFqdn the SBC FQDN Tandem puts in Contact (a domain of the Microsoft 365 tenant, or a
 *     per-tenant subdomain of the hosting provider's domain in the carrier model); never an IP
 * @param proxies the Microsoft SIP proxies in failover order (sip, sip2, sip3)
 * @param transport TLS against Microsoft; TCP or UDP against a local emulator
 * @param sbcIdentity the {@code X-MS-SBC} value: {@code Vendor/Model/Firmware}
 * @param failoverTimeout how long an INVITE may stay unanswered (no response at all) before the
 *     next proxy is tried
 * @param srtp whether agent legs' media is SRTP (SDES): Microsoft's media processors require it
 *     ({@code required}, MICROSOFT-CONTRACTS §1.7); {@code off} only against a peer that cannot
 * @param mediaBypass whether Teams clients send media straight to Tandem (media bypass): agent
 *     legs' SDP then makes Tandem an ICE-lite agent ({@code a=ice-lite}, one host candidate) that
 *     answers the clients' connectivity checks (MICROSOFT-CONTRACTS §1.7); off by default
 */
public record DirectRoutingTrunk(
    TenantId tenant,
    String sbcFqdn,
    List<Proxy> proxies,
    Transport transport,
    String sbcIdentity,
    Duration failoverTimeout,
    SrtpMode srtp,
    boolean mediaBypass) {

  /** A trunk without media bypass. */
  public DirectRoutingTrunk(
      TenantId tenant,
      String sbcFqdn,
      List<Proxy> proxies,
      Transport transport,
      String sbcIdentity,
      Duration failoverTimeout,
      SrtpMode srtp) {
    this(tenant, sbcFqdn, proxies, transport, sbcIdentity, failoverTimeout, srtp, false);
  }

  /** A trunk with SRTP {@link SrtpMode#REQUIRED}, as Microsoft requires. */
  public DirectRoutingTrunk(
      TenantId tenant,
      String sbcFqdn,
      List<Proxy> proxies,
      Transport transport,
      String sbcIdentity,
      Duration failoverTimeout) {
    this(tenant, sbcFqdn, proxies, transport, sbcIdentity, failoverTimeout, SrtpMode.REQUIRED);
  }

  /** One Microsoft SIP proxy: its FQDN and port. */
  public record Proxy(String fqdn, int port) {}

  /** Microsoft's three proxies, in the order an SBC tries them, each on TLS port 5061. */
  public static List<Proxy> microsoftProxies() {
    return List.of(
        new Proxy("sip.pstnhub.microsoft.com", 5061),
        new Proxy("sip2.pstnhub.microsoft.com", 5061),
        new Proxy("sip3.pstnhub.microsoft.com", 5061));
  }

  public DirectRoutingTrunk {
    proxies = List.copyOf(proxies);
    if (proxies.isEmpty()) {
      throw new IllegalArgumentException("a Direct Routing trunk needs at least one proxy");
    }
    if (sbcFqdn.isBlank() || sbcFqdn.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
      throw new IllegalArgumentException(
          "Direct Routing needs an SBC FQDN, never an IP address: " + sbcFqdn);
    }
    if (failoverTimeout.isNegative() || failoverTimeout.isZero()) {
      throw new IllegalArgumentException("failoverTimeout must be positive");
    }
  }
}
