package io.tandem.emulator.graph;

import io.tandem.emulator.entra.AccessToken;
import io.tandem.emulator.entra.AccessTokens;
import io.tandem.emulator.entra.InvalidTokenException;
import io.tandem.emulator.http.HttpCall;
import io.tandem.emulator.http.HttpProblem;
import io.tandem.emulator.world.World;
import java.util.Collection;
import java.util.List;

/**
 * Graph's check of the app token on a request: a Bearer token from the emulator's Entra, for {@code
 * https://graph.microsoft.com}, of a tenant in the world, carrying at least one of the application
 * permissions an operation accepts. Refuses with 401 {@code InvalidAuthenticationToken} (no token,
 * bad signature, expired, wrong audience, unknown tenant) or 403 {@code Forbidden} (no fitting
 * role, in Graph's words: "Missing role permissions on the request. API requires one of '…'. Roles
 * on the request '…'.").
 */
public final class GraphAuth {

  /** The audience of Graph's access tokens. */
  public static final String AUDIENCE = "https://graph.microsoft.com";

  private static final String CHALLENGE =
      "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\","
          + " client_id=\"00000003-0000-0000-c000-000000000000\"";

  private final AccessTokens tokens;
  private final World world;

  public GraphAuth(AccessTokens tokens, World world) {
    this.tokens = tokens;
    this.world = world;
  }

  /**
   * The verified token of {@code call}, which must carry one of {@code anyOfRoles} (none given: any
   * valid app token will do).
   *
   * @throws HttpProblem 401 or 403 in Graph's error shape
   */
  public AccessToken require(HttpCall call, String... anyOfRoles) {
    return require(call, List.of(anyOfRoles));
  }

  /** As {@link #require(HttpCall, String...)}, with the roles as a collection. */
  public AccessToken require(HttpCall call, Collection<String> anyOfRoles) {
    String bearer =
        AccessTokens.bearer(call.header("authorization"))
            .orElseThrow(() -> unauthenticated("Access token is empty."));
    AccessToken token;
    try {
      token = tokens.verify(bearer, AUDIENCE);
    } catch (InvalidTokenException invalid) {
      throw unauthenticated("Access token validation failure. " + invalid.getMessage());
    }
    if (world.tenant(token.tenantId()).isEmpty()) {
      throw unauthenticated(
          "Access token validation failure. Tenant " + token.tenantId() + " is not known.");
    }
    if (!anyOfRoles.isEmpty() && anyOfRoles.stream().noneMatch(token::hasRole)) {
      throw GraphErrors.problem(
          403,
          "Forbidden",
          "Missing role permissions on the request. API requires one of '"
              + String.join(", ", anyOfRoles)
              + "'. Roles on the request '"
              + String.join(", ", token.roles())
              + "'.");
    }
    return token;
  }

  private static HttpProblem unauthenticated(String message) {
    return new HttpProblem(
        GraphErrors.reply(401, "InvalidAuthenticationToken", message)
            .withHeader("WWW-Authenticate", CHALLENGE));
  }
}
