package io.tandem.server.webhook;

import io.tandem.core.tenant.TenantId;
import io.tandem.server.eventlog.EventCodec;
import io.tandem.server.eventlog.LoggedEvent;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of a webhook request: one event as {@code {"id", "tenant", "seq", "type", "occurredAt",
 * "data"}}, where {@code id} is {@code <tenant>:<seq>} (also the {@code webhook-id} header, the
 * same on every retry) and {@code data} is the event's JSON as the event log stores it. UTF-8,
 * ASCII only.
 */
public final class WebhookPayload {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  private WebhookPayload() {}

  /** The message id of an event: {@code <tenant>:<seq>}. */
  public static String idOf(TenantId tenant, long seq) {
    return tenant.value() + ":" + seq;
  }

  /** The body for {@code event}, encoded by {@code codec}. */
  public static byte[] of(LoggedEvent event, EventCodec codec) {
    ObjectNode body = JSON.createObjectNode();
    body.put("id", idOf(event.tenant(), event.seq()));
    body.put("tenant", event.tenant().value());
    body.put("seq", event.seq());
    body.put("type", codec.typeOf(event.event()));
    body.put("occurredAt", event.event().at().toString());
    body.set("data", JSON.readTree(codec.encode(event.event())));
    return JSON.writeValueAsBytes(body);
  }
}
