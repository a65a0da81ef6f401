package io.tandem.server.webhook;

import java.util.HexFormat;
import java.util.random.RandomGenerator;

/** Identifies a webhook: {@code wh_} and 24 lowercase hex digits, chosen by the server. */
public record WebhookId(String value) {

  public WebhookId {
    if (!value.matches("wh_[0-9a-f]{24}")) {
      throw new IllegalArgumentException(
          "a webhook id is 'wh_' and 24 lowercase hex digits, not '" + value + "'");
    }
  }

  /** A new id from 96 random bits. */
  public static WebhookId random(RandomGenerator random) {
    byte[] bits = new byte[12];
    random.nextBytes(bits);
    return new WebhookId("wh_" + HexFormat.of().formatHex(bits));
  }

  @Override
  public String toString() {
    return value;
  }
}
