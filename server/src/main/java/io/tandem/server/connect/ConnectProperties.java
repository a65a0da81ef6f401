package io.tandem.server.connect;

import io.tandem.core.tenant.TenantId;
import io.tandem.sip.stack.Transport;
import io.tandem.sip.trunk.DirectRoutingTrunk;
import io.tandem.sip.trunk.InboundTrunk;
import io.tandem.sip.trunk.OutboundTrunk;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code tandem.sip.*} configuration keys: Tandem's SIP and RTP ports, the carrier trunks that
 * deliver callers, each tenant's Direct Routing trunk to Microsoft and the agents' Teams numbers.
 * Each key is documented, with its default, in {@code server/README.md}. When enabled, a
 * configuration that cannot work stops the start with every problem at once.
 *
 * @param enabled whether the Connect node runs
 * @param bindAddress the address SIP and RTP bind
 * @param udpPort Tandem's SIP port over UDP; -1 for none
 * @param tcpPort Tandem's SIP port over TCP; -1 for none
 * @param tlsPort Tandem's SIP port over TLS (Microsoft's proxies call it); -1 for none
 * @param resolveHostsTo when set, every host name (Microsoft's proxies) resolves to this address
 *     instead of through DNS (the demo's in-process emulator)
 * @param entryFlow the id of the tenant's flow every caller meets first
 * @param announcementInterval how often a queued caller hears their position again
 * @param userAgent the User-Agent and Server header value
 * @param maxCalls the most callers' calls the node holds at once; more get 503
 * @param rtp the RTP port range
 * @param trunks the carrier trunks that deliver callers to Tandem
 * @param directRouting each tenant's Direct Routing trunk (at most one per tenant)
 * @param agentNumbers agent id to Teams number (+E.164), ahead of the Teams directory
 * @param tls the TLS material, checked when a TLS port or a TLS trunk needs it
 * @param connections the write and idle limits of SIP connections over TCP and TLS
 */
@ConfigurationProperties("tandem.sip")
public record ConnectProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("127.0.0.1") String bindAddress,
    @DefaultValue("5070") int udpPort,
    @DefaultValue("-1") int tcpPort,
    @DefaultValue("-1") int tlsPort,
    @Nullable String resolveHostsTo,
    @DefaultValue("entry") String entryFlow,
    @DefaultValue("30s") Duration announcementInterval,
    @DefaultValue("Tandem") String userAgent,
    @DefaultValue("90s") Duration minSessionInterval,
    @DefaultValue("2000") int maxCalls,
    @DefaultValue Rtp rtp,
    @DefaultValue List<Trunk> trunks,
    @DefaultValue List<DirectRouting> directRouting,
    @DefaultValue Map<String, String> agentNumbers,
    @DefaultValue ConnectTls tls,
    @DefaultValue ConnectConnections connections) {

  static final String PREFIX = "tandem.sip.";
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

  /**
   * The {@code tandem.sip.rtp.*} keys.
   *
   * @param firstPort the first RTP port (even)
   * @param lastPort the last RTP port
   * @param timeout how long a leg may receive no RTP before it is hung up; zero for never
   */
  public record Rtp(
      @DefaultValue("20000") int firstPort,
      @DefaultValue("29998") int lastPort,
      @DefaultValue("60s") Duration timeout) {}

  /**
   * One {@code tandem.sip.trunks[i].*} entry.
   *
   * @param name the trunk's name
   * @param tenant the Tandem tenant its calls belong to
   * @param sources the IP addresses its calls come from; {@code *} for any (development only)
   * @param numbers regular expressions of the dialed numbers (+E.164) it serves
   * @param callsPerSecond the most new calls per second it may deliver
   * @param srtp {@code required}, {@code optional} or {@code off}: whether callers' media is SRTP
   *     keyed by SDES (carriers usually send plain RTP)
   * @param outbound the carrier's gateway for calls to phone numbers, if the trunk is two-way
   */
  public record Trunk(
      @Nullable String name,
      @Nullable String tenant,
      @DefaultValue List<String> sources,
      @DefaultValue List<String> numbers,
      @DefaultValue("10") int callsPerSecond,
      @DefaultValue("off") String srtp,
      @DefaultValue TrunkOutbound outbound) {}

  /**
   * One {@code tandem.sip.direct-routing[i].*} entry.
   *
   * @param tenant the Tandem tenant whose agents it rings
   * @param sbcFqdn Tandem's SBC FQDN as the Microsoft tenant registered it
   * @param proxies Microsoft's proxies as {@code fqdn:port}, in order; empty for Microsoft's three
   *     on 5061
   * @param transport {@code udp}, {@code tcp} or {@code tls} (Microsoft takes TLS only)
   * @param sbcIdentity the X-MS-SBC header value
   * @param failoverTimeout how long a proxy may stay silent before the next is tried
   * @param srtp {@code required}, {@code optional} or {@code off}: whether agent legs' media is
   *     SRTP keyed by SDES (Microsoft's media processors take nothing else)
   * @param mediaBypass whether Teams clients send media straight to Tandem, which then answers
   *     their ICE checks as an ICE-lite agent
   */
  public record DirectRouting(
      @Nullable String tenant,
      @Nullable String sbcFqdn,
      @DefaultValue List<String> proxies,
      @DefaultValue("tls") String transport,
      @DefaultValue("Tandem/Connect") String sbcIdentity,
      @DefaultValue("10s") Duration failoverTimeout,
      @DefaultValue("required") String srtp,
      @DefaultValue("false") boolean mediaBypass) {}

  public ConnectProperties {
    trunks = List.copyOf(trunks);
    directRouting = List.copyOf(directRouting);
    agentNumbers = Map.copyOf(agentNumbers);
    if (enabled) {
      List<String> problems = new ArrayList<>();
      checkPorts(problems, udpPort, tcpPort, tlsPort, rtp);
      connections.check(problems);
      if (minSessionInterval.compareTo(Duration.ofSeconds(1)) < 0) {
        problems.add(
            PREFIX + "min-session-interval must be at least 1s, not " + minSessionInterval);
      }
      if (maxCalls < 1) {
        problems.add(PREFIX + "max-calls must be at least 1, not " + maxCalls);
      }
      requireText(problems, "bind-address", bindAddress);
      requireText(problems, "entry-flow", entryFlow);
      requireText(problems, "user-agent", userAgent);
      if (announcementInterval.isNegative() || announcementInterval.isZero()) {
        problems.add(
            PREFIX + "announcement-interval must be positive, not " + announcementInterval);
      }
      for (int i = 0; i < trunks.size(); i++) {
        TrunkKeys.inbound(problems, i, trunks.get(i));
        TrunkKeys.carrierOutbound(problems, i, trunks.get(i));
      }
      Set<TenantId> routed = new HashSet<>();
      Map<String, String> tlsFqdns = new LinkedHashMap<>();
      for (int i = 0; i < directRouting.size(); i++) {
        DirectRoutingTrunk trunk = TrunkKeys.directRouting(problems, i, directRouting.get(i));
        if (trunk != null && !routed.add(trunk.tenant())) {
          problems.add(
              PREFIX + "direct-routing[" + i + "]: tenant " + trunk.tenant() + " has one already");
        }
        if (trunk != null && trunk.transport() == Transport.TLS) {
          tlsFqdns.put(PREFIX + "direct-routing[" + i + "].sbc-fqdn", trunk.sbcFqdn());
          if (tlsPort == -1) {
            problems.add(
                PREFIX + "direct-routing[" + i + "].transport tls needs " + PREFIX + "tls-port");
          }
        }
      }
      if (tlsPort != -1 || !tlsFqdns.isEmpty()) {
        tls.check(problems, tlsFqdns);
      }
      agentNumbers.forEach(
          (agent, number) -> {
            if (!E164.matcher(number).matches()) {
              problems.add(
                  PREFIX + "agent-numbers." + agent + " must be +E.164, not '" + number + "'");
            }
          });
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(
            "invalid Connect (SIP) configuration ("
                + problems.size()
                + (problems.size() == 1 ? " problem" : " problems")
                + "):\n  "
                + String.join("\n  ", problems));
      }
    }
  }

  /** The carrier trunks as the sip module's; call only on valid properties. */
  public List<InboundTrunk> inboundTrunks() {
    return TrunkKeys.valid(trunks, TrunkKeys::inbound);
  }

  /** The carrier gateways of two-way trunks as the sip module's; call only on valid properties. */
  public List<OutboundTrunk> outboundTrunks() {
    return TrunkKeys.valid(trunks, TrunkKeys::carrierOutbound);
  }

  /** The Direct Routing trunks as the sip module's; call only on valid properties. */
  public List<DirectRoutingTrunk> directRoutingTrunks() {
    return TrunkKeys.valid(directRouting, TrunkKeys::directRouting);
  }

  private static void checkPorts(List<String> problems, int udp, int tcp, int tls, Rtp rtp) {
    if (udp == -1 && tcp == -1 && tls == -1) {
      problems.add(PREFIX + "udp-port, tcp-port and tls-port are all off (-1): Connect needs one");
    }
    port(problems, "udp-port", udp, true);
    port(problems, "tcp-port", tcp, true);
    port(problems, "tls-port", tls, true);
    if (tls != -1 && tls == tcp) {
      problems.add(PREFIX + "tls-port and tcp-port must differ (both TCP), not both " + tls);
    }
    port(problems, "rtp.first-port", rtp.firstPort(), false);
    port(problems, "rtp.last-port", rtp.lastPort(), false);
    if (rtp.timeout().isNegative()) {
      problems.add(PREFIX + "rtp.timeout must be 0s (off) or more, not " + rtp.timeout());
    }
    if (rtp.firstPort() % 2 != 0) {
      problems.add(PREFIX + "rtp.first-port must be even, not " + rtp.firstPort());
    }
    if (rtp.lastPort() < rtp.firstPort() + 2) {
      problems.add(
          PREFIX
              + "rtp.last-port must leave room for two sessions after rtp.first-port: "
              + rtp.firstPort()
              + "-"
              + rtp.lastPort());
    }
  }

  private static void port(List<String> problems, String key, int port, boolean mayBeOff) {
    if ((port < 1 || port > 65535) && !(mayBeOff && port == -1)) {
      problems.add(
          PREFIX + key + " must be 1-65535" + (mayBeOff ? " or -1 (off)" : "") + ", not " + port);
    }
  }

  private static void requireText(List<String> problems, String key, String value) {
    if (value.isBlank()) {
      problems.add(PREFIX + key + " must not be blank");
    }
  }
}
