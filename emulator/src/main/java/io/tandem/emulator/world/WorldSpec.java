package io.tandem.emulator.world;

import java.util.List;

/** The emulator's configuration file: the tenants and ACS resources of the simulated cloud. */
public record WorldSpec(List<EmulatedTenant> tenants, List<AcsResource> acsResources) {

  public WorldSpec {
    tenants = tenants == null ? List.of() : List.copyOf(tenants);
    acsResources = acsResources == null ? List.of() : List.copyOf(acsResources);
  }
}
