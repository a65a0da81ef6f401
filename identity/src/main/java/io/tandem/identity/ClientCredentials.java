package io.tandem.identity;

import java.net.URI;

/**
 * An app registration's client-credentials grant against one tenant.
 *
 * @param authority the Entra authority base, {@code https://login.microsoftonline.com} in the
 *     cloud, the emulator's base URL offline
 * @param tenantId the tenant the token is for
 * @param clientId the app id
 * @param clientSecret the client secret value
 * @param scope the resource's {@code /.default} scope, e.g. {@code
 *     https://graph.microsoft.com/.default}
 */
public record ClientCredentials(
    URI authority, String tenantId, String clientId, String clientSecret, String scope) {

  public ClientCredentials {
    require(tenantId, "tenantId");
    require(clientId, "clientId");
    require(clientSecret, "clientSecret");
    require(scope, "scope");
    if (!scope.endsWith("/.default")) {
      throw new IllegalArgumentException(
          "a client-credentials scope ends with /.default: " + scope);
    }
  }

  /** The tenant's v2.0 token endpoint. */
  public URI tokenEndpoint() {
    String base = authority.toString().replaceAll("/+$", "");
    return URI.create(base + "/" + tenantId + "/oauth2/v2.0/token");
  }

  @Override
  public String toString() {
    return "ClientCredentials[" + tenantId + "/" + clientId + " for " + scope + "]";
  }

  private static void require(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
  }
}
