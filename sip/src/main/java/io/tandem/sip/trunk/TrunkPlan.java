package io.tandem.sip.trunk;

import io.tandem.core.tenant.TenantId;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The trunks of one Tandem node: which INVITEs are admitted and for which tenant, how each tenant's
 * agents are reached over Direct Routing, and which numbers go out through a carrier.
 */
public final class TrunkPlan {

  private final List<InboundTrunk> inbound;
  private final List<OutboundTrunk> outbound;
  private final Map<TenantId, DirectRoutingTrunk> directRouting = new HashMap<>();
  private final Map<String, CallRateLimit> limits = new HashMap<>();

  public TrunkPlan(
      List<InboundTrunk> inbound, List<DirectRoutingTrunk> directRouting, Clock clock) {
    this(inbound, directRouting, List.of(), clock);
  }

  /**
   * @param outbound the carrier gateways tenants call numbers through, tried in order
   */
  public TrunkPlan(
      List<InboundTrunk> inbound,
      List<DirectRoutingTrunk> directRouting,
      List<OutboundTrunk> outbound,
      Clock clock) {
    this.outbound = List.copyOf(outbound);
    this.inbound = List.copyOf(inbound);
    for (InboundTrunk trunk : this.inbound) {
      if (limits.put(trunk.name(), new CallRateLimit(clock, trunk.callsPerSecond())) != null) {
        throw new IllegalArgumentException("two inbound trunks are named " + trunk.name());
      }
    }
    for (DirectRoutingTrunk trunk : directRouting) {
      if (this.directRouting.put(trunk.tenant(), trunk) != null) {
        throw new IllegalArgumentException(
            "tenant " + trunk.tenant().value() + " has two Direct Routing trunks");
      }
    }
  }

  /**
   * Decides on a new INVITE from {@code sourceAddress} for {@code dialed}: 403 when no trunk admits
   * the source (nothing is created for unknown peers), 404 when the source's trunks do not serve
   * the number, 503 when the trunk's call rate is exceeded.
   */
  public Admission admit(String sourceAddress, String dialed) {
    List<InboundTrunk> fromSource =
        inbound.stream().filter(trunk -> trunk.admitsSource(sourceAddress)).toList();
    if (fromSource.isEmpty()) {
      return Admission.refused(403, "Forbidden");
    }
    for (InboundTrunk trunk : fromSource) {
      if (trunk.serves(dialed)) {
        return limits.get(trunk.name()).tryAcquire()
            ? Admission.admitted(trunk)
            : Admission.refused(503, "Service Unavailable");
      }
    }
    return Admission.refused(404, "Not Found");
  }

  /** The tenant's Direct Routing trunk, if it has one. */
  public Optional<DirectRoutingTrunk> directRouting(TenantId tenant) {
    return Optional.ofNullable(directRouting.get(tenant));
  }

  /** Every tenant's Direct Routing trunk. */
  public List<DirectRoutingTrunk> directRouting() {
    return List.copyOf(directRouting.values());
  }

  /** The first of the tenant's outbound trunks that serves {@code number}, if any. */
  public Optional<OutboundTrunk> outbound(TenantId tenant, String number) {
    return outbound.stream()
        .filter(trunk -> trunk.tenant().equals(tenant) && trunk.serves(number))
        .findFirst();
  }

  public List<OutboundTrunk> outbound() {
    return outbound;
  }

  public List<InboundTrunk> inbound() {
    return inbound;
  }
}
