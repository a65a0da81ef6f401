package io.tandem.identity;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * An authority's RSA signing keys by key id, found through its OpenID discovery document ({@code
 * jwks_uri}) and cached for {@code refreshEvery} (Microsoft's samples refresh about every two
 * hours). An unknown key id triggers a refetch, at most once per {@code refetchAtMostEvery}, so a
 * key rollover is picked up without letting forged key ids hammer the authority.
 */
final class SigningKeys {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final URI discovery;
  private final HttpClient http;
  private final Clock clock;
  private final Duration refreshEvery;
  private final Duration refetchAtMostEvery;
  private Map<String, RSAPublicKey> keys = Map.of();
  private @Nullable Instant fetchedAt;

  SigningKeys(
      URI discovery,
      HttpClient http,
      Clock clock,
      Duration refreshEvery,
      Duration refetchAtMostEvery) {
    this.discovery = discovery;
    this.http = http;
    this.clock = clock;
    this.refreshEvery = refreshEvery;
    this.refetchAtMostEvery = refetchAtMostEvery;
  }

  /** The key with id {@code keyId}, refetching the key set when it is stale or lacks the id. */
  synchronized Optional<RSAPublicKey> key(String keyId) throws TokenRejectedException {
    Instant now = clock.instant();
    boolean stale = fetchedAt == null || !now.isBefore(fetchedAt.plus(refreshEvery));
    boolean unknownButMayRefetch =
        !keys.containsKey(keyId)
            && (fetchedAt == null || !now.isBefore(fetchedAt.plus(refetchAtMostEvery)));
    if (stale || unknownButMayRefetch) {
      keys = fetch();
      fetchedAt = now;
    }
    return Optional.ofNullable(keys.get(keyId));
  }

  private Map<String, RSAPublicKey> fetch() throws TokenRejectedException {
    JsonNode document = get(discovery);
    String jwksUri = document.path("jwks_uri").asString("");
    if (jwksUri.isEmpty()) {
      throw new TokenRejectedException(
          "the OpenID configuration " + discovery + " has no jwks_uri");
    }
    Map<String, RSAPublicKey> found = new HashMap<>();
    for (JsonNode jwk : get(URI.create(jwksUri)).path("keys")) {
      if ("RSA".equals(jwk.path("kty").asString("")) && jwk.hasNonNull("kid")) {
        found.put(jwk.path("kid").asString(), rsa(jwk));
      }
    }
    return Map.copyOf(found);
  }

  private JsonNode get(URI uri) throws TokenRejectedException {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new TokenRejectedException(
            "signing keys unavailable: " + uri + " answered " + response.statusCode());
      }
      return JSON.readTree(response.body());
    } catch (IOException | JacksonException unavailable) {
      throw new TokenRejectedException("signing keys unavailable: " + unavailable.getMessage());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new TokenRejectedException("interrupted while fetching signing keys");
    }
  }

  private static RSAPublicKey rsa(JsonNode jwk) throws TokenRejectedException {
    try {
      Base64.Decoder url = Base64.getUrlDecoder();
      BigInteger modulus = new BigInteger(1, url.decode(jwk.path("n").asString("")));
      BigInteger exponent = new BigInteger(1, url.decode(jwk.path("e").asString("")));
      return (RSAPublicKey)
          KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
    } catch (GeneralSecurityException | IllegalArgumentException malformed) {
      throw new TokenRejectedException("malformed JWK " + jwk.path("kid").asString(""));
    }
  }
}
