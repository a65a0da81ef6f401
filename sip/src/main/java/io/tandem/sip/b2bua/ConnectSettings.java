package io.tandem.sip.b2bua;

import io.tandem.core.flow.ValidatedFlow;
import io.tandem.core.tenant.Tenant;
import java.time.Duration;
import java.util.function.Function;

/**
 * How the Connect channel behaves. Each key is documented once, with its default, in {@code
 * server/README.md} ({@code tandem.sip.*}).
 *
 * @param entryFlow the virtual assistant every call starts in, chosen per tenant
 * @param userAgent the User-Agent of Tandem's requests
 * @param announcementInterval how often a queued caller hears their position between music
 * @param rtpTimeout how long a caller's leg (queued or bridged) or an answered agent leg may
 *     receive no RTP, while its far end is meant to send, before Tandem hangs the call up with BYE
 *     on both legs, recorded as that side's hang-up; zero turns the timer off
 * @param minSessionInterval the shortest session interval (RFC 4028 Min-SE) Tandem takes from a
 *     carrier's INVITE; a shorter Session-Expires gets 422
 * @param maxCalls the most callers' calls the node holds at once (from their INVITE to their end);
 *     a carrier's INVITE beyond them gets 503 with Retry-After, so a burst the node cannot serve is
 *     refused at the door instead of queueing callers whose music on hold would take the CPU the
 *     calls in progress need
 */
public record ConnectSettings(
    Function<Tenant, ValidatedFlow> entryFlow,
    String userAgent,
    Duration announcementInterval,
    Duration rtpTimeout,
    Duration minSessionInterval,
    int maxCalls) {

  /** The default of {@link #rtpTimeout()}. */
  public static final Duration DEFAULT_RTP_TIMEOUT = Duration.ofSeconds(60);

  /** The default of {@link #minSessionInterval()}: RFC 4028's own minimum. */
  public static final Duration DEFAULT_MIN_SESSION_INTERVAL = Duration.ofSeconds(90);

  /**
   * The default of {@link #maxCalls()}: about what one node of 2 cores streams music on hold to
   * with its pacing within 5 ms (sip/README.md, "Media").
   */
  public static final int DEFAULT_MAX_CALLS = 2000;

  public ConnectSettings {
    if (maxCalls < 1) {
      throw new IllegalArgumentException("maxCalls must be at least 1");
    }
    if (announcementInterval.isNegative() || announcementInterval.isZero()) {
      throw new IllegalArgumentException("announcementInterval must be positive");
    }
    if (rtpTimeout.isNegative() || (!rtpTimeout.isZero() && rtpTimeout.toMillis() < 4)) {
      throw new IllegalArgumentException("rtpTimeout must be zero (off) or at least 4 ms");
    }
    if (minSessionInterval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("minSessionInterval must be at least 1 s");
    }
  }

  /** Settings with the {@link #DEFAULT_MAX_CALLS}. */
  public ConnectSettings(
      Function<Tenant, ValidatedFlow> entryFlow,
      String userAgent,
      Duration announcementInterval,
      Duration rtpTimeout,
      Duration minSessionInterval) {
    this(
        entryFlow,
        userAgent,
        announcementInterval,
        rtpTimeout,
        minSessionInterval,
        DEFAULT_MAX_CALLS);
  }

  /** Settings with the {@link #DEFAULT_MIN_SESSION_INTERVAL}. */
  public ConnectSettings(
      Function<Tenant, ValidatedFlow> entryFlow,
      String userAgent,
      Duration announcementInterval,
      Duration rtpTimeout) {
    this(entryFlow, userAgent, announcementInterval, rtpTimeout, DEFAULT_MIN_SESSION_INTERVAL);
  }

  /** Settings with the {@link #DEFAULT_RTP_TIMEOUT}. */
  public ConnectSettings(
      Function<Tenant, ValidatedFlow> entryFlow, String userAgent, Duration announcementInterval) {
    this(entryFlow, userAgent, announcementInterval, DEFAULT_RTP_TIMEOUT);
  }
}
