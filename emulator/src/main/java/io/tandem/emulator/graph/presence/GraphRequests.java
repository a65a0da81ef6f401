package io.tandem.emulator.graph.presence;

import io.tandem.emulator.graph.GraphErrors;
import io.tandem.emulator.http.HttpCall;
import io.tandem.emulator.http.HttpProblem;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Parsing of Graph request bodies and ids at the edge, refusing in Graph's shape. */
final class GraphRequests {

  private static final Pattern GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private GraphRequests() {}

  static boolean isGuid(String id) {
    return GUID.matcher(id).matches();
  }

  /** The body as a JSON object, or Graph's 400 for an unreadable payload. */
  static JsonNode object(HttpCall call) {
    JsonNode body =
        call.json(
            detail ->
                GraphErrors.reply(
                    400,
                    "BadRequest",
                    "Unable to read JSON request payload. Please ensure Content-Type header is set"
                        + " and payload is of valid JSON format."));
    if (!body.isObject()) {
      throw GraphErrors.badRequest("The request body must be a JSON object.");
    }
    return body;
  }

  /** A required string property. */
  static String text(JsonNode body, String name) {
    String value = optionalText(body, name);
    if (value == null || value.isBlank()) {
      throw GraphErrors.badRequest("The '" + name + "' property is required.");
    }
    return value;
  }

  static @Nullable String optionalText(JsonNode body, String name) {
    JsonNode node = body.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isString()) {
      throw GraphErrors.badRequest("The '" + name + "' property must be a string.");
    }
    return node.asString();
  }

  /** An optional ISO 8601 duration, or {@code fallback}. */
  static Duration duration(JsonNode body, String name, Duration fallback) {
    String text = optionalText(body, name);
    if (text == null) {
      return fallback;
    }
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException notADuration) {
      throw GraphErrors.badRequest(
          "The '" + name + "' property is not an ISO 8601 duration: " + text);
    }
  }

  /** The availability/activity pair of {@code body}, which must be one of {@code allowed}. */
  static PresenceState pair(JsonNode body, Set<PresenceState> allowed, String action) {
    String availability = text(body, "availability");
    String activity = text(body, "activity");
    return PresenceState.parse(availability, activity)
        .filter(allowed::contains)
        .orElseThrow(
            () ->
                GraphErrors.badRequest(
                    "The combination of availability '"
                        + availability
                        + "' and activity '"
                        + activity
                        + "' is not supported by "
                        + action
                        + ". Supported: "
                        + allowed.stream().map(PresenceState::toString).sorted().toList()
                        + "."));
  }

  /** The user id of the path, which must be a GUID. */
  static String userId(HttpCall call) {
    String id = call.variable("userId");
    if (!isGuid(id)) {
      throw GraphErrors.badRequest(
          "'" + id + "' is not a valid user object id; presence needs the user's GUID.");
    }
    return id;
  }

  /** Graph's 404 for a user the tenant does not have. */
  static HttpProblem noSuchUser(String userId) {
    return GraphErrors.problem(
        404,
        "Request_ResourceNotFound",
        "Resource '"
            + userId
            + "' does not exist or one of its queried reference-property objects are not present.");
  }
}
