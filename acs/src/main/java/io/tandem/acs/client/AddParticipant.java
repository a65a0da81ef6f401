package io.tandem.acs.client;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * An invitation of {@code participant} into the call, ringing at most {@code invitationTimeout}
 * (0–180 s, whole seconds). {@code sourceCallerIdNumber} (E.164) is the caller id a PSTN
 * participant sees.
 */
public record AddParticipant(
    Identifier participant,
    Duration invitationTimeout,
    @Nullable String sourceCallerIdNumber,
    @Nullable String sourceDisplayName,
    @Nullable CustomCallingContext context,
    @Nullable String operationContext) {

  public AddParticipant {
    Requests.requireSeconds(invitationTimeout, 0, 180, "invitationTimeout");
  }

  /** Invites {@code participant} for {@code invitationTimeout}, nothing else set. */
  public static AddParticipant of(
      Identifier participant, Duration invitationTimeout, @Nullable String operationContext) {
    return new AddParticipant(participant, invitationTimeout, null, null, null, operationContext);
  }
}
