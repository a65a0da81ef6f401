package io.tandem.emulator.acs;

import io.tandem.emulator.entra.EntraRoutes;
import io.tandem.emulator.http.HttpReply;
import io.tandem.emulator.http.Json;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Call recording: start (by {@code callConnectionId}, the Teams Phone extensibility way, or by a
 * {@code serverCallLocator}), get, pause, resume and stop. Every change of state is reported as
 * RecordingStateChanged ({@code active}/{@code inactive}) to {@code recordingStateCallbackUri}, or
 * the call's callback URI when none was given. A recording stops when its call ends. What the
 * caller says while it records (not while paused) is in its audio; when it stops, its file goes to
 * {@link RecordingFiles}. A start can be made to fail with StartRecordingFailed ({@link
 * RecordingStartFaults}).
 */
final class RecordingRoutes {

  /**
   * One recording: whether it records now, how long it has recorded (paused spans left out), and
   * when the caller talked in it.
   */
  private static final class Recording implements CallerListener {
    final String id;
    final AcsCall call;
    final @Nullable URI stateCallback;
    final Instant started;
    final String baseUrl;
    final List<RecordedAudio.Speech> speech = new ArrayList<>();
    boolean active;
    @Nullable Instant activeSince;
    Duration recorded = Duration.ZERO;

    Recording(
        String id, AcsCall call, @Nullable URI stateCallback, Instant started, String baseUrl) {
      this.id = id;
      this.call = call;
      this.stateCallback = stateCallback;
      this.started = started;
      this.baseUrl = baseUrl;
    }

    /** How long it has recorded by {@code now}. */
    synchronized Duration length(Instant now) {
      return activeSince == null ? recorded : recorded.plus(Duration.between(activeSince, now));
    }

    @Override
    public void said(String text) {
      synchronized (this) {
        if (!active) {
          return;
        }
        Duration from = length(call.scheduler().now());
        speech.add(new RecordedAudio.Speech(from, from.plus(RecordedAudio.saying(text))));
      }
    }
  }

  private final Calls calls;
  private final Journal journal;
  private final RecordingFiles files;
  private final RecordingStartFaults faults;
  private final Map<String, Recording> recordings = new ConcurrentHashMap<>();

  RecordingRoutes(Calls calls, Journal journal, RecordingFiles files, RecordingStartFaults faults) {
    this.calls = calls;
    this.journal = journal;
    this.files = files;
    this.faults = faults;
  }

  /** The files of finished recordings. */
  RecordingFiles files() {
    return files;
  }

