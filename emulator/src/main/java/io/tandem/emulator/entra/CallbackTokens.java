package io.tandem.emulator.entra;

import io.tandem.emulator.http.Json;
import io.tandem.emulator.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bearer tokens that Microsoft's services put on the requests they send to an app: Graph's
 * notifications to a calling bot (audience = the bot's app id, {@code tid} = the tenant) and ACS's
 * callbacks (audience = the ACS resource's immutable id). Each is new per request.
 */
public final class CallbackTokens {

  private final SigningKey key;
  private final String issuer;
  private final Duration lifetime;
  private final Scheduler clock;

  public CallbackTokens(SigningKey key, String issuer, Duration lifetime, Scheduler clock) {
    this.key = key;
    this.issuer = issuer;
    this.lifetime = lifetime;
    this.clock = clock;
  }

  /** Graph's notification tokens: valid for one hour. */
  public static CallbackTokens graph(Authorities authorities, Scheduler clock) {
    return new CallbackTokens(
        authorities.graphCallbacks(),
        Authorities.GRAPH_CALLBACK_ISSUER,
        Duration.ofHours(1),
        clock);
  }

  /** ACS's callback tokens: valid for five minutes. */
  public static CallbackTokens acs(Authorities authorities, Scheduler clock) {
    return new CallbackTokens(
        authorities.acsCallbacks(), Authorities.ACS_CALLBACK_ISSUER, Duration.ofMinutes(5), clock);
  }

  /** A token for {@code audience}; {@code tenantId} goes into {@code tid} when not null. */
  public String issue(String audience, @org.jspecify.annotations.Nullable String tenantId) {
    Instant now = clock.now();
    ObjectNode claims = Json.object();
    claims.put("iss", issuer);
    claims.put("aud", audience);
    claims.put("iat", now.getEpochSecond());
    claims.put("nbf", now.getEpochSecond());
    claims.put("exp", now.plus(lifetime).getEpochSecond());
    claims.put("jti", UUID.randomUUID().toString());
    if (tenantId != null) {
      claims.put("tid", tenantId);
    }
    return Jwt.sign(claims, key);
  }

  public String issuer() {
    return issuer;
  }
}
