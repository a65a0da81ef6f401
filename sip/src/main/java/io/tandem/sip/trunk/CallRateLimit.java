package io.tandem.sip.trunk;

import java.time.Clock;

/**
 * A token bucket of {@code perSecond} tokens refilled continuously, holding at most one second's
 * worth: admits bursts up to the rate, never more than the rate sustained.
 */
final class CallRateLimit {

  private final Clock clock;
  private final double perSecond;
  private double tokens;
  private long lastNanos;

  CallRateLimit(Clock clock, int perSecond) {
    this.clock = clock;
    this.perSecond = perSecond;
    this.tokens = perSecond;
    this.lastNanos = nanos();
  }

  /** Takes a token if one is there. */
  synchronized boolean tryAcquire() {
    long now = nanos();
    tokens = Math.min(perSecond, tokens + (now - lastNanos) * perSecond / 1e9);
    lastNanos = now;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  private long nanos() {
    java.time.Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }
}
