package io.tandem.emulator.world;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An Entra app registration in a tenant: client id and secret for the client-credentials grant, the
 * application permissions (app roles) an admin consented to, and, when the app is a calling bot,
 * the calling webhook of its Azure Bot's Teams channel, where Graph posts incoming calls.
 */
public record AppRegistration(
    String appId,
    String clientSecret,
    String displayName,
    List<String> roles,
    @Nullable String callingWebhook) {

  public AppRegistration {
    Identifiers.requireNonBlank(appId, "appId");
    Identifiers.requireNonBlank(clientSecret, "clientSecret");
    if (displayName == null || displayName.isBlank()) {
      displayName = appId;
    }
    roles = roles == null ? List.of() : List.copyOf(roles);
  }

  /** Whether an admin consented to the application permission {@code role}. */
  public boolean hasRole(String role) {
    return Set.copyOf(roles).contains(role);
  }
}
