package io.tandem.server.api;

import io.tandem.server.eventlog.EventCodec;
import io.tandem.server.eventlog.LoggedEvent;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event as the API shows it (timelines and the event stream): the same type names and payloads
 * as the event log ({@link EventCodec}).
 *
 * @param seq its number in the tenant's log
 * @param type e.g. {@code interaction.Connected}
 * @param occurredAt when it happened
 * @param data the event's fields
 */
public record EventResource(long seq, String type, Instant occurredAt, JsonNode data) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  public static EventResource of(LoggedEvent event, EventCodec codec) {
    return new EventResource(
        event.seq(),
        codec.typeOf(event.event()),
        event.event().at(),
        JSON.readTree(codec.encode(event.event())));
  }
}
