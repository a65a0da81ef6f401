package io.tandem.server.wallboard;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many callers were waiting at one instant, in all of a tenant's queues and in each.
 *
 * @param at when the sample was taken
 * @param waiting callers waiting in all queues
 * @param queues callers waiting per queue id, in the tenant's queue order
 */
public record WaitingSample(Instant at, int waiting, Map<String, Integer> queues) {
  public WaitingSample {
    queues = Collections.unmodifiableMap(new LinkedHashMap<>(queues));
  }
}
