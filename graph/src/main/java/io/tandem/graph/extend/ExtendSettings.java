package io.tandem.graph.extend;

import io.tandem.core.flow.ValidatedFlow;
import io.tandem.core.tenant.Tenant;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * How one bot serves one Tandem tenant.
 *
 * @param microsoftTenantId the Entra tenant whose calls this bot takes; calls of other tenants are
 *     rejected
 * @param callbackUri where Graph sends notifications of the calls the bot answers and places
 * @param entryFlow the virtual assistant every caller meets first, looked up on the tenant's writer
 * @param keepAliveInterval how often a call the bot holds is kept alive (Graph ends calls not kept
 *     alive for 45 minutes)
 * @param unclaimedSignalLifetime how long a notification about a call not known yet (a call to an
 *     agent whose creation has not answered) is kept for it
 * @param offerMode how an offer brings the caller to the agent: handed over to the agent's own
 *     Teams call, or the agent invited into the caller's call with the bot staying in it
 */
public record ExtendSettings(
    String microsoftTenantId,
    URI callbackUri,
    Function<Tenant, ValidatedFlow> entryFlow,
    Duration keepAliveInterval,
    Duration unclaimedSignalLifetime,
    OfferMode offerMode) {

  /** Settings in {@link OfferMode#HAND_OVER} mode. */
  public ExtendSettings(
      String microsoftTenantId,
      URI callbackUri,
      Function<Tenant, ValidatedFlow> entryFlow,
      Duration keepAliveInterval,
      Duration unclaimedSignalLifetime) {
    this(
        microsoftTenantId,
        callbackUri,
        entryFlow,
        keepAliveInterval,
        unclaimedSignalLifetime,
        OfferMode.HAND_OVER);
  }

  public ExtendSettings {
    Objects.requireNonNull(offerMode, "offerMode");
    Objects.requireNonNull(microsoftTenantId, "microsoftTenantId");
    Objects.requireNonNull(callbackUri, "callbackUri");
    Objects.requireNonNull(entryFlow, "entryFlow");
    if (!keepAliveInterval.isPositive()
        || keepAliveInterval.compareTo(Duration.ofMinutes(44)) > 0) {
      throw new IllegalArgumentException(
          "keepAliveInterval must be positive and under Graph's 45-minute expiry: "
              + keepAliveInterval);
    }
    if (!unclaimedSignalLifetime.isPositive()) {
      throw new IllegalArgumentException("unclaimedSignalLifetime must be positive");
    }
  }

  /** A bot keeping calls alive every 15 minutes, keeping unclaimed notifications for a minute. */
  public static ExtendSettings of(
      String microsoftTenantId, URI callbackUri, Function<Tenant, ValidatedFlow> entryFlow) {
    return new ExtendSettings(
        microsoftTenantId, callbackUri, entryFlow, Duration.ofMinutes(15), Duration.ofMinutes(1));
  }

  /** These settings with offers made in {@code mode}. */
  public ExtendSettings withOfferMode(OfferMode mode) {
    return new ExtendSettings(
        microsoftTenantId,
        callbackUri,
        entryFlow,
        keepAliveInterval,
        unclaimedSignalLifetime,
        mode);
  }
}
