package io.tandem.emulator.acs;

import io.tandem.emulator.http.HttpReply;
import io.tandem.emulator.http.Json;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Call recording: start (by {@code callConnectionId}, the Teams Phone extensibility way, or by a
 * {@code serverCallLocator}), get, pause, resume and stop. Every change of state is reported as
 * RecordingStateChanged ({@code active}/{@code inactive}) to {@code recordingStateCallbackUri}, or
 * the call's callback URI when none was given. A recording stops when its call ends.
 */
final class RecordingRoutes {

  /** One recording and whether it records now. */
  private static final class Recording {
    final String id;
    final AcsCall call;
    final @Nullable URI stateCallback;
    final Instant started;
    boolean active;

    Recording(String id, AcsCall call, @Nullable URI stateCallback, Instant started) {
      this.id = id;
      this.call = call;
      this.stateCallback = stateCallback;
      this.started = started;
    }
  }

  private final Calls calls;
  private final Journal journal;
  private final Map<String, Recording> recordings = new ConcurrentHashMap<>();

  RecordingRoutes(Calls calls, Journal journal) {
    this.calls = calls;
    this.journal = journal;
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
    Recording recording =
        new Recording(
            id, call, body.optionalUri("recordingStateCallbackUri"), call.scheduler().now());
    recordings.put(id, recording);
    call.whenDisconnected(
        () -> {
          if (recordings.remove(id) != null) {
            change(recording, false);
          }
        });
    journal.event(Channel.ACS, "recording.started", call.id(), Map.of("recordingId", id));
    ObjectNode reply = describe(recording);
    if (!body.bool("pauseOnStart", false)) {
      change(recording, true);
    }
    return HttpReply.json(200, reply);
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
    journal.event(
        Channel.ACS, "recording.stopped", recording.call.id(), Map.of("recordingId", recording.id));
    return HttpReply.empty(204);
  }

  private void change(Recording recording, boolean active) {
    synchronized (recording) {
      if (recording.active == active) {
        return;
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
