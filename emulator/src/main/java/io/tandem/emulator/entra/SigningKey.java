package io.tandem.emulator.entra;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HexFormat;
import tools.jackson.databind.node.ObjectNode;

/**
 * An RSA key pair that signs one authority's JWTs (RS256), with the key id ({@code kid}) that its
 * JWKS document publishes. Each emulated authority (Entra, Graph's callbacks, ACS's callbacks) has
 * its own, so a bot that validates against the wrong JWKS fails as it would in the cloud.
 */
public record SigningKey(String keyId, KeyPair keyPair) {

  /** A fresh 2048-bit key with a random key id. */
  public static SigningKey generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      byte[] id = new byte[10];
      new java.security.SecureRandom().nextBytes(id);
      return new SigningKey(HexFormat.of().formatHex(id), generator.generateKeyPair());
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every JDK has RSA", impossible);
    }
  }

  public RSAPublicKey publicKey() {
    return (RSAPublicKey) keyPair.getPublic();
  }

  /** This key as a JWK (RFC 7517) in the shape Entra's JWKS documents use. */
  public ObjectNode toJwk(ObjectNode into) {
    into.put("kty", "RSA");
    into.put("use", "sig");
    into.put("kid", keyId);
    into.put("x5t", keyId);
    into.put("alg", "RS256");
    into.put("n", unsigned(publicKey().getModulus()));
    into.put("e", unsigned(publicKey().getPublicExponent()));
    return into;
  }

  private static String unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
