package io.tandem.server.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a webhook request exactly as docs/webhooks.md tells a receiver to, with the JDK only and
 * none of the server's code: the same steps, in the same order.
 */
public final class ReceiverVerification {

  /** The largest difference between webhook-timestamp and the receiver's clock accepted. */
  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  private ReceiverVerification() {}

  /**
   * Whether the request is authentic and fresh.
   *
   * @param secret the webhook's secret, {@code whsec_…}, as shown when it was created
   * @param id the {@code webhook-id} header
   * @param timestamp the {@code webhook-timestamp} header
   * @param signatures the {@code webhook-signature} header
   * @param body the raw request body, not parsed
   * @param now the receiver's clock
   */
  public static boolean verify(
      String secret, String id, String timestamp, String signatures, byte[] body, Instant now)
      throws Exception {
    // 1. Refuse stale or future requests (replays).
    long sent = Long.parseLong(timestamp);
    if (Math.abs(now.getEpochSecond() - sent) > TOLERANCE.toSeconds()) {
      return false;
    }
    // 2. The key is the base64 after "whsec_".
    byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    // 3. HMAC-SHA256 of "<id>.<timestamp>.<body>", base64.
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
    byte[] expected = Base64.getEncoder().encode(mac.doFinal(body));
    // 4. Any "v1,<base64>" among the space-separated signatures, compared in constant time.
    for (String signature : signatures.split(" ")) {
      if (signature.startsWith("v1,")
          && MessageDigest.isEqual(
              expected, signature.substring(3).getBytes(StandardCharsets.US_ASCII))) {
        return true;
      }
    }
    return false;
  }
}
