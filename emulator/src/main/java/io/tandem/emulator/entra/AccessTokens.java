package io.tandem.emulator.entra;

import io.tandem.emulator.http.Json;
import io.tandem.emulator.time.Scheduler;
import io.tandem.emulator.world.AppRegistration;
import io.tandem.emulator.world.EmulatedTenant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issues and checks Entra ID app-only access tokens (v1.0 shape, as Graph and ACS receive them):
 * {@code aud}, {@code iss = https://sts.windows.net/{tid}/}, {@code appid}, {@code tid}, {@code
 * roles}, {@code idtyp = app}, a unique {@code uti}, one hour of life. {@link #expireAll()} makes
 * every token issued so far expire at once (the control API's way to test a client's refresh of a
 * token that expires mid-call).
 */
public final class AccessTokens {

  /** Lifetime of an access token, as Entra reports it in {@code expires_in}. */
  public static final Duration LIFETIME = Duration.ofSeconds(3599);

  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final SigningKey key;
  private final Scheduler clock;
  private final Set<String> live = ConcurrentHashMap.newKeySet();
  private final Set<String> expired = ConcurrentHashMap.newKeySet();

  public AccessTokens(SigningKey key, Scheduler clock) {
    this.key = key;
    this.clock = clock;
  }

  /** A signed token for {@code app} of {@code tenant}, for the resource {@code audience}. */
  public String issue(EmulatedTenant tenant, AppRegistration app, String audience) {
    Instant now = clock.now();
    ObjectNode claims = Json.object();
    claims.put("aud", audience);
    claims.put("iss", issuer(tenant.id()));
    claims.put("iat", now.getEpochSecond());
    claims.put("nbf", now.getEpochSecond());
    claims.put("exp", now.plus(LIFETIME).getEpochSecond());
    claims.put("app_displayname", app.displayName());
    claims.put("appid", app.appId());
    claims.put("appidacr", "1");
    claims.put("idp", issuer(tenant.id()));
    claims.put("idtyp", "app");
    String servicePrincipal =
        UUID.nameUUIDFromBytes(
                (tenant.id() + "/" + app.appId()).getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .toString();
    claims.put("oid", servicePrincipal);
    claims.put("sub", servicePrincipal);
    var roles = claims.putArray("roles");
    app.roles().forEach(roles::add);
    claims.put("tid", tenant.id());
    String uti = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
    claims.put("uti", uti);
    live.add(uti);
    claims.put("ver", "1.0");
    return Jwt.sign(claims, key);
  }

  /** Every token issued so far expires now; returns how many. Tokens issued later are good. */
  public int expireAll() {
    List<String> issued = List.copyOf(live);
    expired.addAll(issued);
    live.removeAll(issued);
    return issued.size();
  }

  /** The issuer of tenant {@code tenantId}'s v1.0 access tokens. */
  public static String issuer(String tenantId) {
    return "https://sts.windows.net/" + tenantId + "/";
  }

  /**
   * Checks a bearer token as the resource {@code audience} would: signature by the emulator's Entra
   * key, lifetime (five minutes of skew), audience, and issuer matching the tenant claim.
   */
  public AccessToken verify(String token, String audience) throws InvalidTokenException {
    Jwt.Parsed parsed;
    try {
      parsed = Jwt.parse(token);
    } catch (IllegalArgumentException malformed) {
      throw new InvalidTokenException("the access token is malformed: " + malformed.getMessage());
    }
    if (!key.keyId().equals(parsed.header().path("kid").asString(""))
        || !parsed.signedBy(key.publicKey())) {
      throw new InvalidTokenException("the access token's signature is invalid");
    }
    JsonNode claims = parsed.claims();
    Instant now = clock.now();
    long exp = claims.path("exp").asLong(0);
    long nbf = claims.path("nbf").asLong(0);
    if (Instant.ofEpochSecond(exp).plus(CLOCK_SKEW).isBefore(now)
        || expired.contains(claims.path("uti").asString(""))) {
      throw new InvalidTokenException("the access token has expired");
    }
    if (Instant.ofEpochSecond(nbf).minus(CLOCK_SKEW).isAfter(now)) {
      throw new InvalidTokenException("the access token is not valid yet");
    }
    String actualAudience = claims.path("aud").asString("");
    if (!sameResource(actualAudience, audience)) {
      throw new InvalidTokenException(
          "the access token's audience " + actualAudience + " is not " + audience);
    }
    String tenantId = claims.path("tid").asString("");
    if (tenantId.isEmpty() || !issuer(tenantId).equals(claims.path("iss").asString(""))) {
      throw new InvalidTokenException("the access token's issuer does not match its tenant");
    }
    List<String> roles = new ArrayList<>();
    claims.path("roles").forEach(role -> roles.add(role.asString("")));
    return new AccessToken(
        tenantId,
        claims.path("appid").asString(""),
        actualAudience,
        roles,
        Instant.ofEpochSecond(exp));
  }

  /** The token from an {@code Authorization: Bearer} header value. */
  public static Optional<String> bearer(Optional<String> authorization) {
    return authorization
        .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
        .map(value -> value.substring(7).trim())
        .filter(token -> !token.isEmpty());
  }

  private static boolean sameResource(String a, String b) {
    return trimSlash(a).equalsIgnoreCase(trimSlash(b));
  }

  private static String trimSlash(String resource) {
    return resource.endsWith("/") ? resource.substring(0, resource.length() - 1) : resource;
  }
}
