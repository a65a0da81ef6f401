package io.tandem.server.voicemail;

import io.tandem.core.voicemail.VoicemailMessage;
import java.time.Instant;
import java.util.Locale;

/**
 * A voicemail message as the API shows it; {@code state} is {@code new}, {@code heard} or {@code
 * deleted}, {@code audio} the path of its WAV file.
 */
record VoicemailResource(
    String id,
    String mailbox,
    String interaction,
    String callerNumber,
    Instant recordedAt,
    long durationMillis,
    String format,
    long sizeBytes,
    String state,
    Instant changedAt,
    String audio) {

  static VoicemailResource of(VoicemailMessage message) {
    return new VoicemailResource(
        message.id().value(),
        message.mailbox(),
        message.interaction().value(),
        message.callerNumber(),
        message.recordedAt(),
        message.duration().toMillis(),
        message.format(),
        message.size(),
        message.state().name().toLowerCase(Locale.ROOT),
        message.changedAt(),
        "/api/v1/tenants/" + message.tenant() + "/voicemail/" + message.id() + "/audio");
  }
}
