package io.tandem.emulator.entra;

import java.time.Instant;
import java.util.List;

/**
 * What a verified app-only access token says: the tenant, the calling app, its audience and the
 * application permissions (roles) it carries.
 */
public record AccessToken(
    String tenantId, String appId, String audience, List<String> roles, Instant expiresAt) {

  public AccessToken {
    roles = List.copyOf(roles);
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }
}