  HttpReply start(AcsRequest request) {
    RequestBody body = request.body();
    AcsCall call = call(request, body);
    call.requireConnected("StartRecording");
    body.oneOf("recordingContentType", "audio", "audio", "audioVideo");
    body.oneOf("recordingChannelType", "mixed", "mixed", "unmixed");
    body.oneOf("recordingFormatType", "wav", "wav", "mp3", "mp4");
    for (RequestBody affinity : body.optionalArray("channelAffinity")) {
      affinity.integer("channel", 0, 4, 0);
      CommunicationIdentifier.parse(affinity.object("participant"));
    }
    RequestBody storage = body.optionalObject("externalStorage");
    if (storage != null
        && storage.oneOf(
                "recordingStorageKind", null, "AzureCommunicationServices", "AzureBlobStorage")
            == null) {
      throw AcsErrors.badRequest(
          "externalStorage.recordingStorageKind",
          "The externalStorage.recordingStorageKind field is required.");
    }
    String id =
        Base64.getEncoder()
            .encodeToString(
                ("{\"PlatformEndpointId\":\""
                        + UUID.randomUUID()
                        + "\",\"ResourceSpecificId\":\""
                        + call.id()
                        + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
    java.util.Optional<ResultInformation> fault = faults.take(call.id());
    if (fault.isPresent()) {
      return failToStart(call, id, body.optionalUri("recordingStateCallbackUri"), fault.get());
    }
    Recording recording =
        new Recording(
            id,
            call,
            body.optionalUri("recordingStateCallbackUri"),
            call.scheduler().now(),
            EntraRoutes.baseUrl(request.http()));
    recordings.put(id, recording);
    call.listenToCaller(recording);
    call.whenDisconnected(
        () -> {
          if (recordings.remove(id) != null) {
            change(recording, false);
            finish(recording, "CallEnded");
          }
        });
    journal.event(Channel.ACS, "recording.started", call.id(), Map.of("recordingId", id));
    ObjectNode reply = describe(recording);
    if (!body.bool("pauseOnStart", false)) {
      change(recording, true);
    }
    return HttpReply.json(200, reply);
  }

  /**
   * An armed fault ({@link RecordingStartFaults}) meets this start: the request is taken (200, the
   * recording inactive), no recording exists, and StartRecordingFailed goes to the state callback
   * or the call's callback.
   */
  private HttpReply failToStart(
      AcsCall call, String id, @Nullable URI stateCallback, ResultInformation result) {
    journal.event(
        Channel.ACS,
        "recording.startFailed",
        call.id(),
        Map.of("recordingId", id, "code", Integer.toString(result.code())));
    call.emit(
        "StartRecordingFailed", stateCallback, null, result, data -> data.put("recordingId", id));
    return HttpReply.json(
        200,
        Json.object()
            .put("recordingId", id)
            .put("recordingState", "inactive")
            .put("recordingKind", "AzureCommunicationServices"));
  }

  HttpReply get(AcsRequest request) {
    return HttpReply.json(200, describe(recording(request)));
  }

  HttpReply pause(AcsRequest request) {
    change(recording(request), false);
    return HttpReply.empty(202);
  }

  HttpReply resume(AcsRequest request) {
    change(recording(request), true);
    return HttpReply.empty(202);
  }

  HttpReply stop(AcsRequest request) {
    Recording recording = recording(request);
    recordings.remove(recording.id);
    change(recording, false);
    finish(recording, "StoppedByApplication");
    journal.event(
        Channel.ACS, "recording.stopped", recording.call.id(), Map.of("recordingId", recording.id));
    return HttpReply.empty(204);
  }

  /** The session is over: its file is written and announced. */
  private void finish(Recording recording, String reason) {
    recording.call.removeCallerListener(recording);
    Duration length;
    List<RecordedAudio.Speech> speech;
    synchronized (recording) {
      length = recording.length(recording.call.scheduler().now());
      speech = List.copyOf(recording.speech);
    }
    files.finished(
        new RecordingFiles.Session(
            recording.call,
            recording.baseUrl,
            recording.started,
            length,
            RecordedAudio.wav(length, speech),
            reason));
  }

  private void change(Recording recording, boolean active) {
    synchronized (recording) {
      if (recording.active == active) {
        return;
      }
      Instant now = recording.call.scheduler().now();
      if (active) {
        recording.activeSince = now;
      } else if (recording.activeSince != null) {
        recording.recorded = recording.recorded.plus(Duration.between(recording.activeSince, now));
        recording.activeSince = null;
      }
      recording.active = active;
    }
    recording.call.emit(
        "RecordingStateChanged",
        recording.stateCallback,
        null,
        null,
        data -> {
          data.put("recordingId", recording.id);
          data.put("state", active ? "active" : "inactive");
          data.put("startDateTime", recording.started.toString());
          data.put("recordingKind", "AzureCommunicationServices");
        });
  }

  private static ObjectNode describe(Recording recording) {
    synchronized (recording) {
      return Json.object()
          .put("recordingId", recording.id)
          .put("recordingState", recording.active ? "active" : "inactive")
          .put("recordingKind", "AzureCommunicationServices");
    }
  }

  private Recording recording(AcsRequest request) {
    String id = request.variable("recordingId");
    Recording recording = recordings.get(id);
    if (recording == null || !recording.call.resource().id().equals(request.resource().id())) {
      throw AcsErrors.notFound("Recording " + id + " was not found.");
    }
    return recording;
  }

  private AcsCall call(AcsRequest request, RequestBody body) {
    String connectionId = body.optionalText("callConnectionId");
    if (connectionId != null) {
      return calls.connection(request, connectionId);
    }
    RequestBody locator = body.optionalObject("callLocator");
    if (locator == null) {
      throw AcsErrors.badRequest(
          "callLocator", "Either callLocator or callConnectionId is required.");
    }
    locator.oneOf(
        "kind", "serverCallLocator", "serverCallLocator", "groupCallLocator", "roomCallLocator");
    String serverCallId = locator.text("serverCallId");
    return calls.byServerCallId(request, serverCallId);
  }
}
