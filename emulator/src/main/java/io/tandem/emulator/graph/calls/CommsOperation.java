package io.tandem.emulator.graph.calls;

import io.tandem.emulator.http.Json;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * One {@code commsOperation} of a call (playPrompt, recordResponse, subscribeToTone …): its id,
 * subtype, status (lowercase on the wire, as Graph's payloads write it), clientContext and, once
 * done, resultInfo and the subtype's own fields. Guarded by the call's lock.
 */
final class CommsOperation {

  /** {@code operationStatus}, emitted lowercase. */
  enum Status {
    NOT_STARTED("notStarted"),
    RUNNING("running"),
    COMPLETED("completed"),
    FAILED("failed");

    final String wire;

    Status(String wire) {
      this.wire = wire;
    }
  }

  final String id;
  final String type;
  final @Nullable String clientContext;
  Status status = Status.RUNNING;
  @Nullable ObjectNode resultInfo;
  final ObjectNode extra = Json.object();

  CommsOperation(String id, String type, @Nullable String clientContext) {
    this.id = id;
    this.type = type;
    this.clientContext = clientContext;
  }

  boolean running() {
    return status == Status.RUNNING || status == Status.NOT_STARTED;
  }

  /** Ends the operation with {@code result} ({@code code} 200 completes it, else it fails). */
  void finish(ObjectNode result) {
    status = result.path("code").asInt() == 200 ? Status.COMPLETED : Status.FAILED;
    resultInfo = result;
  }

  ObjectNode toJson() {
    ObjectNode json = Json.object();
    json.put("@odata.type", "#microsoft.graph." + type);
    json.put("id", id);
    json.put("status", status.wire);
    if (clientContext != null) {
      json.put("clientContext", clientContext);
    }
    if (resultInfo != null) {
      json.set("resultInfo", resultInfo);
    } else {
      json.putNull("resultInfo");
    }
    json.setAll(extra);
    return json;
  }
}
