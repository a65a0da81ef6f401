package io.tandem.acs.client;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads Call Automation's replies into records; a reply without its required fields is refused. */
final class WireReplies {

  private WireReplies() {}

  static CallConnection connection(JsonNode json) throws AcsException {
    return new CallConnection(
        required(json, "callConnectionId"),
        text(json, "serverCallId"),
        text(json, "correlationId"),
        json.path("callConnectionState").isString()
            ? json.path("callConnectionState").asString()
            : "unknown",
        identifier(json.path("answeredFor")));
  }

  static AddedParticipant added(JsonNode json) {
    return new AddedParticipant(
        identifier(json.path("participant").path("identifier")),
        text(json, "invitationId"),
        text(json, "operationContext"));
  }

  static CallParticipant participant(JsonNode json) throws AcsException {
    Identifier identifier = identifier(json.path("identifier"));
    if (identifier == null) {
      throw malformed("a participant without an identifier");
    }
    return new CallParticipant(
        identifier, json.path("isMuted").asBoolean(false), json.path("isOnHold").asBoolean(false));
  }

  static RecordingStatus recording(JsonNode json) throws AcsException {
    return new RecordingStatus(
        required(json, "recordingId"),
        json.path("recordingState").isString() ? json.path("recordingState").asString() : "unknown",
        text(json, "recordingKind"));
  }

  static @Nullable Identifier identifier(JsonNode json) {
    if (!json.isObject()) {
      return null;
    }
    try {
      return Identifier.fromJson(json);
    } catch (IllegalArgumentException notAnIdentifier) {
      return null;
    }
  }

  static @Nullable String text(JsonNode json, String field) {
    JsonNode value = json.path(field);
    return value.isString() ? value.asString() : null;
  }

  private static String required(JsonNode json, String field) throws AcsException {
    String value = text(json, field);
    if (value == null || value.isEmpty()) {
      throw malformed("a reply without " + field);
    }
    return value;
  }

  static AcsException malformed(String what) {
    return new AcsException(0, "MalformedReply", "ACS sent " + what, null, null, null);
  }
}
