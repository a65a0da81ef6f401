package io.tandem.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates the Bearer JWT on a request Microsoft sends to Tandem, as Microsoft's samples do: RS256
 * signature by a key from the authority's OpenID discovery document, issuer among {@code issuers},
 * audience equal to {@code audience} (the bot's app id for Graph notifications, the ACS resource's
 * immutable id for ACS callbacks), and lifetime within {@code clockSkew}. Optionally requires a
 * tenant claim.
 */
public final class MicrosoftTokenValidator {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final SigningKeys keys;
  private final Set<String> issuers;
  private final String audience;
  private final boolean tenantRequired;
  private final Clock clock;
  private final Duration clockSkew;

  private MicrosoftTokenValidator(
      SigningKeys keys,
      Set<String> issuers,
      String audience,
      boolean tenantRequired,
      Clock clock,
      Duration clockSkew) {
    this.keys = keys;
    this.issuers = Set.copyOf(issuers);
    this.audience = audience;
    this.tenantRequired = tenantRequired;
    this.clock = clock;
    this.clockSkew = clockSkew;
  }

  /**
   * Graph's notifications to a calling bot: issuer {@code https://graph.microsoft.com} or {@code
   * https://api.botframework.com}, audience = the bot's app id, tenant claim required.
   */
  public static MicrosoftTokenValidator forGraphNotifications(
      URI openIdConfiguration, String botAppId, HttpClient http, Clock clock) {
    return new MicrosoftTokenValidator(
        keys(openIdConfiguration, http, clock),
        Set.of("https://graph.microsoft.com", "https://api.botframework.com"),
        botAppId,
        true,
        clock,
        Duration.ofMinutes(5));
  }

  /**
   * ACS Call Automation callbacks: issuer {@code
   * https://acscallautomation.communication.azure.com}, audience = the ACS immutable resource id.
   */
  public static MicrosoftTokenValidator forAcsCallbacks(
      URI openIdConfiguration, String acsResourceId, HttpClient http, Clock clock) {
    return new MicrosoftTokenValidator(
        keys(openIdConfiguration, http, clock),
        Set.of("https://acscallautomation.communication.azure.com"),
        acsResourceId,
        false,
        clock,
        Duration.ofMinutes(5));
  }

  private static SigningKeys keys(URI discovery, HttpClient http, Clock clock) {
    return new SigningKeys(discovery, http, clock, Duration.ofHours(2), Duration.ofMinutes(1));
  }

  /** Validates the token in an {@code Authorization} header value ({@code Bearer …}). */
  public ValidatedToken validateAuthorization(Optional<String> authorization)
      throws TokenRejectedException {
    String value =
        authorization.orElseThrow(() -> new TokenRejectedException("no Authorization header"));
    if (!value.regionMatches(true, 0, "Bearer ", 0, 7) || value.substring(7).isBlank()) {
      throw new TokenRejectedException("the Authorization header is not a Bearer token");
    }
    return validate(value.substring(7).trim());
  }

  /** Validates a compact JWS. */
  public ValidatedToken validate(String token) throws TokenRejectedException {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw new TokenRejectedException("malformed token: a JWT has three parts");
    }
    JsonNode header = decode(parts[0]);
    JsonNode claims = decode(parts[1]);
    if (!"RS256".equals(header.path("alg").asString(""))) {
      throw new TokenRejectedException("unsupported alg " + header.path("alg").asString("(none)"));
    }
    String keyId = header.path("kid").asString("");
    RSAPublicKey key =
        keys.key(keyId)
            .orElseThrow(() -> new TokenRejectedException("unknown signing key " + keyId));
    if (!verifies(parts, key)) {
      throw new TokenRejectedException("invalid signature");
    }
    Instant now = clock.instant();
    Instant expires = Instant.ofEpochSecond(claims.path("exp").asLong(0));
    if (!claims.has("exp") || expires.plus(clockSkew).isBefore(now)) {
      throw new TokenRejectedException("expired token");
    }
    if (claims.has("nbf")
        && Instant.ofEpochSecond(claims.path("nbf").asLong()).minus(clockSkew).isAfter(now)) {
      throw new TokenRejectedException("token not valid yet");
    }
    String issuer = claims.path("iss").asString("");
    if (!issuers.contains(issuer)) {
      throw new TokenRejectedException("untrusted issuer " + issuer);
    }
    String actualAudience = claims.path("aud").asString("");
    if (!audience.equals(actualAudience)) {
      throw new TokenRejectedException("wrong audience " + actualAudience);
    }
    String tenant = claims.path("tid").asString("");
    if (tenantRequired && tenant.isEmpty()) {
      throw new TokenRejectedException("no tenant claim");
    }
    Map<String, String> strings = new HashMap<>();
    claims
        .properties()
        .forEach(
            e -> {
              if (e.getValue().isString()) {
                strings.put(e.getKey(), e.getValue().asString());
              }
            });
    return new ValidatedToken(
        issuer, actualAudience, tenant.isEmpty() ? null : tenant, expires, strings);
  }

  private static boolean verifies(String[] parts, RSAPublicKey key) throws TokenRejectedException {
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initVerify(key);
      rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      return rsa.verify(Base64.getUrlDecoder().decode(parts[2]));
    } catch (GeneralSecurityException | IllegalArgumentException malformed) {
      throw new TokenRejectedException("malformed signature");
    }
  }

  private static JsonNode decode(String part) throws TokenRejectedException {
    try {
      JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(part));
      if (!node.isObject()) {
        throw new TokenRejectedException("malformed token: header and claims must be objects");
      }
      return node;
    } catch (JacksonException | IllegalArgumentException malformed) {
      throw new TokenRejectedException("malformed token: " + malformed.getMessage());
    }
  }
}
