package io.tandem.acs.events;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A recording's file is stored ({@code Microsoft.Communication.RecordingFileStatusUpdated}, Event
 * Grid): which call it recorded (its {@code serverCallId}, from the subject {@code
 * /recording/call/{callId}/serverCallId/{serverCallId}}), when it started, how long it ran, why the
 * session ended, and its chunks.
 *
 * @param eventId the Event Grid event id (a retried delivery repeats it)
 * @param durationMillis {@code recordingDurationMs}, or -1 when absent
 */
public record RecordingFileReady(
    String eventId,
    String serverCallId,
    @Nullable String recordingStartTime,
    long durationMillis,
    @Nullable String sessionEndReason,
    List<Chunk> chunks) {

  public RecordingFileReady {
    chunks = List.copyOf(chunks);
  }

  /** One stored part of the recording, in {@code index} order. */
  public record Chunk(
      String documentId, int index, URI contentLocation, @Nullable URI deleteLocation) {}
}
