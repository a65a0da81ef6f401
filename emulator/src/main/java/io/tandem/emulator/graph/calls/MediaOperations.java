package io.tandem.emulator.graph.calls;

import io.tandem.emulator.http.Json;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import io.tandem.emulator.pstn.CallerScript;
import io.tandem.emulator.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Service-hosted media, played logically: prompts "play" for their length one after another,
 * recordings end with the caller's scripted talk or the maximum duration, tones reach a subscribed
 * bot, DTMF and mute complete at once. Each action answers with its operation ({@code running} or
 * {@code completed}); completion comes as a {@code deleted} notification on the operation.
 */
final class MediaOperations {

  /** Media plays when the call's media is free: the end of the last queued prompt or recording. */
  private final Map<String, Instant> mediaFreeAt = new java.util.concurrent.ConcurrentHashMap<>();

  private final BotNotifier notifier;
  private final PromptLibrary prompts;
  private final Recordings recordings;
  private final Scheduler scheduler;
  private final Journal journal;
  private final Supplier<GraphCallsSettings> settings;

  MediaOperations(
      BotNotifier notifier,
      PromptLibrary prompts,
      Recordings recordings,
      Scheduler scheduler,
      Journal journal,
      Supplier<GraphCallsSettings> settings) {
    this.notifier = notifier;
    this.prompts = prompts;
    this.recordings = recordings;
    this.scheduler = scheduler;
    this.journal = journal;
    this.settings = settings;
  }

  /** playPrompt: the prompts play in turn; the operation completes when the last one ends. */
  CommsOperation playPrompt(GraphCall call, List<String> uris, @Nullable String clientContext) {
    PlayList list = fetch(call, uris);
    synchronized (call) {
      requireMedia(call, "playPrompt");
      CommsOperation operation = start(call, "playPromptOperation", clientContext);
      if (list.failure != null) {
        finish(call, operation, list.failure);
        return operation;
      }
      Duration until = queueMedia(call, list.length);
      later(call, operation, until, () -> finish(call, operation, ResultInfos.completed()));
      return operation;
    }
  }

  /**
   * recordResponse: the prompt plays, then the recording runs as {@link Recording} works it out
   * from the caller's script; when it ends the operation carries {@code recordingLocation} and
   * {@code recordingAccessToken} (both null while it runs, empty when it failed).
   */
  CommsOperation recordResponse(GraphCall call, RecordOptions options, String baseUrl) {
    PlayList list = fetch(call, options.prompts());
    synchronized (call) {
      requireMedia(call, "recordResponse");
      CommsOperation operation = start(call, "recordOperation", options.clientContext());
      operation.extra.putNull("recordingLocation");
      operation.extra.putNull("recordingAccessToken");
      if (list.failure != null) {
        failRecording(call, operation, list.failure, "playPromptFailed");
        return operation;
      }
      Duration promptsEnd = queueMedia(call, list.length);
      List<CallerScript.TimedUtterance> script =
          call.remote instanceof PstnCaller caller ? caller.script().utterances() : List.of();
      Duration startsAfterAnswer =
          call.connectedAt == null
              ? Duration.ZERO
              : Duration.between(call.connectedAt, scheduler.now()).plus(promptsEnd);
      Recording recording = Recording.of(script, startsAfterAnswer, options);
      Duration until = queueMedia(call, recording.length());
      later(
          call,
          operation,
          until,
          () -> {
            recording
                .said()
                .forEach(
                    text ->
                        journal.event(Channel.WORLD, "caller.said", call.id, Map.of("text", text)));
            if (recording.captured()) {
              recordings.store(call.id, recording, baseUrl, operation);
              operation.extra.put("completionReason", recording.completionReason());
              finish(call, operation, recording.result());
            } else {
              failRecording(call, operation, recording.result(), recording.completionReason());
            }
          });
      return operation;
    }
  }

  /** cancelMediaProcessing: every running prompt and recording fails as cancelled. */
  CommsOperation cancelMediaProcessing(GraphCall call, @Nullable String clientContext) {
    synchronized (call) {
      requireMedia(call, "cancelMediaProcessing");
      for (CommsOperation running : List.copyOf(call.operations.values())) {
        if (running.running()
            && (running.type.equals("playPromptOperation")
                || running.type.equals("recordOperation"))) {
          if (running.type.equals("recordOperation")) {
            failRecording(call, running, ResultInfos.cancelled(), "operationCanceled");
          } else {
            finish(call, running, ResultInfos.cancelled());
          }
        }
      }
      mediaFreeAt.remove(call.id);
      return completedAtOnce(call, "cancelMediaProcessingOperation", clientContext);
    }
  }

  /** subscribeToTone: from now on the caller's digits reach the bot as toneInfo. */
  CommsOperation subscribeToTone(GraphCall call, @Nullable String clientContext) {
    synchronized (call) {
      requireMedia(call, "subscribeToTone");
      call.toneSubscribed = true;
      return completedAtOnce(call, "subscribeToToneOperation", clientContext);
    }
  }

