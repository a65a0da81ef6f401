package io.tandem.emulator.entra;

import io.tandem.emulator.http.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Compact JWS (RFC 7515) with RS256: signing the emulator's tokens and checking tokens it issued.
 */
public final class Jwt {

  private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

  private Jwt() {}

  /** Signs {@code claims} with {@code key}, header {@code {"typ":"JWT","alg":"RS256","kid"}}. */
  public static String sign(ObjectNode claims, SigningKey key) {
    ObjectNode header = Json.object().put("typ", "JWT").put("alg", "RS256");
    header.put("x5t", key.keyId()).put("kid", key.keyId());
    String signingInput = part(Json.bytes(header)) + "." + part(Json.bytes(claims));
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key.keyPair().getPrivate());
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + part(rsa.sign());
    } catch (GeneralSecurityException impossible) {
      throw new IllegalStateException("RS256 signing failed", impossible);
    }
  }

  /** A token split into its decoded header and claims, not yet verified. */
  public record Parsed(JsonNode header, JsonNode claims, String signingInput, byte[] signature) {

    /** Whether the RS256 signature verifies with {@code key}. */
    public boolean signedBy(RSAPublicKey key) {
      if (!"RS256".equals(header.path("alg").asString(""))) {
        return false;
      }
      try {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(key);
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return rsa.verify(signature);
      } catch (GeneralSecurityException invalid) {
        return false;
      }
    }
  }

  /** Splits and decodes a compact JWS; throws {@link IllegalArgumentException} when malformed. */
  public static Parsed parse(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("a JWT has three dot-separated parts");
    }
    try {
      JsonNode header = Json.MAPPER.readTree(DECODE.decode(parts[0]));
      JsonNode claims = Json.MAPPER.readTree(DECODE.decode(parts[1]));
      if (!header.isObject() || !claims.isObject()) {
        throw new IllegalArgumentException("JWT header and claims must be JSON objects");
      }
      return new Parsed(header, claims, parts[0] + "." + parts[1], DECODE.decode(parts[2]));
    } catch (JacksonException | IllegalArgumentException malformed) {
      throw new IllegalArgumentException("malformed JWT: " + malformed.getMessage(), malformed);
    }
  }

  private static String part(byte[] bytes) {
    return ENCODE.encodeToString(bytes);
  }
}
