package io.tandem.sip.trunk;

import io.tandem.core.tenant.TenantId;
import io.tandem.sip.sdp.SrtpMode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A SIP trunk that delivers a tenant's callers to Tandem.
 *
 * @param name the trunk's name (logs, the interaction's {@code sip.trunk} attribute)
 * @param tenant the tenant its calls belong to
 * @param sources the IP addresses calls may come from (the packet's source, never Via or From);
 *     {@code *} admits any source (local development only)
 * @param numbers patterns of the dialed numbers (Request-URI user part, {@code +E.164}) this trunk
 *     serves
 * @param callsPerSecond the most new calls per second accepted from it; above it Tandem answers 503
 *     with Retry-After
 * @param srtp whether callers' media is SRTP (SDES): carriers usually send plain RTP ({@code off})
 */
public record InboundTrunk(
    String name,
    TenantId tenant,
    List<String> sources,
    List<Pattern> numbers,
    int callsPerSecond,
    SrtpMode srtp) {

  /** A trunk with plain RTP ({@link SrtpMode#OFF}), as carriers send. */
  public InboundTrunk(
      String name,
      TenantId tenant,
      List<String> sources,
      List<Pattern> numbers,
      int callsPerSecond) {
    this(name, tenant, sources, numbers, callsPerSecond, SrtpMode.OFF);
  }

  public InboundTrunk {
    sources = List.copyOf(sources);
    numbers = List.copyOf(numbers);
    if (name.isBlank()) {
      throw new IllegalArgumentException("a trunk needs a name");
    }
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("trunk " + name + " needs at least one source address");
    }
    if (numbers.isEmpty()) {
      throw new IllegalArgumentException("trunk " + name + " needs at least one number pattern");
    }
    if (callsPerSecond < 1) {
      throw new IllegalArgumentException("trunk " + name + ": callsPerSecond must be at least 1");
    }
  }

  /** Whether a request from {@code sourceAddress} may use this trunk. */
  public boolean admitsSource(String sourceAddress) {
    return sources.contains("*") || sources.contains(sourceAddress);
  }

  /** Whether this trunk serves {@code dialed}. */
  public boolean serves(String dialed) {
    return numbers.stream().anyMatch(pattern -> pattern.matcher(dialed).matches());
  }
}