  /** sendDtmfTones: the tones are journaled as heard by the other side. */
  CommsOperation sendDtmfTones(GraphCall call, List<String> tones, @Nullable String clientContext) {
    synchronized (call) {
      requireMedia(call, "sendDtmfTones");
      journal.event(
          Channel.WORLD, "remote.heardDtmf", call.id, Map.of("tones", String.join(",", tones)));
      return completedAtOnce(call, "sendDtmfTonesOperation", clientContext);
    }
  }

  /** mute/unmute of the bot itself. */
  CommsOperation mute(GraphCall call, boolean mute, @Nullable String clientContext) {
    synchronized (call) {
      requireMedia(call, mute ? "mute" : "unmute");
      call.muted = mute;
      ObjectNode self = call.participants.get(call.myParticipantId);
      if (self != null) {
        self.put("isMuted", mute);
      }
      notifier.rosterChanged(call);
      return completedAtOnce(
          call, mute ? "muteParticipantOperation" : "unmuteParticipantOperation", clientContext);
    }
  }

  /** updateRecordingStatus: the bot's recording status shows on its participant. */
  CommsOperation updateRecordingStatus(
      GraphCall call, String status, @Nullable String clientContext) {
    synchronized (call) {
      requireMedia(call, "updateRecordingStatus");
      ObjectNode self = call.participants.get(call.myParticipantId);
      if (self != null) {
        ObjectNode info = self.putObject("recordingInfo");
        info.put("@odata.type", "#microsoft.graph.recordingInfo");
        info.put("recordingStatus", status);
      }
      notifier.rosterChanged(call);
      return completedAtOnce(call, "updateRecordingStatusOperation", clientContext);
    }
  }

  /** The caller pressed {@code digit}: a tone notification if the bot subscribed. */
  void tone(GraphCall call, char digit) {
    synchronized (call) {
      if (!call.live() || !call.toneSubscribed) {
        journal.event(
            Channel.GRAPH, "tone.notSubscribed", call.id, Map.of("digit", String.valueOf(digit)));
        return;
      }
      ObjectNode toneInfo = Json.object();
      toneInfo.put("@odata.type", "#microsoft.graph.toneInfo");
      toneInfo.put("sequenceId", ++call.toneSequence);
      toneInfo.put("tone", Tones.toWire(digit));
      call.toneInfo = toneInfo;
      call.etag++;
      notifier.callUpdated(call, CallJson.header(call).set("toneInfo", toneInfo));
    }
  }

  /** Forgets the media queue of an ended call; its recordings go a while later. */
  void forget(GraphCall call) {
    mediaFreeAt.remove(call.id);
    recordings.callEnded(call.id);
  }

  private record PlayList(Duration length, @Nullable ObjectNode failure) {}

  private PlayList fetch(GraphCall call, List<String> uris) {
    Duration total = Duration.ZERO;
    for (String uri : uris) {
      PromptLibrary.Prompt prompt = prompts.prompt(uri, call.id, settings.get().promptDuration());
      if (prompt.failure() != null) {
        return new PlayList(total, ResultInfos.promptUnavailable(uri, prompt.failure()));
      }
      total = total.plus(prompt.length());
    }
    return new PlayList(total, null);
  }

  private Duration queueMedia(GraphCall call, Duration length) {
    Instant now = scheduler.now();
    Instant free = mediaFreeAt.getOrDefault(call.id, now);
    Instant start = free.isAfter(now) ? free : now;
    Instant end = start.plus(length);
    mediaFreeAt.put(call.id, end);
    return Duration.between(now, end);
  }

  private CommsOperation start(GraphCall call, String type, @Nullable String clientContext) {
    CommsOperation operation =
        new CommsOperation(UUID.randomUUID().toString(), type, clientContext);
    call.operations.put(operation.id, operation);
    return operation;
  }

  private CommsOperation completedAtOnce(
      GraphCall call, String type, @Nullable String clientContext) {
    CommsOperation operation = start(call, type, clientContext);
    operation.finish(ResultInfos.completed());
    return operation;
  }

  private void finish(GraphCall call, CommsOperation operation, ObjectNode result) {
    if (!operation.running() || !call.live()) {
      return;
    }
    operation.finish(result);
    notifier.operationDone(call, operation);
  }

  private void failRecording(
      GraphCall call, CommsOperation operation, ObjectNode result, String completionReason) {
    operation.extra.put("recordingLocation", "");
    operation.extra.put("recordingAccessToken", "");
    operation.extra.put("completionReason", completionReason);
    finish(call, operation, result);
  }

  private void later(GraphCall call, CommsOperation operation, Duration delay, Runnable done) {
    call.timers.add(
        scheduler.schedule(
            delay,
            () -> {
              synchronized (call) {
                if (operation.running()) {
                  done.run();
                }
              }
            }));
  }

  private static void requireMedia(GraphCall call, String action) {
    if (!call.state.carriesMedia()) {
      throw new IllegalCallStateException(call.id, call.state, action);
    }
  }
}
