package io.tandem.server.statistics;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tenant's real-time statistics at one instant.
 *
 * @param at when they were computed
 * @param seq the number of the last event they include
 * @param day the local date "today" refers to (ISO, in the statistics zone)
 * @param queues one row per queue, by id
 * @param agentsByState how many agents are in each state (OFFLINE, READY, RESERVED, BUSY, WRAP_UP,
 *     NOT_READY), all states present
 * @param waiting callers waiting in all queues
 * @param liveInteractions interactions not yet ended (in a flow, waiting, ringing, connected, in
 *     wrap-up or waiting for a callback)
 * @param overall all queues together today (the {@code queue} is {@code all})
 */
public record TenantStatistics(
    Instant at,
    long seq,
    String day,
    List<QueueStatistics> queues,
    Map<String, Integer> agentsByState,
    int waiting,
    int liveInteractions,
    QueueStatistics overall) {
  public TenantStatistics {
    queues = List.copyOf(queues);
    agentsByState = Collections.unmodifiableMap(new LinkedHashMap<>(agentsByState));
  }
}
