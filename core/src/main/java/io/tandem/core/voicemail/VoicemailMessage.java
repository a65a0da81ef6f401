package io.tandem.core.voicemail;

import io.tandem.core.interaction.InteractionId;
import io.tandem.core.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A message a caller left in a mailbox: who called, when the recording started, how long it runs,
 * its audio's format and size, and its state.
 *
 * @param interaction the interaction of the call the message was left on
 * @param callerNumber the caller's number (E.164, a Teams id, or {@code anonymous})
 * @param recordedAt when the recording started
 * @param duration how long the audio runs
 * @param format the audio's form, e.g. {@code audio/wav; rate=16000; bits=16; channels=1}
 * @param size the audio's size in bytes (0 once deleted)
 * @param changedAt when the state last changed ({@code recordedAt} while {@link
 *     VoicemailState#NEW})
 */
public record VoicemailMessage(
    VoicemailMessageId id,
    TenantId tenant,
    String mailbox,
    InteractionId interaction,
    String callerNumber,
    Instant recordedAt,
    Duration duration,
    String format,
    long size,
    VoicemailState state,
    Instant changedAt) {

  public VoicemailMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(interaction, "interaction");
    Objects.requireNonNull(recordedAt, "recordedAt");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(changedAt, "changedAt");
    if (mailbox.isBlank()) {
      throw new IllegalArgumentException("mailbox must not be blank");
    }
    if (callerNumber.isBlank()) {
      throw new IllegalArgumentException("callerNumber must not be blank");
    }
    if (duration.isNegative() || size < 0) {
      throw new IllegalArgumentException("duration and size must not be negative");
    }
  }

  /** A new message of {@code audio}; times kept to the microsecond, the duration to the milli. */
  public static VoicemailMessage recorded(
      VoicemailMessageId id,
      TenantId tenant,
      String mailbox,
      InteractionId interaction,
      String callerNumber,
      Instant recordedAt,
      VoicemailAudio audio) {
    return new VoicemailMessage(
        id,
        tenant,
        mailbox,
        interaction,
        callerNumber,
        recordedAt.truncatedTo(ChronoUnit.MICROS),
        audio.duration().truncatedTo(ChronoUnit.MILLIS),
        audio.format(),
        audio.size(),
        VoicemailState.NEW,
        recordedAt.truncatedTo(ChronoUnit.MICROS));
  }

  /** This message heard at {@code at}; one already heard stays as it is. */
  public VoicemailMessage heard(Instant at) {
    return state == VoicemailState.HEARD
        ? this
        : moved(VoicemailState.HEARD, size, at.truncatedTo(ChronoUnit.MICROS));
  }

  /** This message deleted at {@code at}: its audio is gone. */
  public VoicemailMessage deleted(Instant at) {
    return moved(VoicemailState.DELETED, 0, at.truncatedTo(ChronoUnit.MICROS));
  }

  private VoicemailMessage moved(VoicemailState next, long newSize, Instant at) {
    if (!state.canMoveTo(next)) {
      throw new IllegalVoicemailTransition(id, state, next);
    }
    return new VoicemailMessage(
        id,
        tenant,
        mailbox,
        interaction,
        callerNumber,
        recordedAt,
        duration,
        format,
        newSize,
        next,
        at);
  }

  /** Whether it matches the optional {@code mailbox} and {@code state} filters. */
  public boolean matches(@Nullable String mailbox, @Nullable VoicemailState state) {
    return (mailbox == null || this.mailbox.equals(mailbox))
        && (state == null ? this.state != VoicemailState.DELETED : this.state == state);
  }
}
