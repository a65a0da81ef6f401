package io.tandem.emulator.acs;

import io.tandem.emulator.http.HttpCall;
import io.tandem.emulator.http.HttpProblem;
import io.tandem.emulator.http.HttpReply;
import io.tandem.emulator.http.HttpRoutes;
import io.tandem.emulator.http.Json;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fault injection for recording: the control API arms a failure that the next {@code POST
 * /calling/recordings} (on one call connection, or on any) meets, and that start then ends with the
 * {@code StartRecordingFailed} callback instead of a recording. The event's data are those the Call
 * Automation SDKs document for it (learn.microsoft.com, {@code
 * Azure.Communication.CallAutomation.StartRecordingFailed}: {@code recordingId}, {@code
 * callConnectionId}, {@code serverCallId}, {@code correlationId}, {@code operationContext}, {@code
 * resultInformation} with code, subCode and message). Microsoft documents no code or subCode for
 * this event, so the armed fault carries them; the default is the emulator's choice (500, 0).
 *
 * <p>{@code PUT /emulator/acs/recordings/startFailure {"callConnectionId"?, "code"?, "subCode"?,
 * "message"?}} arms it (200 with what is armed), {@code GET} shows it, {@code DELETE} disarms.
 * Thread-safe: one armed fault at a time, taken atomically.
 */
final class RecordingStartFaults {

  static final ResultInformation DEFAULT =
      new ResultInformation(500, 0, "Recording could not be started.");

  /** An armed failure: for one call connection, or any when {@code callConnectionId} is null. */
  record Fault(@Nullable String callConnectionId, ResultInformation result) {}

  private final Journal journal;
  private @Nullable Fault armed;

  RecordingStartFaults(Journal journal) {
    this.journal = journal;
  }

  void register(HttpRoutes routes) {
    String path = "/emulator/acs/recordings/startFailure";
    routes.add(Channel.CONTROL, "PUT", path, this::arm);
    routes.add(Channel.CONTROL, "GET", path, call -> HttpReply.json(200, describe()));
    routes.add(Channel.CONTROL, "DELETE", path, this::disarm);
  }

  /** Arms {@code fault} for the next start it applies to, replacing one armed before. */
  synchronized void arm(Fault fault) {
    armed = fault;
  }

  /** The armed failure, taken, when the next start on {@code callConnectionId} must fail. */
  synchronized Optional<ResultInformation> take(String callConnectionId) {
    Fault fault = armed;
    if (fault == null
        || (fault.callConnectionId() != null
            && !fault.callConnectionId().equals(callConnectionId))) {
      return Optional.empty();
    }
    armed = null;
    return Optional.of(fault.result());
  }

  private HttpReply arm(HttpCall call) {
    JsonNode body;
    try {
      byte[] bytes = call.body();
      body = bytes.length == 0 ? Json.object() : Json.MAPPER.readTree(bytes);
    } catch (RuntimeException malformed) {
      throw problem("the body must be a JSON object");
    }
    if (body == null || !body.isObject()) {
      throw problem("the body must be a JSON object");
    }
    for (String name : body.propertyNames()) {
      if (!java.util.Set.of("callConnectionId", "code", "subCode", "message").contains(name)) {
        throw problem("unknown field " + name);
      }
    }
    int code = integer(body, "code", DEFAULT.code(), 400, 699);
    int subCode = integer(body, "subCode", DEFAULT.subCode(), 0, Integer.MAX_VALUE);
    String message = text(body, "message", DEFAULT.message());
    String connection = body.has("callConnectionId") ? text(body, "callConnectionId", "") : null;
    Fault fault = new Fault(connection, new ResultInformation(code, subCode, message));
    arm(fault);
    journal.event(
        Channel.CONTROL,
        "recording.startFailureArmed",
        connection,
        Map.of("code", Integer.toString(code), "subCode", Integer.toString(subCode)));
    return HttpReply.json(200, describe());
  }

  private HttpReply disarm(HttpCall call) {
    synchronized (this) {
      armed = null;
    }
    return HttpReply.empty(204);
  }

  private synchronized ObjectNode describe() {
    ObjectNode json = Json.object();
    if (armed == null) {
      json.putNull("armed");
      return json;
    }
    ObjectNode fault = json.putObject("armed");
    if (armed.callConnectionId() == null) {
      fault.putNull("callConnectionId");
    } else {
      fault.put("callConnectionId", armed.callConnectionId());
    }
    fault.set("resultInformation", armed.result().toJson());
    return json;
  }

  private static int integer(JsonNode body, String name, int fallback, int min, int max) {
    JsonNode value = body.get(name);
    if (value == null) {
      return fallback;
    }
    if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
      throw problem(name + " must be an integer from " + min + " to " + max);
    }
    return value.asInt();
  }

  private static String text(JsonNode body, String name, String fallback) {
    JsonNode value = body.get(name);
    if (value == null) {
      return fallback;
    }
    if (!value.isString() || value.asString().isBlank()) {
      throw problem(name + " must be a non-empty string");
    }
    return value.asString();
  }

  private static HttpProblem problem(String detail) {
    ObjectNode body = Json.object();
    body.put("type", "about:blank");
    body.put("title", "Invalid request body");
    body.put("status", 400);
    body.put("detail", detail);
    return new HttpProblem(
        new HttpReply(400, Map.of("Content-Type", "application/problem+json"), Json.bytes(body)));
  }
}
