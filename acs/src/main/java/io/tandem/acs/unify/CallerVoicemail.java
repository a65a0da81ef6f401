package io.tandem.acs.unify;

import io.tandem.acs.client.AcsException;
import io.tandem.acs.client.RecordingStatus;
import io.tandem.acs.client.StartRecording;
import io.tandem.acs.events.CallEvent;
import io.tandem.acs.events.RecordingFileReady;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.time.Timer;
import io.tandem.core.voicemail.VoicemailIntake;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A caller's voicemail on an ACS call, the way a Call Automation application records one: an
 * audio-only recording of the call (mixed, WAV) started when the caller is sent to voicemail (a
 * flow's greeting has played before), stopped by {@code #}, by the maximum length or by the
 * caller's hang-up; the application then leaves the call. When Event Grid reports the file stored
 * ({@code RecordingFileStatusUpdated}, matched by the call's {@code serverCallId}) it is downloaded
 * and handed to the tenant's {@link VoicemailIntake}, and the interaction ends {@code voicemail},
 * with the message if it is long enough. A recording ACS refuses, or a file not reported within
 * {@link #FILE_WAIT}, is no message.
 *
 * <p>Stages: {@code IDLE → RECORDING → AWAITING_FILE → DONE}. Confined to the call's lane (the file
 * report hops there).
 */
final class CallerVoicemail {

  /** How long the stored file is awaited after the recording ended. */
  static final Duration FILE_WAIT = Duration.ofMinutes(2);

  private static final System.Logger LOG = System.getLogger(CallerVoicemail.class.getName());

  private enum Stage {
    IDLE,
    RECORDING,
    AWAITING_FILE,
    DONE
  }

  private final CallerConnection call;
  private final UnifyContext context;
  private Stage stage = Stage.IDLE;
  private String mailbox = "";
  private @Nullable String recordingId;
  private @Nullable String serverCallId;
  private Instant startedAt = Instant.EPOCH;
  private Timer timer = Timer.NONE;

  CallerVoicemail(CallerConnection call, UnifyContext context) {
    this.call = call;
    this.context = context;
  }

  /** Whether this application keeps voicemail (else a caller sent there is hung up). */
  boolean available() {
    return context.voicemail() != null;
  }

  /** Whether the caller is being recorded. */
  boolean recording() {
    return stage == Stage.RECORDING;
  }

  /** The caller was sent to {@code box}: the recording starts. */
  void start(String box, @Nullable String serverCall) {
    VoicemailIntake intake = context.voicemail();
    if (stage != Stage.IDLE || intake == null) {
      return;
    }
    mailbox = box;
    serverCallId = serverCall;
    startedAt = context.clock().instant();
    if (serverCall == null) {
      LOG.log(System.Logger.Level.WARNING, "no serverCallId on {0}", call.connectionId());
      finish(VoicemailIntake.nothing());
      return;
    }
    try {
      RecordingStatus started =
          context
              .acs()
              .startRecording(
                  call.connectionId(), StartRecording.mixedAudio(context.settings().callbackUri()));
      recordingId = started.recordingId();
    } catch (AcsException | RuntimeException refused) {
      LOG.log(System.Logger.Level.WARNING, "recording refused on " + call.connectionId(), refused);
      finish(VoicemailIntake.nothing());
      return;
    }
    stage = Stage.RECORDING;
    context.registry().awaitFile(serverCall, this);
    timer = call.lane().after(intake.limits().maxLength(), this::stop);
  }

  /** A callback while recording: {@code #} ends the message; a failed start is no message. */
  boolean handled(CallEvent event) {
    if (stage != Stage.RECORDING) {
      return false;
    }
    return switch (event) {
      case CallEvent.ToneReceived tone -> {
        if (tone.key().equals("#")) {
          stop();
        }
        yield true;
      }
      case CallEvent.RecordingUpdate update when update.failed() -> {
        LOG.log(
            System.Logger.Level.WARNING, "voicemail recording failed on {0}", call.connectionId());
        finish(VoicemailIntake.nothing());
        yield true;
      }
      default -> false;
    };
  }

  /** The caller hung up: ACS ends the recording with the call; its file is awaited. */
  void callerLeft() {
    if (stage == Stage.RECORDING) {
      timer.cancel();
      awaitFile();
    }
  }

  /**
   * The application left the call for another reason than this voicemail (the interaction ended or
   * failed meanwhile): a recording still running is no message.
   */
  void callEnded() {
    if (stage == Stage.RECORDING) {
      timer.cancel();
      forgetFile();
      stage = Stage.DONE;
    }
  }

  /** Event Grid reported the file of this call's recording (any thread: hops onto the lane). */
  void fileArrived(RecordingFileReady file) {
    call.lane().execute(() -> fileReady(file));
  }

  private void fileReady(RecordingFileReady file) {
    if (stage != Stage.RECORDING && stage != Stage.AWAITING_FILE) {
      return;
    }
    VoicemailIntake intake = context.voicemail();
    InteractionId id = call.interaction();
    if (intake == null || id == null || file.chunks().isEmpty()) {
      finish(VoicemailIntake.nothing());
      return;
    }
    VoicemailIntake.Outcome outcome;
    try {
      byte[] wav = context.acs().downloadRecording(file.chunks().getFirst().contentLocation());
      outcome =
          intake.take(
              mailbox, id, call.incoming().fromRawId().replaceFirst("^4:", ""), startedAt, wav);
    } catch (AcsException | RuntimeException failed) {
      LOG.log(System.Logger.Level.WARNING, "voicemail of " + id + " lost", failed);
      outcome = VoicemailIntake.nothing();
    }
    finish(outcome);
  }

  private void stop() {
    if (stage != Stage.RECORDING) {
      return;
    }
    timer.cancel();
    String id = recordingId;
    try {
      if (id != null) {
        context.acs().stopRecording(id);
      }
    } catch (AcsException | RuntimeException refused) {
      LOG.log(System.Logger.Level.DEBUG, "stop recording refused on " + id, refused);
    }
    awaitFile();
    call.hangUp();
  }

  private void awaitFile() {
    stage = Stage.AWAITING_FILE;
    timer =
        call.lane()
            .after(
                FILE_WAIT,
                () -> {
                  if (stage == Stage.AWAITING_FILE) {
                    LOG.log(
                        System.Logger.Level.WARNING,
                        "no recording file for {0} within {1}",
                        serverCallId,
                        FILE_WAIT);
                    finish(VoicemailIntake.nothing());
                  }
                });
  }

  private void finish(VoicemailIntake.Outcome outcome) {
    timer.cancel();
    forgetFile();
    stage = Stage.DONE;
    InteractionId id = call.interaction();
    if (id != null) {
      call.tell(outcome.ending(id));
    }
    call.hangUp();
  }

  private void forgetFile() {
    String serverCall = serverCallId;
    if (serverCall != null) {
      context.registry().fileHandled(serverCall, this);
    }
  }
}
