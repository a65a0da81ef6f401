package io.tandem.identity;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A JWT that passed validation: issuer, audience, the tenant claim ({@code tid}, which .NET maps to
 * {@code http://schemas.microsoft.com/identity/claims/tenantid}) when present, expiry, and every
 * claim whose value is a string.
 */
public record ValidatedToken(
    String issuer,
    String audience,
    @Nullable String tenantId,
    Instant expiresAt,
    Map<String, String> stringClaims) {

  public ValidatedToken {
    stringClaims = Map.copyOf(stringClaims);
  }
}
