package io.tandem.emulator.graph.presence;

import io.tandem.emulator.http.HttpCall;
import io.tandem.emulator.http.HttpProblem;
import io.tandem.emulator.http.HttpReply;
import io.tandem.emulator.http.HttpRoutes;
import io.tandem.emulator.http.Json;
import io.tandem.emulator.journal.Channel;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The presence part of the emulator's control API (RFC 9457 problems on refusal): {@code PUT
 * /emulator/users/{userId}/presence} scripts what a user's own Teams client shows; {@code GET|PUT
 * /emulator/graph/presence/settings} reads and changes {@link PresenceSettings} (a PUT names only
 * the fields it changes).
 */
final class PresenceControlRoutes {

  private static final Set<String> SETTINGS =
      Set.of(
          "throttling",
          "throttleRequests",
          "throttleWindow",
          "validationTimeout",
          "deliveryTimeout",
          "retryInterval",
          "retryFor",
          "maxBatch");

  private final PresenceBoard board;
  private final AtomicReference<PresenceSettings> settings;
  private final Runnable onSettingsChanged;

  PresenceControlRoutes(
      PresenceBoard board, AtomicReference<PresenceSettings> settings, Runnable onSettingsChanged) {
    this.board = board;
    this.settings = settings;
    this.onSettingsChanged = onSettingsChanged;
  }

  void register(HttpRoutes routes) {
    routes
        .add(Channel.CONTROL, "PUT", "/emulator/users/{userId}/presence", this::scriptClient)
        .add(
            Channel.CONTROL,
            "GET",
            "/emulator/graph/presence/settings",
            call -> HttpReply.json(200, json(settings.get())))
        .add(Channel.CONTROL, "PUT", "/emulator/graph/presence/settings", this::changeSettings);
  }

  private HttpReply scriptClient(HttpCall call) {
    JsonNode body = body(call);
    String userId = call.variable("userId");
    PresenceState state =
        PresenceState.parse(
                body.path("availability").asString(""), body.path("activity").asString(""))
            .filter(PresenceState::isClientState)
            .orElseThrow(
                () ->
                    problem(
                        400,
                        "Not a Teams client presence",
                        "availability/activity "
                            + body.path("availability").asString("?")
                            + "/"
                            + body.path("activity").asString("?")
                            + " is not a state a Teams client shows"));
    return board
        .scriptClient(userId, state)
        .map(
            view ->
                HttpReply.json(
                    200, PresenceJson.collection(java.util.List.of(view)).path("value").get(0)))
        .orElseThrow(() -> problem(404, "No such user", "no Teams user with id " + userId));
  }

  private HttpReply changeSettings(HttpCall call) {
    JsonNode body = body(call);
    body.propertyNames()
        .forEach(
            name -> {
              if (!SETTINGS.contains(name)) {
                throw problem(400, "Unknown setting", name + " is not a presence setting");
              }
            });
    PresenceSettings now = settings.get();
    try {
      PresenceSettings changed =
          new PresenceSettings(
              body.path("throttling").asBoolean(now.throttling()),
              body.path("throttleRequests").asInt(now.throttleRequests()),
              duration(body, "throttleWindow", now.throttleWindow()),
              duration(body, "validationTimeout", now.validationTimeout()),
              duration(body, "deliveryTimeout", now.deliveryTimeout()),
              duration(body, "retryInterval", now.retryInterval()),
              duration(body, "retryFor", now.retryFor()),
              body.path("maxBatch").asInt(now.maxBatch()));
      settings.set(changed);
    } catch (IllegalArgumentException | DateTimeParseException invalid) {
      throw problem(400, "Invalid setting", invalid.getMessage());
    }
    onSettingsChanged.run();
    return HttpReply.json(200, json(settings.get()));
  }

  private static Duration duration(JsonNode body, String name, Duration fallback) {
    JsonNode value = body.get(name);
    return value == null ? fallback : Duration.parse(value.asString(""));
  }

  static ObjectNode json(PresenceSettings s) {
    ObjectNode body = Json.object();
    body.put("throttling", s.throttling());
    body.put("throttleRequests", s.throttleRequests());
    body.put("throttleWindow", s.throttleWindow().toString());
    body.put("validationTimeout", s.validationTimeout().toString());
    body.put("deliveryTimeout", s.deliveryTimeout().toString());
    body.put("retryInterval", s.retryInterval().toString());
    body.put("retryFor", s.retryFor().toString());
    body.put("maxBatch", s.maxBatch());
    return body;
  }

  private static JsonNode body(HttpCall call) {
    try {
      JsonNode body = Json.MAPPER.readTree(call.body());
      if (body == null || !body.isObject()) {
        throw problem(400, "Invalid request body", "the body must be a JSON object");
      }
      return body;
    } catch (JacksonException malformed) {
      throw problem(400, "Invalid request body", malformed.getOriginalMessage());
    }
  }

  private static HttpProblem problem(int status, String title, String detail) {
    ObjectNode body = Json.object();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    return new HttpProblem(
        new HttpReply(
            status, Map.of("Content-Type", "application/problem+json"), Json.bytes(body)));
  }
}
