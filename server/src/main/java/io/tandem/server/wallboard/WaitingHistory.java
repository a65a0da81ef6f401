package io.tandem.server.wallboard;

import io.tandem.core.tenant.TenantId;
import io.tandem.server.statistics.QueueStatistics;
import io.tandem.server.statistics.TenantStatistics;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The waiting callers of every tenant over the last {@link #SPAN}, one {@link WaitingSample} per
 * {@code period}, each tenant's in a {@link WaitingRing} just large enough for the span.
 *
 * <p>Threading: thread-safe; {@link WaitingSampler} records, requests read.
 */
public final class WaitingHistory {

  /** How far back the history reaches. */
  public static final Duration SPAN = Duration.ofHours(1);

  private final Clock clock;
  private final Duration period;
  private final int capacity;
  private final Map<TenantId, WaitingRing> rings = new ConcurrentHashMap<>();

  /**
   * @param clock when samples are taken, and what "the last minutes" are measured from
   * @param period how often samples are taken; between one second and {@link #SPAN}
   */
  public WaitingHistory(Clock clock, Duration period) {
    if (period.compareTo(Duration.ofSeconds(1)) < 0 || period.compareTo(SPAN) > 0) {
      throw new IllegalArgumentException(
          "the waiting sample period must be 1s-" + SPAN.toMinutes() + "m, not " + period);
    }
    this.clock = clock;
    this.period = period;
    this.capacity = Math.toIntExact(Math.ceilDiv(SPAN.toMillis(), period.toMillis()) + 1);
  }

  /** How often samples are taken. */
  public Duration period() {
    return period;
  }

  /** The most samples kept per tenant: a span's worth, and one more for its start. */
  public int capacity() {
    return capacity;
  }

  /** Records the tenant's waiting callers in {@code statistics}, as of now. */
  public void record(TenantId tenant, TenantStatistics statistics) {
    Map<String, Integer> queues = new LinkedHashMap<>();
    for (QueueStatistics queue : statistics.queues()) {
      queues.put(queue.queue(), queue.waiting());
    }
    rings
        .computeIfAbsent(tenant, id -> new WaitingRing(capacity))
        .add(new WaitingSample(clock.instant(), statistics.waiting(), queues));
  }

  /** The tenant's samples of the last {@code span} (at most {@link #SPAN}), oldest first. */
  public List<WaitingSample> last(TenantId tenant, Duration span) {
    WaitingRing ring = rings.get(tenant);
    return ring == null ? List.of() : ring.since(clock.instant().minus(span));
  }

  /** Forgets every tenant but these (the others no longer run). */
  public void retainOnly(Set<TenantId> running) {
    rings.keySet().retainAll(running);
  }
}
