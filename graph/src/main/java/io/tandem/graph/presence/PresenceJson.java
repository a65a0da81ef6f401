package io.tandem.graph.presence;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads Graph's {@code presence} resource: one object ({@code GET /users/{id}/presence}) or the
 * {@code value} collection of {@code getPresencesByUserId}. Missing or unknown availability and
 * activity become {@code PresenceUnknown}; other fields ({@code statusMessage}, {@code
 * outOfOfficeSettings}, {@code sequenceNumber}) are ignored.
 */
public final class PresenceJson {

  private PresenceJson() {}

  /** The presence in one {@code presence} object. */
  public static TeamsPresence presence(JsonNode presence) {
    return TeamsPresence.fromGraph(
        presence.path("availability").asString(""), presence.path("activity").asString(""));
  }

  /**
   * The presences of a {@code {"value":[presence…]}} collection by {@code id}, in the order Graph
   * sent them; items without an id are skipped.
   */
  public static Map<String, TeamsPresence> collection(JsonNode body) {
    Map<String, TeamsPresence> byId = new LinkedHashMap<>();
    for (JsonNode item : body.path("value")) {
      String id = item.path("id").asString("");
      if (!id.isEmpty()) {
        byId.put(id, presence(item));
      }
    }
    return byId;
  }
}
