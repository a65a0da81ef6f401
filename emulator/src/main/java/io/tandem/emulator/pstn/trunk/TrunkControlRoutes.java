package io.tandem.emulator.pstn.trunk;

import io.tandem.emulator.http.HttpCall;
import io.tandem.emulator.http.HttpProblem;
import io.tandem.emulator.http.HttpReply;
import io.tandem.emulator.http.HttpRoutes;
import io.tandem.emulator.http.Json;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The trunk's part of the control API: {@code GET /emulator/pstn/calls/{id}} (a trunk call: state,
 * SIP summary, digits sent, what the caller heard), {@code GET
 * /emulator/pstn/calls/{id}/heard.wav}, {@code GET /emulator/pstn/trunk/calls}, and {@code GET|PUT
 * /emulator/pstn/trunk/settings}. Errors are RFC 9457 problem documents, as in the rest of the
 * control API.
 */
final class TrunkControlRoutes {

  private final TrunkCalls calls;
  private final CarrierTrunks carrier;
  private final Journal journal;

  TrunkControlRoutes(TrunkCalls calls, CarrierTrunks carrier, Journal journal) {
    this.calls = calls;
    this.carrier = carrier;
    this.journal = journal;
  }

  void register(HttpRoutes routes) {
    routes
        .add(Channel.CONTROL, "GET", "/emulator/pstn/calls/{id}/heard.wav", this::heardWav)
        .add(Channel.CONTROL, "GET", "/emulator/pstn/calls/{id}", this::call)
        .add(Channel.CONTROL, "GET", "/emulator/pstn/trunk/calls", call -> list())
        .add(
            Channel.CONTROL,
            "GET",
            "/emulator/pstn/trunk/settings",
            call -> HttpReply.json(200, write(carrier.settings())))
        .add(Channel.CONTROL, "PUT", "/emulator/pstn/trunk/settings", this::changeSettings);
  }

  private HttpReply call(HttpCall request) {
    TrunkCall call = find(request);
    return HttpReply.json(200, TrunkCallJson.write(call.snapshot(), journal));
  }

  private HttpReply heardWav(HttpCall request) {
    TrunkCall call = find(request);
    return new HttpReply(200, Map.of("Content-Type", "audio/wav"), call.heardWav());
  }

  private HttpReply list() {
    ObjectNode page = Json.object();
    var value = page.putArray("value");
    calls.all().stream()
        .map(TrunkCall::snapshot)
        .sorted((a, b) -> a.dialledAt().compareTo(b.dialledAt()))
        .forEach(snapshot -> value.add(TrunkCallJson.summary(snapshot)));
    return HttpReply.json(200, page);
  }

  private HttpReply changeSettings(HttpCall request) {
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(request.body());
    } catch (JacksonException malformed) {
      throw problem(400, "Invalid request body", "the body is not JSON");
    }
    if (body == null || !body.isObject()) {
      throw problem(400, "Invalid request body", "the body must be a JSON object of settings");
    }
    ObjectNode merged = write(carrier.settings());
    for (var field : body.properties()) {
      if (!merged.has(field.getKey())) {
        throw problem(
            400, "Unknown setting", field.getKey() + "; known: " + merged.propertyNames());
      }
      merged.set(field.getKey(), field.getValue());
    }
    try {
      TrunkSettings next =
          new TrunkSettings(
              merged.get("callerAudio").asString(),
              Duration.parse(merged.get("heardLimit").asString()),
              Duration.parse(merged.get("keyGap").asString()));
      return HttpReply.json(200, write(carrier.changeSettings(current -> next)));
    } catch (IllegalArgumentException | DateTimeParseException invalid) {
      throw problem(400, "Invalid setting", invalid.getMessage());
    }
  }

  private TrunkCall find(HttpCall request) {
    String id = request.variable("id");
    return calls
        .get(id)
        .orElseThrow(
            () ->
                problem(
                    404,
                    "No such trunk call",
                    "no carrier trunk call with id " + id + " (live or among the newest ended)"));
  }

  private static ObjectNode write(TrunkSettings settings) {
    ObjectNode json = Json.object();
    json.put("callerAudio", settings.callerAudio());
    json.put("heardLimit", settings.heardLimit().toString());
    json.put("keyGap", settings.keyGap().toString());
    return json;
  }

  static HttpProblem problem(int status, String title, String detail) {
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
