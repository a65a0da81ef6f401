package io.tandem.emulator.world;

import java.util.List;

/**
 * The emulator's configuration file: the tenants and ACS resources of the simulated cloud, and the
 * carrier SIP trunks that deliver PSTN calls to contact centers.
 */
public record WorldSpec(
    List<EmulatedTenant> tenants,
    List<AcsResource> acsResources,
    List<CarrierTrunk> carrierTrunks) {

  public WorldSpec {
    tenants = tenants == null ? List.of() : List.copyOf(tenants);
    acsResources = acsResources == null ? List.of() : List.copyOf(acsResources);
    carrierTrunks = carrierTrunks == null ? List.of() : List.copyOf(carrierTrunks);
  }

  /** A world without carrier trunks. */
  public WorldSpec(List<EmulatedTenant> tenants, List<AcsResource> acsResources) {
    this(tenants, acsResources, List.of());
  }
}
