package io.tandem.emulator.acs;

import io.tandem.emulator.http.HttpReply;
import io.tandem.emulator.http.Json;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import io.tandem.emulator.time.Scheduler;
import io.tandem.emulator.world.AcsResource;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.node.ObjectNode;

/**
 * The files of finished recordings, as ACS keeps them in its own storage: when a recording session
 * ends (stopped, or its call ended) its file is written and, {@link #READY_AFTER} later, announced
 * by Event Grid as {@code Microsoft.Communication.RecordingFileStatusUpdated} (subject {@code
 * /recording/call/{correlationId}/serverCallId/{serverCallId}}, one chunk with its {@code
 * contentLocation}, {@code metadataLocation} and {@code deleteLocation}). The file is downloaded
 * with {@code GET /v1/objects/{documentId}/content/audio}, authenticated as any Call Automation
 * request of the resource that recorded it (the SDK signs the download with the resource's key),
 * and deleted with {@code DELETE /v1/objects/{documentId}}; another resource's or an unknown file
 * is 404. Files are kept for {@link #RETENTION} (ACS keeps them 24 hours).
 */
final class RecordingFiles {

  static final Duration READY_AFTER = Duration.ofMillis(500);
  static final Duration RETENTION = Duration.ofHours(24);
  static final String OBJECTS = "/v1/objects/";

  private record File(AcsResource resource, byte[] wav) {}

  /** A finished session: what the file event says about it. */
  record Session(
      AcsCall call,
      String baseUrl,
      Instant started,
      Duration length,
      byte[] wav,
      String sessionEndReason) {}

  private final EventGrid eventGrid;
  private final Scheduler scheduler;
  private final Journal journal;
  private final Map<String, File> files = new ConcurrentHashMap<>();

  RecordingFiles(EventGrid eventGrid, Scheduler scheduler, Journal journal) {
    this.eventGrid = eventGrid;
    this.scheduler = scheduler;
    this.journal = journal;
  }

  /** Keeps the session's file and announces it shortly. */
  void finished(Session session) {
    String documentId = "0-eus-d12-" + UUID.randomUUID().toString().replace("-", "");
    AcsResource resource = session.call().resource();
    files.put(documentId, new File(resource, session.wav()));
    scheduler.schedule(RETENTION, () -> files.remove(documentId));
    journal.event(
        Channel.ACS,
        "recording.file",
        session.call().id(),
        Map.of("documentId", documentId, "durationMs", Long.toString(session.length().toMillis())));
    ObjectNode event = fileEvent(session, documentId);
    scheduler.schedule(
        READY_AFTER,
        () ->
            eventGrid.deliver(
                resource, session.call().id(), event, () -> files.containsKey(documentId)));
  }

  HttpReply download(AcsRequest request) {
    File file = file(request);
    return new HttpReply(200, Map.of("Content-Type", "audio/wav"), file.wav());
  }

  HttpReply delete(AcsRequest request) {
    file(request);
    files.remove(request.variable("documentId"));
    return HttpReply.empty(200);
  }

  private File file(AcsRequest request) {
    String documentId = request.variable("documentId");
    File file = files.get(documentId);
    if (file == null || !file.resource().id().equals(request.resource().id())) {
      throw AcsErrors.notFound("Recording file " + documentId + " was not found.");
    }
    return file;
  }

  private ObjectNode fileEvent(Session session, String documentId) {
    String objects = session.baseUrl() + OBJECTS + documentId;
    ObjectNode event = Json.object();
    event.put("id", UUID.randomUUID().toString());
    event.put("topic", EventGrid.topic(session.call().resource()));
    event.put(
        "subject",
        "/recording/call/"
            + session.call().correlationId()
            + "/serverCallId/"
            + session.call().serverCallId());
    ObjectNode data = event.putObject("data");
    ObjectNode chunk =
        data.putObject("recordingStorageInfo").putArray("recordingChunks").addObject();
    chunk.put("documentId", documentId);
    chunk.put("index", 0);
    chunk.put("endReason", "SessionEnded");
    chunk.put("contentLocation", objects + "/content/audio");
    chunk.put("metadataLocation", objects + "/content/acsmetadata");
    chunk.put("deleteLocation", objects);
    data.put("recordingStartTime", session.started().toString());
    data.put("recordingDurationMs", session.length().toMillis());
    data.put("recordingContentType", "Audio");
    data.put("recordingChannelType", "Mixed");
    data.put("recordingFormatType", "Wav");
    data.put("sessionEndReason", session.sessionEndReason());
    event.put("eventType", "Microsoft.Communication.RecordingFileStatusUpdated");
    event.put("dataVersion", "1.0");
    event.put("metadataVersion", "1");
    event.put("eventTime", scheduler.now().toString());
    return event;
  }
}
