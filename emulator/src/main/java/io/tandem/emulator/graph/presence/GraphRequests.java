package io.tandem.emulator.graph.presence;

import io.tandem.emulator.graph.presence.internal.GraphReplies;
import io.tandem.emulator.http.HttpCall;
import io.tandem.emulator.http.HttpReply;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Parsing of Graph request bodies and ids at the edge, refusing in Graph's shape. */
final class GraphRequests {

  private static final Pattern GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final GraphReplies replies;

  GraphRequests(GraphReplies replies) {
    this.replies = replies;
  }

  static boolean isGuid(String id) {
    return GUID.matcher(id).matches();
  }

  /** The body as a JSON object, or Graph's 400 for an unreadable payload. */
  JsonNode object(HttpCall call) {
    JsonNode body =
        call.json(
            detail ->
                replies.error(
                    call,
                    400,
                    "BadRequest",
                    "Unable to read JSON request payload. Please ensure Content-Type header is set"
                        + " and payload is of valid JSON format."));
    if (!body.isObject()) {
      throw replies.badRequest(call, "The request body must be a JSON object.");
    }
    return body;
  }

  /** A required string property. */
  String text(HttpCall call, JsonNode body, String name) {
    String value = optionalText(call, body, name);
    if (value == null || value.isBlank()) {
      throw replies.badRequest(call, "The '" + name + "' property is required.");
    }
    return value;
  }

  @Nullable String optionalText(HttpCall call, JsonNode body, String name) {
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isString()) {
      throw replies.badRequest(call, "The '" + name + "' property must be a string.");
    }
    return node.asString();
  }

  /** An optional ISO 8601 duration, or {@code fallback}. */
  Duration duration(HttpCall call, JsonNode body, String name, Duration fallback) {
    String text = optionalText(call, body, name);
    if (text == null) {
      return fallback;
    }
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException notADuration) {
      throw replies.badRequest(
          call, "The '" + name + "' property is not an ISO 8601 duration: " + text);
    }
  }

  /** The availability/activity pair of {@code body}, which must be one of {@code allowed}. */
  PresenceState pair(
      HttpCall call, JsonNode body, java.util.Set<PresenceState> allowed, String action) {
    String availability = text(call, body, "availability");
    String activity = text(call, body, "activity");
    PresenceState state =
        PresenceState.parse(availability, activity)
            .filter(allowed::contains)
            .orElseThrow(
                () ->
                    replies.badRequest(
                        call,
                        "The combination of availability '"
                            + availability
                            + "' and activity '"
                            + activity
                            + "' is not supported by "
                            + action
                            + ". Supported: "
                            + allowed.stream().map(PresenceState::toString).sorted().toList()
                            + "."));
    return state;
  }

  /** The user id of the path, which must be a GUID. */
  String userId(HttpCall call) {
    String id = call.variable("userId");
    if (!isGuid(id)) {
      throw replies.badRequest(
          call, "'" + id + "' is not a valid user object id; presence needs the user's GUID.");
    }
    return id;
  }

  /** Graph's 404 for a user the tenant does not have. */
  HttpReply noSuchUser(HttpCall call, String userId) {
    return replies.error(
        call,
        404,
        "Request_ResourceNotFound",
        "Resource '"
            + userId
            + "' does not exist or one of its queried reference-property objects are not present.");
  }
}
