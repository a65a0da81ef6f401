package io.tandem.emulator.graph.calls;

import io.tandem.emulator.http.HttpCall;
import io.tandem.emulator.http.HttpProblem;
import io.tandem.emulator.http.HttpReply;
import io.tandem.emulator.http.HttpRoutes;
import io.tandem.emulator.http.Json;
import io.tandem.emulator.journal.Channel;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The control API of the Graph calling service: {@code GET /emulator/graph/calls} lists the calls
 * (live, then the newest ended ones) with state and legs; {@code GET|PUT /emulator/graph/settings}
 * reads and changes {@link GraphCallsSettings} (durations as ISO-8601, e.g. {@code "PT15S"}; a PUT
 * changes only the keys it names). Errors are RFC 9457 problem documents.
 */
final class GraphControlRoutes {

  private final Calls calls;
  private final AtomicReference<GraphCallsSettings> settings;

  GraphControlRoutes(Calls calls, AtomicReference<GraphCallsSettings> settings) {
    this.calls = calls;
    this.settings = settings;
  }

  void register(HttpRoutes routes) {
    routes
        .add(Channel.CONTROL, "GET", "/emulator/graph/calls", call -> HttpReply.json(200, list()))
        .add(
            Channel.CONTROL,
            "GET",
            "/emulator/graph/settings",
            call -> HttpReply.json(200, write(settings.get())))
        .add(Channel.CONTROL, "PUT", "/emulator/graph/settings", this::change);
  }

  private ObjectNode list() {
    ObjectNode page = Json.object();
    var value = page.putArray("value");
    for (GraphCall call : calls.all()) {
      ObjectNode entry = value.addObject();
      synchronized (call) {
        entry.put("id", call.id);
        entry.put("state", call.state.wire());
        entry.put("direction", call.incoming ? "incoming" : "outgoing");
        entry.put("tenantId", call.tenantId);
        entry.put("appId", call.appId);
        entry.put("applicationInstanceId", call.applicationInstanceId);
        entry.put("createdAt", call.createdAt.toString());
        entry.put("callbackUri", call.callbackUri == null ? null : call.callbackUri.toString());
        entry.set("source", call.source.deepCopy());
        entry.set("targets", call.targets.deepCopy());
        entry.set("legs", CallJson.participants(call).deepCopy());
        entry.put("operations", call.operations.size());
        if (call.resultInfo != null) {
          entry.set("resultInfo", call.resultInfo.deepCopy());
        }
        entry.put("notificationsPending", !call.notifications.idle());
      }
    }
    return page;
  }

  private HttpReply change(HttpCall call) {
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(call.body());
    } catch (JacksonException malformed) {
      throw problem("the body is not JSON: " + malformed.getOriginalMessage());
    }
    if (body == null || !body.isObject()) {
      throw problem("the body must be a JSON object of settings");
    }
    ObjectNode merged = write(settings.get());
    for (var field : body.properties()) {
      if (!merged.has(field.getKey())) {
        throw problem("unknown setting " + field.getKey() + "; known: " + merged.propertyNames());
      }
      merged.set(field.getKey(), field.getValue());
    }
    try {
      GraphCallsSettings next = read(merged);
      settings.set(next);
      return HttpReply.json(200, write(next));
    } catch (IllegalArgumentException invalid) {
      throw problem(invalid.getMessage());
    }
  }

  static ObjectNode write(GraphCallsSettings s) {
    ObjectNode json = Json.object();
    json.put("answerDeadline", s.answerDeadline().toString());
    json.put("keepAliveExpiry", s.keepAliveExpiry().toString());
    json.put("promptDuration", s.promptDuration().toString());
    json.put("ringTimeout", s.ringTimeout().toString());
    json.put("pstnAnswerAfter", s.pstnAnswerAfter().toString());
    json.put("maxRecordDuration", s.maxRecordDuration().toString());
    json.put("establishedBeforeEstablishing", s.establishedBeforeEstablishing());
    json.put("notificationAttempts", s.notificationAttempts());
    json.put("retryBackoff", s.retryBackoff().toString());
    json.put("throttleLimit", s.throttleLimit());
    json.put("throttleWindow", s.throttleWindow().toString());
    return json;
  }

  static GraphCallsSettings read(JsonNode json) {
    return new GraphCallsSettings(
        duration(json, "answerDeadline"),
        duration(json, "keepAliveExpiry"),
        duration(json, "promptDuration"),
        duration(json, "ringTimeout"),
        duration(json, "pstnAnswerAfter"),
        duration(json, "maxRecordDuration"),
        bool(json, "establishedBeforeEstablishing"),
        integer(json, "notificationAttempts"),
        duration(json, "retryBackoff"),
        integer(json, "throttleLimit"),
        duration(json, "throttleWindow"));
  }

  private static Duration duration(JsonNode json, String name) {
    JsonNode value = json.path(name);
    if (!value.isString()) {
      throw new IllegalArgumentException(name + " must be an ISO-8601 duration such as \"PT15S\"");
    }
    try {
      return Duration.parse(value.asString());
    } catch (DateTimeParseException malformed) {
      throw new IllegalArgumentException(
          name + " must be an ISO-8601 duration such as \"PT15S\", was " + value.asString());
    }
  }

  private static boolean bool(JsonNode json, String name) {
    JsonNode value = json.path(name);
    if (!value.isBoolean()) {
      throw new IllegalArgumentException(name + " must be true or false");
    }
    return value.asBoolean();
  }

  private static int integer(JsonNode json, String name) {
    JsonNode value = json.path(name);
    if (!value.isInt()) {
      throw new IllegalArgumentException(name + " must be an integer");
    }
    return value.asInt();
  }

  private static HttpProblem problem(String detail) {
    ObjectNode body = Json.object();
    body.put("type", "about:blank");
    body.put("title", "Invalid Graph settings");
    body.put("status", 400);
    body.put("detail", detail);
    return new HttpProblem(
        new HttpReply(400, Map.of("Content-Type", "application/problem+json"), Json.bytes(body)));
  }
}
