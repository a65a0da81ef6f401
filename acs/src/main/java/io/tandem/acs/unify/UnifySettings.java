package io.tandem.acs.unify;

import io.tandem.core.flow.ValidatedFlow;
import io.tandem.core.tenant.Tenant;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * How one Call Automation application serves one Tandem tenant.
 *
 * @param microsoftTenantId the Entra tenant of the agents ({@code teamsExtensionUser.tenantId})
 * @param acsResourceId the ACS resource's immutable id ({@code teamsExtensionUser.resourceId})
 * @param callbackUri where ACS sends the mid-call callbacks of the calls this application answers
 * @param entryFlow the virtual assistant every caller meets first, looked up on the tenant's writer
 * @param invitationTimeout how long an agent's Teams rings ({@code invitationTimeoutInSeconds},
 *     0–180 s); the reservation's own deadline normally ends the ringing first (RONA)
 * @param transcription where ACS streams live transcription, or null for none
 * @param recordWithAgent whether the call is recorded from the moment an agent joins
 * @param unclaimedEventLifetime how long a callback about a call connection not known yet (its
 *     answer has not returned) is kept for it
 */
public record UnifySettings(
    String microsoftTenantId,
    String acsResourceId,
    URI callbackUri,
    Function<Tenant, ValidatedFlow> entryFlow,
    Duration invitationTimeout,
    @Nullable Transcription transcription,
    boolean recordWithAgent,
    Duration unclaimedEventLifetime) {

  /**
   * Live transcription.
   *
   * @param transportUrl the {@code wss://} (or {@code ws://}) endpoint ACS streams to
   * @param locale the spoken language, e.g. {@code en-US}
   */
  public record Transcription(URI transportUrl, String locale) {
    public Transcription {
      Objects.requireNonNull(transportUrl, "transportUrl");
      Objects.requireNonNull(locale, "locale");
    }
  }

  public UnifySettings {
    Objects.requireNonNull(microsoftTenantId, "microsoftTenantId");
    Objects.requireNonNull(acsResourceId, "acsResourceId");
    Objects.requireNonNull(callbackUri, "callbackUri");
    Objects.requireNonNull(entryFlow, "entryFlow");
    if (invitationTimeout.isNegative()
        || invitationTimeout.compareTo(Duration.ofSeconds(180)) > 0) {
      throw new IllegalArgumentException(
          "invitationTimeout must be within 0–180 s: " + invitationTimeout);
    }
    if (!unclaimedEventLifetime.isPositive()) {
      throw new IllegalArgumentException("unclaimedEventLifetime must be positive");
    }
  }

  /**
   * An application ringing agents for up to 60 s, without transcription or recording, keeping
   * unclaimed callbacks for a minute.
   */
  public static UnifySettings of(
      String microsoftTenantId,
      String acsResourceId,
      URI callbackUri,
      Function<Tenant, ValidatedFlow> entryFlow) {
    return new UnifySettings(
        microsoftTenantId,
        acsResourceId,
        callbackUri,
        entryFlow,
        Duration.ofSeconds(60),
        null,
        false,
        Duration.ofMinutes(1));
  }

  /** These settings with live transcription to {@code transcription}. */
  public UnifySettings withTranscription(@Nullable Transcription transcription) {
    return new UnifySettings(
        microsoftTenantId,
        acsResourceId,
        callbackUri,
        entryFlow,
        invitationTimeout,
        transcription,
        recordWithAgent,
        unclaimedEventLifetime);
  }

  /** These settings recording calls with an agent, or not. */
  public UnifySettings withRecording(boolean record) {
    return new UnifySettings(
        microsoftTenantId,
        acsResourceId,
        callbackUri,
        entryFlow,
        invitationTimeout,
        transcription,
        record,
        unclaimedEventLifetime);
  }
}
