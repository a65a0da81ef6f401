package io.tandem.emulator.world;

import java.util.List;

/**
 * A Microsoft 365 tenant as the emulator knows it: tenant id, the domains it registered (Direct
 * Routing finds a tenant by the SBC's Contact FQDN, full name first, then parent domain), its app
 * registrations, Teams users and resource accounts, and its Direct Routing trunks (gateways) and
 * voice routes.
 */
public record EmulatedTenant(
    String id,
    String displayName,
    List<String> domains,
    List<AppRegistration> apps,
    List<TeamsUser> users,
    List<ResourceAccount> resourceAccounts,
    List<PstnGateway> gateways,
    List<VoiceRoute> voiceRoutes) {

  public EmulatedTenant {
    Identifiers.requireNonBlank(id, "tenant id");
    if (displayName == null || displayName.isBlank()) {
      displayName = id;
    }
    domains = domains == null ? List.of() : domains.stream().map(String::toLowerCase).toList();
    apps = apps == null ? List.of() : List.copyOf(apps);
    users = users == null ? List.of() : List.copyOf(users);
    resourceAccounts = resourceAccounts == null ? List.of() : List.copyOf(resourceAccounts);
    gateways = gateways == null ? List.of() : List.copyOf(gateways);
    voiceRoutes = voiceRoutes == null ? List.of() : List.copyOf(voiceRoutes);
    for (String domain : domains) {
      if (domain.endsWith(".onmicrosoft.com")) {
        throw new IllegalArgumentException(
            "Direct Routing does not accept *.onmicrosoft.com domains: " + domain);
      }
    }
  }

  /** A tenant without Direct Routing trunks or voice routes. */
  public EmulatedTenant(
      String id,
      String displayName,
      List<String> domains,
      List<AppRegistration> apps,
      List<TeamsUser> users,
      List<ResourceAccount> resourceAccounts) {
    this(id, displayName, domains, apps, users, resourceAccounts, List.of(), List.of());
  }

  /** The trunk configured for {@code fqdn}, if any. */
  public java.util.Optional<PstnGateway> gateway(String fqdn) {
    return gateways.stream().filter(g -> g.fqdn().equalsIgnoreCase(fqdn)).findFirst();
  }
}
