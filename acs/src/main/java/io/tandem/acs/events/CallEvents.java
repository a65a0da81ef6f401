package io.tandem.acs.events;

import io.tandem.acs.client.Tone;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Parses a mid-call callback body: an array of CloudEvents 1.0 whose {@code type} is {@code
 * Microsoft.Communication.<event>} (MICROSOFT-CONTRACTS §3.4). Events of other types are skipped.
 */
public final class CallEvents {

  private static final String PREFIX = "Microsoft.Communication.";

  private CallEvents() {}

  /**
   * @throws IllegalArgumentException if the body is not an array of CloudEvents, or an event lacks
   *     its id or call connection id (the message names the field)
   */
  public static List<CallEvent> parse(byte[] body) {
    JsonNode events = Json.array(body);
    List<CallEvent> parsed = new ArrayList<>();
    int index = 0;
    for (JsonNode event : events) {
      String path = "[" + index++ + "].";
      if (!event.isObject()) {
        throw new IllegalArgumentException(path + " is not a CloudEvent object");
      }
      String type = event.path("type").asString("");
      if (!type.startsWith(PREFIX)) {
        continue;
      }
      parsed.add(event(type.substring(PREFIX.length()), event, path));
    }
    return parsed;
  }

  private static CallEvent event(String type, JsonNode event, String path) {
    JsonNode data = event.path("data");
    if (!data.isObject()) {
      throw new IllegalArgumentException(path + "data is required");
    }
    boolean recording = type.equals("RecordingStateChanged") || type.equals("StartRecordingFailed");
    EventBase base = base(event, data, path, recording);
    return switch (type) {
      case "CallConnected" -> new CallEvent.CallConnected(base);
      case "CallDisconnected" -> new CallEvent.CallDisconnected(base);
      case "AnswerFailed", "CreateCallFailed", "ConnectFailed" ->
          new CallEvent.ConnectionFailed(base, type);
      case "CallTransferAccepted" ->
          new CallEvent.TransferAccepted(
              base, rawId(data.path("transferTarget")), rawId(data.path("transferee")));
      case "CallTransferFailed" -> new CallEvent.TransferFailed(base);
      case "ParticipantsUpdated" ->
          new CallEvent.ParticipantsUpdated(
              base, data.path("sequenceNumber").asLong(0), participants(data.path("participants")));
      case "AddParticipantSucceeded" ->
          new CallEvent.AddParticipantSucceeded(base, rawId(data.path("participant")));
      case "AddParticipantFailed" ->
          new CallEvent.AddParticipantFailed(base, rawId(data.path("participant")));
      case "RemoveParticipantSucceeded", "RemoveParticipantFailed" ->
          new CallEvent.RemoveParticipantResult(
              base, rawId(data.path("participant")), type.endsWith("Succeeded"));
      case "CancelAddParticipantSucceeded", "CancelAddParticipantFailed" ->
          new CallEvent.CancelAddParticipantResult(
              base, Json.optional(data, "invitationId"), type.endsWith("Succeeded"));
      case "PlayStarted" -> new CallEvent.PlayUpdate(base, MediaOutcome.STARTED);
      case "PlayCompleted" -> new CallEvent.PlayUpdate(base, MediaOutcome.COMPLETED);
      case "PlayFailed" -> new CallEvent.PlayUpdate(base, MediaOutcome.FAILED);
      case "PlayCanceled" -> new CallEvent.PlayUpdate(base, MediaOutcome.CANCELED);
      case "RecognizeCompleted" -> recognized(base, data);
      case "RecognizeFailed" -> new CallEvent.RecognizeFailed(base);
      case "RecognizeCanceled" -> new CallEvent.RecognizeCanceled(base);
      case "ContinuousDtmfRecognitionToneReceived" ->
          new CallEvent.ToneReceived(
              base, data.path("sequenceId").asLong(0), key(data.path("tone").asString("")));
      case "RecordingStateChanged" ->
          new CallEvent.RecordingUpdate(
              base,
              Json.optional(data, "recordingId"),
              data.path("state").asString("unknown"),
              false);
      case "StartRecordingFailed" ->
          new CallEvent.RecordingUpdate(base, Json.optional(data, "recordingId"), "failed", true);
      default -> stream(base, type, data);
    };
  }

  private static CallEvent stream(EventBase base, String type, JsonNode data) {
    JsonNode update =
        type.startsWith("Transcription")
            ? data.path("transcriptionUpdate")
            : type.startsWith("MediaStreaming") ? data.path("mediaStreamingUpdate") : null;
    if (update == null) {
      return new CallEvent.Other(base, type);
    }
    String status =
        update.has("transcriptionStatus")
            ? update.path("transcriptionStatus").asString("")
            : update.path("mediaStreamingStatus").asString("");
    String details =
        update.has("transcriptionStatusDetails")
            ? update.path("transcriptionStatusDetails").asString("")
            : update.path("mediaStreamingStatusDetails").asString("");
    return new CallEvent.StreamUpdate(base, type, status, details);
  }

  private static CallEvent recognized(EventBase base, JsonNode data) {
    StringBuilder keys = new StringBuilder();
    for (JsonNode tone : data.path("dtmfResult").path("tones")) {
      keys.append(key(tone.asString("")));
    }
    JsonNode choice = data.path("choiceResult");
    String speech = Json.optional(data.path("speechResult"), "speech");
    return new CallEvent.RecognizeCompleted(
        base,
        data.path("recognitionType").asString(""),
        keys.toString(),
        Json.optional(choice, "label"),
        speech != null ? speech : Json.optional(choice, "recognizedPhrase"));
  }

  /** The key of a wire tone name ({@code five} → {@code 5}); an unknown name stays as it is. */
  static String key(String tone) {
    try {
      return String.valueOf(Tone.fromWire(tone).key());
    } catch (IllegalArgumentException unknown) {
      return tone;
    }
  }

  private static EventBase base(JsonNode event, JsonNode data, String path, boolean recording) {
    String connection = Json.optional(data, "callConnectionId");
    if ((connection == null || connection.isBlank()) && !recording) {
      throw new IllegalArgumentException(path + "data.callConnectionId is required");
    }
    return new EventBase(
        Json.required(event, "id", path),
        connection == null ? "" : connection,
        Json.optional(data, "serverCallId"),
        Json.optional(data, "correlationId"),
        Json.optional(data, "operationContext"),
        ResultInformation.from(data.path("resultInformation")),
        time(Json.optional(event, "time")));
  }

  private static @Nullable Instant time(@Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException unreadable) {
      return null;
    }
  }

  private static List<Participant> participants(JsonNode list) {
    List<Participant> participants = new ArrayList<>();
    for (JsonNode entry : list) {
      String raw = rawId(entry.path("identifier"));
      if (raw != null) {
        participants.add(
            new Participant(
                raw,
                entry.path("isMuted").asBoolean(false),
                entry.path("isOnHold").asBoolean(false)));
      }
    }
    return participants;
  }

  private static @Nullable String rawId(JsonNode identifier) {
    if (!identifier.isObject()) {
      return null;
    }
    String raw = Json.optional(identifier, "rawId");
    if (raw != null && !raw.isBlank()) {
      return raw;
    }
    String phone = Json.optional(identifier.path("phoneNumber"), "value");
    return phone == null ? null : "4:" + phone;
  }
}
