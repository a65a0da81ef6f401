package io.tandem.emulator.acs;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code mediaStreamingUpdate} or {@code transcriptionUpdate} object of a streaming callback:
 * status and status details (and, for media, the content type).
 */
record StreamingUpdate(
    String object,
    String statusField,
    String status,
    String detailsField,
    String details,
    @Nullable String contentType) {

  static StreamingUpdate media(String status, String details) {
    return new StreamingUpdate(
        "mediaStreamingUpdate",
        "mediaStreamingStatus",
        status,
        "mediaStreamingStatusDetails",
        details,
        "Audio");
  }

  static StreamingUpdate transcription(String status, String details) {
    return new StreamingUpdate(
        "transcriptionUpdate",
        "transcriptionStatus",
        status,
        "transcriptionStatusDetails",
        details,
        null);
  }

  void writeTo(ObjectNode data) {
    ObjectNode update = data.putObject(object);
    if (contentType != null) {
      update.put("contentType", contentType);
    }
    update.put(statusField, status);
    update.put(detailsField, details);
  }
}
