package io.tandem.sip.b2bua;

import io.tandem.core.interaction.InteractionId;
import io.tandem.core.voicemail.VoicemailIntake;
import io.tandem.media.record.MessageRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A caller sent to voicemail (the flow played the mailbox's greeting, or the queue overflowed): a
 * beep, then the caller's message recorded by Tandem's media ({@link MessageRecorder}) until {@code
 * #}, the tenant's maximum length, {@link #SILENCE_LIMIT} without speech, or the caller's hang-up,
 * which keeps what was said. The message goes to the tenant's {@link VoicemailIntake} on a virtual
 * thread (it writes to the store); the interaction then ends {@code voicemail}, naming the message
 * when one was kept, and Tandem hangs up a caller who is still on the line. A node that keeps no
 * voicemail hangs the caller up and ends the interaction with no message. Runs on the call's lane.
 */
final class CallerVoicemail {

  /** How long a caller may say nothing before the message ends. */
  static final Duration SILENCE_LIMIT = Duration.ofSeconds(5);

  private static final System.Logger LOG = System.getLogger(CallerVoicemail.class.getName());

  private final CarrierCall call;
  private final ConnectContext context;
  private final InteractionId interaction;
  private final String mailbox;
  private final Instant startedAt;
  private @Nullable MessageRecorder recorder;

  private CallerVoicemail(
      CarrierCall call, ConnectContext context, InteractionId interaction, String mailbox) {
    this.call = call;
    this.context = context;
    this.interaction = interaction;
    this.mailbox = mailbox;
    this.startedAt = context.clock().instant();
  }

  /** Starts recording {@code interaction}'s caller for {@code mailbox}. */
  static CallerVoicemail start(
      CarrierCall call, ConnectContext context, InteractionId interaction, String mailbox) {
    CallerVoicemail voicemail = new CallerVoicemail(call, context, interaction, mailbox);
    Optional<VoicemailIntake> intake = context.tenants().voicemail(call.tenantId());
    if (intake.isEmpty()) {
      LOG.log(
          System.Logger.Level.WARNING,
          "no voicemail kept for tenant {0}: call {1} is ended",
          call.tenantId().value(),
          call.lane());
      call.hangUp();
      call.tell(VoicemailIntake.nothing().ending(interaction));
      return voicemail;
    }
    VoicemailIntake kept = intake.get();
    voicemail.recorder =
        call.media()
            .recordMessage(
                kept.limits().maxLength(),
                SILENCE_LIMIT,
                message -> context.executor().execute(() -> voicemail.keep(kept, message)));
    return voicemail;
  }

  /** The caller hung up: the message ends with what they said. */
  void callerGone() {
    MessageRecorder recording = recorder;
    if (recording != null) {
      recording.stop();
    }
  }

  /** Whether the interaction's end is this voicemail's to report (it records, or recorded). */
  boolean reportsTheEnd() {
    return recorder != null;
  }

  private void keep(VoicemailIntake intake, MessageRecorder.Message message) {
    VoicemailIntake.Outcome outcome;
    try {
      outcome = intake.take(mailbox, interaction, call.callerNumber(), startedAt, message.wav());
    } catch (RuntimeException notKept) {
      LOG.log(System.Logger.Level.ERROR, "voicemail of call " + call.lane() + " not kept", notKept);
      outcome = VoicemailIntake.nothing();
    }
    LOG.log(
        System.Logger.Level.DEBUG,
        "voicemail of call {0}: {1} ({2}, ended by {3})",
        call.lane(),
        outcome.why(),
        message.length(),
        message.ending());
    call.tell(outcome.ending(interaction));
    context.endpoint().execute(call.lane(), call::hangUp);
  }
}
