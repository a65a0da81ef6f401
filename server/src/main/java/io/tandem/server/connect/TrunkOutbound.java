package io.tandem.server.connect;

import io.tandem.core.tenant.TenantId;
import io.tandem.sip.sdp.SrtpMode;
import io.tandem.sip.stack.Transport;
import io.tandem.sip.trunk.OutboundTrunk;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code tandem.sip.trunks[i].outbound.*} keys: the carrier gateway a trunk's tenant calls
 * phone numbers through (transfers and consultations to the public network).
 *
 * @param gateway the carrier's gateway as {@code host:port}; none, and the trunk is inbound only
 * @param numbers regular expressions of the numbers (+E.164) sent there; empty for every +E.164
 * @param transport {@code udp}, {@code tcp} or {@code tls}
 * @param noResponseTimeout how long an INVITE may get no response at all before it fails
 */
public record TrunkOutbound(
    @Nullable String gateway,
    @DefaultValue List<String> numbers,
    @DefaultValue("udp") String transport,
    @DefaultValue("10s") Duration noResponseTimeout) {

  private static final String ANY_E164 = "\\+[1-9][0-9]{6,14}";

  /**
   * The sip module's outbound trunk of trunk {@code key} ({@code name}, {@code tenant}, its {@code
   * srtp}); null with the problems added when the keys do not make one, or without a gateway.
   */
  @Nullable OutboundTrunk toTrunk(
      List<String> problems, String key, String name, @Nullable TenantId tenant, SrtpMode srtp) {
    if (gateway == null || gateway.isBlank()) {
      if (!numbers.isEmpty()) {
        problems.add(key + ".outbound.numbers needs " + key + ".outbound.gateway");
      }
      return null;
    }
    int size = problems.size();
    int colon = gateway.lastIndexOf(':');
    int port = -1;
    try {
      port = Integer.parseInt(gateway.substring(colon + 1));
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      // reported below
    }
    if (colon < 1 || port < 1 || port > 65_535) {
      problems.add(key + ".outbound.gateway: '" + gateway + "' is not host:port");
    }
    Transport chosen = null;
    try {
      chosen = Transport.valueOf(transport.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(key + ".outbound.transport must be udp, tcp or tls, not '" + transport + "'");
    }
    List<Pattern> patterns = new ArrayList<>();
    for (String number : numbers.isEmpty() ? List.of(ANY_E164) : numbers) {
      try {
        patterns.add(Pattern.compile(number));
      } catch (PatternSyntaxException e) {
        problems.add(key + ".outbound.numbers: '" + number + "' is not a regular expression");
      }
    }
    if (problems.size() > size || tenant == null || chosen == null) {
      return null;
    }
    try {
      return new OutboundTrunk(
          name,
          tenant,
          patterns,
          gateway.substring(0, colon),
          port,
          chosen,
          srtp,
          noResponseTimeout);
    } catch (IllegalArgumentException e) {
      problems.add(key + ".outbound: " + e.getMessage());
      return null;
    }
  }
}
