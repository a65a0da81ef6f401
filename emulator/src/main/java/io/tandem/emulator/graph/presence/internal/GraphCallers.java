package io.tandem.emulator.graph.presence.internal;

import io.tandem.emulator.entra.AccessToken;
import io.tandem.emulator.entra.AccessTokens;
import io.tandem.emulator.entra.InvalidTokenException;
import io.tandem.emulator.http.HttpCall;
import io.tandem.emulator.http.HttpReply;
import java.util.List;
import java.util.Optional;

/**
 * Who calls Graph: checks the {@code Authorization: Bearer} app token (audience {@code
 * https://graph.microsoft.com}) and its application permissions, refusing in Graph's shape — 401
 * {@code InvalidAuthenticationToken} for a missing or invalid token, 403 {@code Forbidden} naming
 * the roles the API needs when the token lacks them.
 */
public final class GraphCallers {

  /** The audience of Graph access tokens. */
  public static final String AUDIENCE = "https://graph.microsoft.com";

  private static final String CHALLENGE =
      "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/"
          + "authorize\", client_id=\"00000003-0000-0000-c000-000000000000\"";

  private final AccessTokens tokens;
  private final GraphReplies replies;

  public GraphCallers(AccessTokens tokens, GraphReplies replies) {
    this.tokens = tokens;
    this.replies = replies;
  }

  /**
   * The verified token of {@code call}, which must carry one of {@code anyOfRoles}; otherwise an
   * {@link io.tandem.emulator.http.HttpProblem} with Graph's 401 or 403.
   */
  public AccessToken require(HttpCall call, List<String> anyOfRoles) {
    Optional<String> bearer = AccessTokens.bearer(call.header("authorization"));
    if (bearer.isEmpty()) {
      throw unauthorized(call, "Access token is empty.");
    }
    AccessToken token;
    try {
      token = tokens.verify(bearer.get(), AUDIENCE);
    } catch (InvalidTokenException invalid) {
      throw unauthorized(call, "Access token validation failure. " + invalid.getMessage());
    }
    if (anyOfRoles.stream().noneMatch(token::hasRole)) {
      throw replies.problem(
          call,
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

  private io.tandem.emulator.http.HttpProblem unauthorized(HttpCall call, String message) {
    HttpReply reply =
        replies
            .error(call, 401, "InvalidAuthenticationToken", message)
            .withHeader("WWW-Authenticate", CHALLENGE);
    return new io.tandem.emulator.http.HttpProblem(reply);
  }
}
