package io.tandem.acs.events;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code Microsoft.Communication.RecordingFileStatusUpdated} events into {@link
 * RecordingFileReady}.
 */
final class RecordingFiles {

  private static final String SERVER_CALL = "/serverCallId/";

  private RecordingFiles() {}

  /**
   * @throws IllegalArgumentException if the event lacks its server call id, a chunk its document id
   *     or an absolute content location
   */
  static RecordingFileReady parse(JsonNode event, String path) {
    JsonNode data = event.path("data");
    String subject = Json.required(event, "subject", path);
    int at = subject.indexOf(SERVER_CALL);
    if (at < 0 || at + SERVER_CALL.length() >= subject.length()) {
      throw new IllegalArgumentException(path + "subject names no serverCallId: " + subject);
    }
    String serverCallId = subject.substring(at + SERVER_CALL.length()).split("/", 2)[0];
    List<RecordingFileReady.Chunk> chunks = new ArrayList<>();
    int index = 0;
    for (JsonNode chunk : data.path("recordingStorageInfo").path("recordingChunks")) {
      String chunkPath = path + "data.recordingStorageInfo.recordingChunks[" + index++ + "].";
      URI content = absolute(Json.required(chunk, "contentLocation", chunkPath), chunkPath);
      String delete = Json.optional(chunk, "deleteLocation");
      chunks.add(
          new RecordingFileReady.Chunk(
              Json.required(chunk, "documentId", chunkPath),
              chunk.path("index").asInt(0),
              content,
              delete == null ? null : absolute(delete, chunkPath)));
    }
    chunks.sort(Comparator.comparingInt(RecordingFileReady.Chunk::index));
    return new RecordingFileReady(
        Json.required(event, "id", path),
        serverCallId,
        Json.optional(data, "recordingStartTime"),
        data.path("recordingDurationMs").asLong(-1),
        Json.optional(data, "sessionEndReason"),
        chunks);
  }

  private static URI absolute(String location, String path) {
    try {
      URI uri = URI.create(location);
      if (uri.isAbsolute()) {
        return uri;
      }
    } catch (IllegalArgumentException malformed) {
      // reported below
    }
    throw new IllegalArgumentException(path + " location is no absolute URL: " + location);
  }
}
