package io.tandem.graph.extend;

import io.tandem.core.interaction.InteractionId;
import io.tandem.core.time.Timer;
import io.tandem.core.voicemail.VoicemailIntake;
import io.tandem.graph.calls.CommsOperation;
import io.tandem.graph.client.GraphException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A caller's voicemail on a Graph call: {@code recordResponse} (a beep, then the caller until
 * {@value #MAX_SILENCE_SECONDS} s of silence, {@code #} or the maximum length, Graph's limit being
 * 120 s), then, on the {@code recordOperation}'s completion, its audio fetched from {@code
 * recordingLocation} with {@code recordingAccessToken} and handed to the tenant's {@link
 * VoicemailIntake}, the interaction ended {@code voicemail} and the call hung up. A flow's greeting
 * has played before (the flow plays it, then sends the caller here).
 *
 * <p>If the caller hangs up while recording, what Graph delivers within {@link #DELIVERY_GRACE} (a
 * completion with a recording) is still kept; otherwise the interaction ends without a message. A
 * failed recording (no speech, cancelled) is no message.
 *
 * <p>Stages: {@code IDLE → RECORDING → (CALLER_GONE →) DONE}. Confined to the call's lane.
 */
final class CallerVoicemail {

  /** The {@code clientContext} of the recording. */
  static final String CONTEXT = "voicemail-record";

  static final int INITIAL_SILENCE_SECONDS = 5;
  static final int MAX_SILENCE_SECONDS = 5;
  static final int GRAPH_MAX_SECONDS = 120;

  /** How long a recording's completion is awaited after the caller hung up. */
  static final Duration DELIVERY_GRACE = Duration.ofSeconds(5);

  private static final System.Logger LOG = System.getLogger(CallerVoicemail.class.getName());

  private enum Stage {
    IDLE,
    RECORDING,
    CALLER_GONE,
    DONE
  }

  private final CallerCall call;
  private final ExtendContext context;
  private Stage stage = Stage.IDLE;
  private String mailbox = "";
  private Instant startedAt = Instant.EPOCH;
  private Timer grace = Timer.NONE;

  CallerVoicemail(CallerCall call, ExtendContext context) {
    this.call = call;
    this.context = context;
  }

  /** Whether this bot keeps voicemail (else a caller sent there is hung up). */
  boolean available() {
    return context.voicemail() != null;
  }

  /** Whether the caller is being recorded (or their recording awaited). */
  boolean active() {
    return stage == Stage.RECORDING || stage == Stage.CALLER_GONE;
  }

  /** The caller was sent to {@code box}: the recording starts. */
  void start(String box) {
    VoicemailIntake intake = context.voicemail();
    if (stage != Stage.IDLE || intake == null) {
      return;
    }
    mailbox = box;
    stage = Stage.RECORDING;
    startedAt = context.clock().instant();
    int seconds = Math.min(GRAPH_MAX_SECONDS, intake.limits().maxSeconds());
    try {
      context
          .graph()
          .recordResponse(
              call.callId(), null, seconds, INITIAL_SILENCE_SECONDS, MAX_SILENCE_SECONDS, CONTEXT);
    } catch (GraphException | RuntimeException refused) {
      LOG.log(System.Logger.Level.WARNING, "recordResponse refused on " + call.callId(), refused);
      finish(VoicemailIntake.nothing());
    }
  }

  /** Handles a completed operation if it is this recording. */
  boolean completed(CommsOperation operation) {
    if (!CONTEXT.equals(operation.clientContext())) {
      return false;
    }
    if (!active()) {
      return true;
    }
    grace.cancel();
    VoicemailIntake intake = context.voicemail();
    if (intake == null
        || operation.status() != CommsOperation.Status.COMPLETED
        || !operation.hasRecording()) {
      LOG.log(
          System.Logger.Level.DEBUG,
          "no voicemail recorded on {0}: {1}",
          call.callId(),
          operation.resultInfo());
      finish(VoicemailIntake.nothing());
      return true;
    }
    finish(keep(intake, operation));
    return true;
  }

  /** The caller hung up: a recording Graph still delivers is kept, for a while. */
  void callerLeft() {
    if (stage != Stage.RECORDING) {
      return;
    }
    stage = Stage.CALLER_GONE;
    grace =
        call.after(
            DELIVERY_GRACE,
            () -> {
              if (stage == Stage.CALLER_GONE) {
                finish(VoicemailIntake.nothing());
              }
            });
  }

  private VoicemailIntake.Outcome keep(VoicemailIntake intake, CommsOperation operation) {
    InteractionId id = call.interaction();
    try {
      byte[] wav =
          context
              .graph()
              .recording(
                  URI.create(String.valueOf(operation.recordingLocation())),
                  String.valueOf(operation.recordingAccessToken()));
      return intake.take(
          mailbox,
          id == null ? new InteractionId("unknown") : id,
          call.callerNumber(),
          startedAt,
          wav);
    } catch (GraphException | RuntimeException failed) {
      LOG.log(System.Logger.Level.WARNING, "voicemail of " + call.callId() + " lost", failed);
      return VoicemailIntake.nothing();
    }
  }

  private void finish(VoicemailIntake.Outcome outcome) {
    boolean callerGone = stage == Stage.CALLER_GONE;
    stage = Stage.DONE;
    InteractionId id = call.interaction();
    if (id != null) {
      call.tell(outcome.ending(id));
    }
    if (callerGone) {
      call.end(true);
    } else {
      call.hangUp();
    }
  }

  /** The call is over for the bot: nothing more is awaited. */
  void stop() {
    grace.cancel();
    if (active()) {
      stage = Stage.DONE;
    }
  }

  @Nullable String mailbox() {
    return stage == Stage.IDLE ? null : mailbox;
  }
}
