package io.tandem.testkit.load;

import io.tandem.core.event.TenantEvent;
import io.tandem.core.event.TenantEventListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tenant events counted by their simple type name instead of kept, so that a long load run holds no
 * more than one counter a type. Counted on the tenant's writer, read from any thread.
 */
public final class TenantEventCounts implements TenantEventListener {

  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  @Override
  public void on(TenantEvent event) {
    counts
        .computeIfAbsent(event.getClass().getSimpleName(), type -> new AtomicInteger())
        .incrementAndGet();
  }

  /** How many events of this simple type name were published so far. */
  public int count(String eventType) {
    AtomicInteger seen = counts.get(eventType);
    return seen == null ? 0 : seen.get();
  }
}
