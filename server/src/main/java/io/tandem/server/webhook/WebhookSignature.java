package io.tandem.server.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook request per the Standard Webhooks specification
 * (https://www.standardwebhooks.com, "Signature scheme"): {@code v1,} and the base64 of the
 * HMAC-SHA256, keyed with the secret's bytes, of {@code <webhook-id>.<webhook-timestamp>.<body>}.
 */
public final class WebhookSignature {

  /** The version prefix of a symmetric (HMAC-SHA256) signature. */
  public static final String VERSION = "v1";

  private WebhookSignature() {}

  /** The {@code webhook-signature} header value for a request. */
  public static String sign(WebhookSecret secret, String id, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return VERSION + "," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
