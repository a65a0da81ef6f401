package io.tandem.graph.presence;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How Tandem subscribes to presence change notifications.
 *
 * @param notificationUrl where Graph posts change notifications (and the validation handshake);
 *     Graph requires HTTPS. Required, no default.
 * @param lifecycleNotificationUrl where Graph posts lifecycle events ({@code subscriptionRemoved},
 *     {@code missed}, {@code reauthorizationRequired}); may equal the notification URL. Default
 *     none: a removed subscription is then found by the 404 of its next renewal.
 * @param renewalLead how long before its expiry a subscription is renewed (PATCH). Default 10 min.
 * @param expiryMargin how far below Graph's 60-minute maximum an expiry is asked for, so clock skew
 *     between Tandem and Graph never makes Graph refuse it. Default 1 min.
 * @param retryDelay the wait before a failed create or renewal is tried again. Default 1 min.
 */
public record SubscriptionSettings(
    URI notificationUrl,
    @Nullable URI lifecycleNotificationUrl,
    Duration renewalLead,
    Duration expiryMargin,
    Duration retryDelay) {

  /** Graph's longest presence subscription. */
  public static final Duration MAX_LIFETIME = Duration.ofMinutes(60);

  public SubscriptionSettings {
    if (renewalLead.isNegative() || expiryMargin.isNegative() || !retryDelay.isPositive()) {
      throw new IllegalArgumentException("lead and margin must not be negative, retry positive");
    }
    if (renewalLead.plus(expiryMargin).compareTo(MAX_LIFETIME) >= 0) {
      throw new IllegalArgumentException("renewalLead + expiryMargin must be under 60 minutes");
    }
  }

  /** The defaults above for the given URLs. */
  public static SubscriptionSettings defaults(
      URI notificationUrl, @Nullable URI lifecycleNotificationUrl) {
    return new SubscriptionSettings(
        notificationUrl,
        lifecycleNotificationUrl,
        Duration.ofMinutes(10),
        Duration.ofMinutes(1),
        Duration.ofMinutes(1));
  }

  /** The expiry to ask for when the time is {@code now}. */
  java.time.Instant expiryFrom(java.time.Instant now) {
    return now.plus(MAX_LIFETIME).minus(expiryMargin);
  }
}
