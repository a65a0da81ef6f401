package io.tandem.emulator.world;

import java.util.List;

/**
 * A Microsoft 365 tenant as the emulator knows it: tenant id, the domains it registered (Direct
 * Routing finds a tenant by the SBC's Contact FQDN, full name first, then parent domain), its app
 * registrations, Teams users and resource accounts.
 */
public record EmulatedTenant(
    String id,
    String displayName,
    List<String> domains,
    List<AppRegistration> apps,
    List<TeamsUser> users,
    List<ResourceAccount> resourceAccounts) {

  public EmulatedTenant {
    Identifiers.requireNonBlank(id, "tenant id");
    if (displayName == null || displayName.isBlank()) {
      displayName = id;
    }
    domains = domains == null ? List.of() : domains.stream().map(String::toLowerCase).toList();
    apps = apps == null ? List.of() : List.copyOf(apps);
    users = users == null ? List.of() : List.copyOf(users);
    resourceAccounts = resourceAccounts == null ? List.of() : List.copyOf(resourceAccounts);
    for (String domain : domains) {
      if (domain.endsWith(".onmicrosoft.com")) {
        throw new IllegalArgumentException(
            "Direct Routing does not accept *.onmicrosoft.com domains: " + domain);
      }
    }
  }
}
