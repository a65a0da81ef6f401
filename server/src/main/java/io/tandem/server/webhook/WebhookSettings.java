package io.tandem.server.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code tandem.webhooks.*} configuration keys; each is documented, with its default, in {@code
 * server/README.md}.
 *
 * @param maxAttempts attempts at one event before the webhook is FAILED (at least 1)
 * @param connectTimeout how long to wait for a connection to the receiver
 * @param requestTimeout how long to wait for the receiver's answer once the request is sent
 * @param initialBackoff the ceiling of the wait after the first failed attempt
 * @param maxBackoff the largest ceiling of a wait between attempts
 * @param deliveryLogSize how many attempts the delivery log keeps per webhook
 * @param batchSize how many events a dispatcher reads from the log at a time
 */
@ConfigurationProperties("tandem.webhooks")
public record WebhookSettings(
    @DefaultValue("10") int maxAttempts,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("10s") Duration requestTimeout,
    @DefaultValue("1s") Duration initialBackoff,
    @DefaultValue("10m") Duration maxBackoff,
    @DefaultValue("1000") int deliveryLogSize,
    @DefaultValue("100") int batchSize) {

  public WebhookSettings {
    requirePositive("max-attempts", maxAttempts);
    requirePositive("delivery-log-size", deliveryLogSize);
    requirePositive("batch-size", batchSize);
    requirePositive("connect-timeout", connectTimeout);
    requirePositive("request-timeout", requestTimeout);
    requirePositive("initial-backoff", initialBackoff);
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "tandem.webhooks.max-backoff ("
              + maxBackoff
              + ") must be at least tandem.webhooks.initial-backoff ("
              + initialBackoff
              + ")");
    }
  }

  private static void requirePositive(String key, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(
          "tandem.webhooks." + key + " must be at least 1, not " + value);
    }
  }

  private static void requirePositive(String key, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(
          "tandem.webhooks." + key + " must be positive, not " + value);
    }
  }
}
