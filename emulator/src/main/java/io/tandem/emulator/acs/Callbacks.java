package io.tandem.emulator.acs;

import io.tandem.emulator.entra.CallbackTokens;
import io.tandem.emulator.http.Json;
import io.tandem.emulator.http.OutboundHttp;
import io.tandem.emulator.journal.Channel;
import io.tandem.emulator.time.Scheduler;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Mid-call callbacks: each event is an array of one CloudEvent 1.0 POSTed to the call's {@code
 * callbackUri} (or the operation's {@code operationCallbackUri}) with a new Bearer JWT (audience =
 * the ACS resource's immutable id, five minutes of life). A call's events leave in the order they
 * happened, on that call's own {@link CallbackOutbox}, which retries a failed delivery (5xx, 408,
 * 429, unreachable) on its schedule; each try, with a new token, and its reply status is journaled.
 */
final class Callbacks {

  static final String EVENT_PREFIX = "Microsoft.Communication.";

  private final OutboundHttp outbound;
  private final CallbackTokens tokens;
  private final Scheduler clock;

  Callbacks(OutboundHttp outbound, CallbackTokens tokens, Scheduler clock) {
    this.outbound = outbound;
    this.tokens = tokens;
    this.clock = clock;
  }

  /**
   * Queues event {@code type} (without the {@code Microsoft.Communication.} prefix) of {@code call}
   * with the base fields, {@code result}, and what {@code extra} adds to {@code data}.
   */
  void send(
      AcsCall call,
      @Nullable URI operationCallbackUri,
      String type,
      @Nullable String operationContext,
      @Nullable ResultInformation result,
      Consumer<ObjectNode> extra) {
    URI target = operationCallbackUri != null ? operationCallbackUri : call.callbackUri();
    ObjectNode data = Json.object();
    data.put("callConnectionId", call.id());
    data.put("serverCallId", call.serverCallId());
    data.put("correlationId", call.correlationId());
    if (operationContext != null) {
      data.put("operationContext", operationContext);
    }
    if (result != null) {
      data.set("resultInformation", result.toJson());
    }
    extra.accept(data);
    data.put("version", AcsRoutes.CALLING_API_VERSION);
    data.put("publicEventType", EVENT_PREFIX + type);
    ObjectNode event = Json.object();
    event.put("id", UUID.randomUUID().toString());
    event.put("source", "calling/callConnections/" + call.id());
    event.put("type", EVENT_PREFIX + type);
    event.set("data", data);
    event.put("time", clock.now().toString());
    event.put("specversion", "1.0");
    event.put("datacontenttype", "application/json");
    event.put("subject", "calling/callConnections/" + call.id());
    ArrayNode body = Json.array().add(event);
    String text = Json.text(body);
    String audience = call.resource().id();
    call.outbox()
        .submit(
            type,
            () ->
                outbound
                    .postJson(
                        Channel.ACS,
                        call.id(),
                        "callback " + type,
                        target,
                        Map.of("Authorization", "Bearer " + tokens.issue(audience, null)),
                        text)
                    .status());
  }
}
