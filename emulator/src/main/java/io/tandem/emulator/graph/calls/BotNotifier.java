package io.tandem.emulator.graph.calls;

import io.tandem.emulator.http.Json;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.journal.Journal;
import io.tandem.emulator.world.AppRegistration;
import io.tandem.emulator.world.World;
import java.net.URI;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tells a call's bot what happened, in {@code commsNotifications} form: to the call's {@code
 * callbackUri} once the bot gave one (create, answer, reject), else to the calling webhook of the
 * bot's app registration. Callers hold the call's lock, so the queue order is the order things
 * happened in.
 */
final class BotNotifier {

  private final World world;
  private final Journal journal;
  private final Supplier<GraphCallsSettings> settings;

  BotNotifier(World world, Journal journal, Supplier<GraphCallsSettings> settings) {
    this.world = world;
    this.journal = journal;
    this.settings = settings;
  }

  /** The incoming-call notification ({@code created}, the whole call). */
  void incoming(GraphCall call) {
    send(call, CallJson.notifications("created", call.resourceUrl(), CallJson.call(call)));
  }

  /** The call's state (and resultInfo) changed; {@code deleted} once it is terminated. */
  void stateChanged(GraphCall call) {
    String change = call.state == CallState.TERMINATED ? "deleted" : "updated";
    send(call, CallJson.notifications(change, call.resourceUrl(), CallJson.stateData(call)));
  }

  /**
   * The call is up: {@code establishing} then {@code established}, or the other way round when
   * {@code establishedBeforeEstablishing} is on (the documented out-of-order quirk).
   */
  void established(GraphCall call) {
    ObjectNode establishing = CallJson.header(call).put("state", "establishing");
    ObjectNode established = CallJson.header(call).put("state", "established");
    boolean quirk = settings.get().establishedBeforeEstablishing();
    send(call, updated(call, quirk ? established : establishing));
    send(call, updated(call, quirk ? establishing : established));
  }

  /** A change of the call resource other than its state (toneInfo, mediaState …). */
  void callUpdated(GraphCall call, ObjectNode resourceData) {
    send(call, updated(call, resourceData));
  }

  /**
   * An operation finished: {@code deleted} on {@code …/operations/{opId}}, the operation with its
   * {@code @odata.id} and {@code @odata.etag} as call-record.md's notification shows it.
   */
  void operationDone(GraphCall call, CommsOperation operation) {
    String url = call.resourceUrl() + "/operations/" + operation.id;
    ObjectNode data = Json.object();
    data.put("@odata.type", "#microsoft.graph." + operation.type);
    data.put("@odata.id", url);
    data.put("@odata.etag", "W/\"" + call.etag + "\"");
    data.setAll(operation.toJson());
    send(call, CallJson.notifications("deleted", url, data));
  }

  /** The roster changed: {@code updated} on {@code …/participants} with the participant list. */
  void rosterChanged(GraphCall call) {
    send(
        call,
        CallJson.notifications(
            "updated", call.resourceUrl() + "/participants", CallJson.participants(call)));
  }

  private static ObjectNode updated(GraphCall call, ObjectNode data) {
    return CallJson.notifications("updated", call.resourceUrl(), data);
  }

  private void send(GraphCall call, ObjectNode body) {
    URI target = target(call);
    if (target == null) {
      journal.event(
          Channel.GRAPH,
          "notification.dropped",
          call.id,
          Map.of("reason", "the bot " + call.appId + " has no callbackUri and no calling webhook"));
      return;
    }
    call.notifications.enqueue(target, call.appId, call.tenantId, Json.text(body));
  }

  private @Nullable URI target(GraphCall call) {
    if (call.callbackUri != null) {
      return call.callbackUri;
    }
    return world
        .app(call.tenantId, call.appId)
        .map(AppRegistration::callingWebhook)
        .map(URI::create)
        .orElse(null);
  }
}
