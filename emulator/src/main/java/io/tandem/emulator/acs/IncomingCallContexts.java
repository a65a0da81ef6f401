package io.tandem.emulator.acs;

import io.tandem.emulator.http.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/**
 * The opaque {@code incomingCallContext}: JWT-looking like Microsoft's ({@code header.claims.sig}),
 * its claims naming the ringing call, signed with a key only this emulator instance knows so that
 * answer, reject and redirect can tell a genuine context from an invented or altered one.
 */
final class IncomingCallContexts {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final String HEADER =
      ENCODER.encodeToString(
          "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

  private final byte[] key = new byte[32];

  IncomingCallContexts() {
    new SecureRandom().nextBytes(key);
  }

  String issue(IncomingCall call, long issuedAtEpochSecond) {
    var claims =
        Json.object()
            .put("cc", call.correlationId())
            .put("sid", call.serverCallId())
            .put("iat", issuedAtEpochSecond);
    String body = HEADER + "." + ENCODER.encodeToString(Json.bytes(claims));
    return body + "." + ENCODER.encodeToString(mac(body));
  }

  /** The correlation id a genuine context names; refuses anything else with 400. */
  String correlationId(String context) {
    String[] parts = context.split("\\.");
    if (parts.length != 3) {
      throw invalid();
    }
    byte[] expected = mac(parts[0] + "." + parts[1]);
    byte[] actual;
    try {
      actual = Base64.getUrlDecoder().decode(parts[2]);
    } catch (IllegalArgumentException notBase64) {
      throw invalid();
    }
    if (!MessageDigest.isEqual(expected, actual)) {
      throw invalid();
    }
    JsonNode claims = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
    return claims.path("cc").asString("");
  }

  private static RuntimeException invalid() {
    return AcsErrors.badRequest(
        "incomingCallContext",
        "The incomingCallContext is invalid: it was not issued by this service.");
  }

  private byte[] mac(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
