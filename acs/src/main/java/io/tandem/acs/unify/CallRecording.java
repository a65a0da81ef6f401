package io.tandem.acs.unify;

import io.tandem.acs.client.AcsException;
import io.tandem.acs.client.RecordingStatus;
import io.tandem.acs.client.StartRecording;
import io.tandem.acs.events.CallEvent;
import io.tandem.core.insight.RecordingState;
import io.tandem.core.interaction.InteractionId;
import org.jspecify.annotations.Nullable;

/**
 * The recording of one caller's call: started when an agent joins (if the settings say so) or on
 * demand, paused and resumed on demand (e.g. while the caller gives card details), and stopped with
 * the call. Every change of state is recorded on the interaction ({@code RecordingChanged}), as ACS
 * reports it ({@code RecordingStateChanged}, {@code StartRecordingFailed}). Confined to the call's
 * lane.
 */
final class CallRecording {

  private static final System.Logger LOG = System.getLogger(CallRecording.class.getName());

  private final CallerConnection call;
  private final UnifyContext context;
  private @Nullable String recordingId;
  private @Nullable RecordingState state;
  private boolean pausing;

  CallRecording(CallerConnection call, UnifyContext context) {
    this.call = call;
    this.context = context;
  }

  /** Starts recording unless it already runs; false if ACS refused. */
  boolean start() {
    if (recordingId != null && state != RecordingState.FAILED && state != RecordingState.STOPPED) {
      return true;
    }
    try {
      RecordingStatus started =
          context
              .acs()
              .startRecording(
                  call.connectionId(), StartRecording.mixedAudio(context.settings().callbackUri()));
      recordingId = started.recordingId();
      report(RecordingState.STARTING, "requested");
      return true;
    } catch (AcsException | RuntimeException refused) {
      LOG.log(System.Logger.Level.WARNING, "recording refused on " + call.connectionId(), refused);
      report(RecordingState.FAILED, "start refused: " + refused.getMessage());
      return false;
    }
  }

  /** Pauses a running recording; false if there is none or ACS refused. */
  boolean pause() {
    return change(true);
  }

  /** Resumes a paused recording; false if there is none or ACS refused. */
  boolean resume() {
    return change(false);
  }

  private boolean change(boolean pause) {
    String id = recordingId;
    if (id == null || state == RecordingState.FAILED || state == RecordingState.STOPPED) {
      return false;
    }
    try {
      if (pause) {
        context.acs().pauseRecording(id);
      } else {
        context.acs().resumeRecording(id);
      }
      pausing = pause;
      return true;
    } catch (AcsException | RuntimeException refused) {
      LOG.log(System.Logger.Level.WARNING, "recording change refused on " + id, refused);
      return false;
    }
  }

  /** ACS reported the recording's state. */
  void update(CallEvent.RecordingUpdate update) {
    if (recordingId == null
        || (update.recordingId() != null && !update.recordingId().equals(recordingId))) {
      return;
    }
    if (update.failed()) {
      report(RecordingState.FAILED, "start failed: " + update.base().result());
    } else if ("active".equalsIgnoreCase(update.state())) {
      report(RecordingState.ACTIVE, "recording");
    } else if ("inactive".equalsIgnoreCase(update.state()) && state != RecordingState.STOPPED) {
      report(pausing ? RecordingState.PAUSED : RecordingState.STOPPED, update.state());
    }
  }

  /** The call is over: a recording that ran is stopped with it. */
  void ended() {
    if (recordingId != null && state != RecordingState.FAILED && state != RecordingState.STOPPED) {
      report(RecordingState.STOPPED, "call ended");
    }
  }

  private void report(RecordingState next, String detail) {
    if (next == state) {
      return;
    }
    state = next;
    String id = recordingId == null ? "" : recordingId;
    InteractionId interaction = call.interaction();
    if (interaction != null) {
      call.tell(tenant -> tenant.insights().recording(interaction, id, next, detail));
    }
  }
}
