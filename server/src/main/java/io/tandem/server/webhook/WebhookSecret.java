package io.tandem.server.webhook;

import java.util.Base64;
import java.util.random.RandomGenerator;

/**
 * The key a webhook's requests are signed with, in the Standard Webhooks form: {@code whsec_} and
 * the base64 of 24 to 64 random bytes. Its {@link #toString} is masked, so it never reaches a log
 * by accident.
 *
 * @param value the whole secret, {@code whsec_…}
 */
public record WebhookSecret(String value) {

  /** The prefix of every secret. */
  public static final String PREFIX = "whsec_";

  /** The length of the secrets the server generates, in bytes. */
  static final int GENERATED_BYTES = 32;

  public WebhookSecret {
    if (!value.startsWith(PREFIX)) {
      throw new IllegalArgumentException("a webhook secret starts with 'whsec_'");
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(value.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a webhook secret is 'whsec_' and base64", e);
    }
    if (key.length < 24 || key.length > 64) {
      throw new IllegalArgumentException(
          "a webhook secret holds 24 to 64 bytes (base64 after 'whsec_'), not " + key.length);
    }
  }

  /** A new secret of {@value #GENERATED_BYTES} bytes from {@code random} (a SecureRandom). */
  public static WebhookSecret generate(RandomGenerator random) {
    byte[] key = new byte[GENERATED_BYTES];
    random.nextBytes(key);
    return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key));
  }

  /** The HMAC key: the bytes the base64 after the prefix encodes. */
  public byte[] key() {
    return Base64.getDecoder().decode(value.substring(PREFIX.length()));
  }

  /** The secret as the API shows it after creation: the prefix and its last four characters. */
  public String masked() {
    return PREFIX + "…" + value.substring(value.length() - 4);
  }

  @Override
  public String toString() {
    return masked();
  }
}
