package io.tandem.sip.trunk;

import io.tandem.core.tenant.TenantId;
import io.tandem.sip.sdp.SrtpMode;
import io.tandem.sip.stack.Transport;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How Tandem reaches the public telephone network for a tenant: through a carrier's SIP gateway, as
 * an SBC sends calls to its carrier (the other direction of an {@link InboundTrunk}). A consulted
 * party or a transfer target whose number the trunk's patterns match is called there; other numbers
 * and every Teams user go over Direct Routing, because Microsoft routes only numbers of its own
 * tenants' users.
 *
 * @param name the trunk's name (logs)
 * @param tenant the tenant whose calls may use it
 * @param numbers patterns of the numbers ({@code +E.164}) sent to the carrier
 * @param gatewayHost the carrier gateway's host name or address
 * @param gatewayPort its SIP port
 * @param transport UDP, TCP or TLS towards it
 * @param srtp the media of its legs: carriers usually take plain RTP ({@code off})
 * @param noResponseTimeout how long an INVITE may stay without any response before it fails (408)
 */
public record OutboundTrunk(
    String name,
    TenantId tenant,
    List<Pattern> numbers,
    String gatewayHost,
    int gatewayPort,
    Transport transport,
    SrtpMode srtp,
    Duration noResponseTimeout) {

  /** What Tandem waits for a carrier's first response by default: SIP's Timer B would be 32 s. */
  public static final Duration DEFAULT_NO_RESPONSE_TIMEOUT = Duration.ofSeconds(10);

  public OutboundTrunk {
    numbers = List.copyOf(numbers);
    if (name.isBlank()) {
      throw new IllegalArgumentException("an outbound trunk needs a name");
    }
    if (numbers.isEmpty()) {
      throw new IllegalArgumentException("outbound trunk " + name + " needs a number pattern");
    }
    if (gatewayHost.isBlank() || gatewayPort < 1 || gatewayPort > 65_535) {
      throw new IllegalArgumentException(
          "outbound trunk " + name + " needs a gateway host and a port 1-65535");
    }
    if (noResponseTimeout.isNegative() || noResponseTimeout.isZero()) {
      throw new IllegalArgumentException(
          "outbound trunk " + name + ": the no-response timeout must be positive");
    }
  }

  /** Whether {@code number} goes out through this trunk. */
  public boolean serves(String number) {
    return numbers.stream().anyMatch(pattern -> pattern.matcher(number).matches());
  }
}
