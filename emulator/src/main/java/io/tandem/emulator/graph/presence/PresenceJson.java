package io.tandem.emulator.graph.presence;

import io.tandem.emulator.graph.GraphExchange;
import io.tandem.emulator.http.Json;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Graph's {@code presence} resource as JSON, with the {@code @odata.context} each path gets. */
final class PresenceJson {

  private PresenceJson() {}

  /** {@code GET /users/{id}/presence}. */
  static ObjectNode ofUser(PresenceView view) {
    return entity(GraphExchange.METADATA + "users('" + view.userId() + "')/presence/$entity", view);
  }

  /** {@code GET /communications/presences/{id}}. */
  static ObjectNode ofCommunications(PresenceView view) {
    return entity(GraphExchange.METADATA + "communications/presences/$entity", view);
  }

  /** {@code POST /communications/getPresencesByUserId}. */
  static ObjectNode collection(List<PresenceView> views) {
    ObjectNode body = Json.object();
    body.put("@odata.context", GraphExchange.METADATA + "Collection(microsoft.graph.presence)");
    ArrayNode value = body.putArray("value");
    views.forEach(view -> value.add(fields(Json.object(), view)));
    return body;
  }

  /** The presence Graph reports for an id that is no Teams user it knows. */
  static PresenceView unknown(String userId) {
    return new PresenceView(userId, PresenceState.UNKNOWN, null, 0);
  }

  private static ObjectNode entity(String context, PresenceView view) {
    ObjectNode body = Json.object();
    body.put("@odata.context", context);
    return fields(body, view);
  }

  private static ObjectNode fields(ObjectNode body, PresenceView view) {
    body.put("id", view.userId());
    body.put("availability", view.state().availability().name());
    body.put("activity", view.state().activity().name());
    if (view.statusMessage() == null) {
      body.putNull("statusMessage");
    } else {
      body.set("statusMessage", view.statusMessage());
    }
    ObjectNode outOfOffice = body.putObject("outOfOfficeSettings");
    outOfOffice.putNull("message");
    outOfOffice.put("isOutOfOffice", view.state().activity() == Activity.OutOfOffice);
    body.put("sequenceNumber", String.format(Locale.ROOT, "%016X", view.sequence()));
    return body;
  }
}
