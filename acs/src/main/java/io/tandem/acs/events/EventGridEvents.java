package io.tandem.acs.events;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Parses an Event Grid delivery to the IncomingCall webhook (MICROSOFT-CONTRACTS §3.3): an array in
 * Event Grid schema ({@code eventType}) or CloudEvents schema ({@code type}), with IncomingCall and
 * RecordingFileStatusUpdated events. A validation event makes the whole delivery a {@link
 * EventGridDelivery.Validation}.
 */
public final class EventGridEvents {

  static final String VALIDATION = "Microsoft.EventGrid.SubscriptionValidationEvent";
  static final String INCOMING_CALL = "Microsoft.Communication.IncomingCall";
  static final String RECORDING_FILE = "Microsoft.Communication.RecordingFileStatusUpdated";

  private EventGridEvents() {}

  /**
   * @throws IllegalArgumentException if the body is not an array of events, or an IncomingCall
   *     event lacks a field the application needs (the message names it)
   */
  public static EventGridDelivery parse(byte[] body) {
    JsonNode events = Json.array(body);
    List<IncomingCall> calls = new ArrayList<>();
    List<RecordingFileReady> files = new ArrayList<>();
    int skipped = 0;
    int index = 0;
    for (JsonNode event : events) {
      String path = "[" + index++ + "].";
      if (!event.isObject()) {
        throw new IllegalArgumentException(path + " is not an event object");
      }
      String type =
          event.has("eventType")
              ? event.path("eventType").asString("")
              : event.path("type").asString("");
      if (VALIDATION.equals(type)) {
        return new EventGridDelivery.Validation(
            Json.required(event.path("data"), "validationCode", path + "data."));
      }
      if (INCOMING_CALL.equals(type)) {
        calls.add(incoming(event, path));
      } else if (RECORDING_FILE.equals(type)) {
        files.add(RecordingFiles.parse(event, path));
      } else {
        skipped++;
      }
    }
    return new EventGridDelivery.Events(calls, files, skipped);
  }

  private static IncomingCall incoming(JsonNode event, String path) {
    JsonNode data = event.path("data");
    String dataPath = path + "data.";
    if (!data.isObject()) {
      throw new IllegalArgumentException(path + "data is required");
    }
    JsonNode context = data.path("customContext");
    return new IncomingCall(
        Json.required(event, "id", path),
        rawId(data.path("to"), dataPath + "to."),
        rawId(data.path("from"), dataPath + "from."),
        Json.optional(data, "callerDisplayName"),
        Json.optional(data, "serverCallId"),
        Json.optional(data, "correlationId"),
        Json.required(data, "incomingCallContext", dataPath),
        Json.strings(context.path("sipHeaders")),
        Json.strings(context.path("voipHeaders")));
  }

  private static String rawId(JsonNode identifier, String path) {
    if (!identifier.isObject()) {
      throw new IllegalArgumentException(path.substring(0, path.length() - 1) + " is required");
    }
    String raw = Json.optional(identifier, "rawId");
    if (raw != null && !raw.isBlank()) {
      return raw;
    }
    String phone = Json.optional(identifier.path("phoneNumber"), "value");
    if (phone != null) {
      return "4:" + phone;
    }
    String user = Json.optional(identifier.path("communicationUser"), "id");
    if (user != null) {
      return user;
    }
    throw new IllegalArgumentException(path + "rawId is required");
  }
}
