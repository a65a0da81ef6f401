package io.tandem.server.connect;

import io.tandem.core.tenant.TenantId;
import io.tandem.sip.sdp.SrtpMode;
import io.tandem.sip.stack.Transport;
import io.tandem.sip.trunk.DirectRoutingTrunk;
import io.tandem.sip.trunk.InboundTrunk;
import io.tandem.sip.trunk.OutboundTrunk;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * The trunk keys of {@link ConnectProperties} ({@code tandem.sip.trunks[i].*}, {@code
 * tandem.sip.direct-routing[i].*}) read as the sip module's trunks: each reader adds what is wrong
 * with an entry to {@code problems}, named by its key, and returns null for an entry that cannot
 * work.
 */
final class TrunkKeys {

  private static final String PREFIX = ConnectProperties.PREFIX;

  private TrunkKeys() {}

  /** Reads one entry (the {@code i}th) of a list of trunk keys, adding its problems. */
  interface Reader<P, T> {
    @Nullable T read(List<String> problems, int i, P entry);
  }

  /** The trunks {@code entries} read as; entries that cannot work are left out. */
  static <P, T> List<T> valid(List<P> entries, Reader<P, T> reader) {
    List<String> ignored = new ArrayList<>();
    List<T> all = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      T trunk = reader.read(ignored, i, entries.get(i));
      if (trunk != null) {
        all.add(trunk);
      }
    }
    return all;
  }

  static @Nullable InboundTrunk inbound(
      List<String> problems, int i, ConnectProperties.Trunk trunk) {
    String key = PREFIX + "trunks[" + i + "]";
    TenantId tenant = tenant(problems, key, trunk.tenant());
    List<Pattern> numbers = new ArrayList<>();
    for (String number : trunk.numbers()) {
      try {
        numbers.add(Pattern.compile(number));
      } catch (PatternSyntaxException e) {
        problems.add(key + ".numbers: '" + number + "' is not a regular expression");
      }
    }
    SrtpMode srtp = srtp(problems, key, trunk.srtp());
    if (tenant == null || srtp == null || numbers.size() != trunk.numbers().size()) {
      return null;
    }
    try {
      return new InboundTrunk(
          trunk.name() == null ? "" : trunk.name(),
          tenant,
          trunk.sources(),
          numbers,
          trunk.callsPerSecond(),
          srtp);
    } catch (IllegalArgumentException e) {
      problems.add(key + ": " + e.getMessage());
      return null;
    }
  }

  static @Nullable OutboundTrunk carrierOutbound(
      List<String> problems, int i, ConnectProperties.Trunk trunk) {
    String key = PREFIX + "trunks[" + i + "]";
    List<String> ignored = new ArrayList<>();
    return trunk
        .outbound()
        .toTrunk(
            problems,
            key,
            trunk.name() == null ? "" : trunk.name(),
            tenant(ignored, key, trunk.tenant()),
            Objects.requireNonNullElse(srtp(ignored, key, trunk.srtp()), SrtpMode.OFF));
  }

  static @Nullable DirectRoutingTrunk directRouting(
      List<String> problems, int i, ConnectProperties.DirectRouting trunk) {
    String key = PREFIX + "direct-routing[" + i + "]";
    TenantId tenant = tenant(problems, key, trunk.tenant());
    Transport transport = null;
    try {
      transport = Transport.valueOf(trunk.transport().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(key + ".transport must be udp, tcp or tls, not '" + trunk.transport() + "'");
    }
    List<DirectRoutingTrunk.Proxy> proxies = new ArrayList<>();
    for (String proxy : trunk.proxies()) {
      int colon = proxy.lastIndexOf(':');
      try {
        int port = Integer.parseInt(proxy.substring(colon + 1));
        if (colon < 1 || port < 1 || port > 65535) {
          throw new NumberFormatException();
        }
        proxies.add(new DirectRoutingTrunk.Proxy(proxy.substring(0, colon), port));
      } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
        problems.add(key + ".proxies: '" + proxy + "' is not fqdn:port");
      }
    }
    SrtpMode srtp = srtp(problems, key, trunk.srtp());
    if (tenant == null
        || transport == null
        || srtp == null
        || proxies.size() != trunk.proxies().size()) {
      return null;
    }
    try {
      return new DirectRoutingTrunk(
          tenant,
          trunk.sbcFqdn() == null ? "" : trunk.sbcFqdn(),
          proxies.isEmpty() ? DirectRoutingTrunk.microsoftProxies() : proxies,
          transport,
          trunk.sbcIdentity(),
          trunk.failoverTimeout(),
          srtp,
          trunk.mediaBypass());
    } catch (IllegalArgumentException e) {
      problems.add(key + ": " + e.getMessage());
      return null;
    }
  }

  private static @Nullable SrtpMode srtp(List<String> problems, String key, String value) {
    try {
      return SrtpMode.parse(value);
    } catch (IllegalArgumentException e) {
      problems.add(key + ".srtp must be required, optional or off, not '" + value + "'");
      return null;
    }
  }

  private static @Nullable TenantId tenant(
      List<String> problems, String key, @Nullable String tenant) {
    if (tenant == null || tenant.isBlank()) {
      problems.add(key + ".tenant is required");
      return null;
    }
    try {
      return new TenantId(tenant);
    } catch (IllegalArgumentException e) {
      problems.add(key + ".tenant is not a tenant id: " + e.getMessage());
      return null;
    }
  }
}
