package io.tandem.server.statistics;

import io.tandem.core.tenant.Tenant;
import io.tandem.core.tenant.TenantId;
import io.tandem.server.eventlog.EventLog;
import io.tandem.server.eventlog.LoggedEvent;
import io.tandem.server.tenant.EventFeed;
import io.tandem.server.tenant.RunningTenant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Every tenant's real-time statistics, served from a cache that any number of readers share.
 *
 * <p>Per tenant, a {@link TodayProjection} lives on the tenant's writer: it is built on the first
 * read by replaying the tenant's log there, then fed each event by the {@link EventFeed} (on the
 * same writer, so nothing is missed or counted twice). A read returns the cached {@link
 * TenantStatistics} while no event has happened since and it is younger than {@code maxAge} (wait
 * times grow without events); otherwise it asks the writer for a fresh one. So under read load the
 * writer computes at most one snapshot per event or per {@code maxAge}.
 *
 * <p>Threading: thread-safe; {@link #current} blocks until the writer answered when the cache is
 * stale.
 */
public final class LiveStatistics implements EventFeed.Subscriber {

  /** A tenant's projection (writer-confined) and the latest snapshot (shared). */
  private static final class Entry {
    @Nullable TodayProjection projection;
    volatile long lastSeq;
    volatile @Nullable TenantStatistics cached;
  }

  private final EventLog log;
  private final Clock clock;
  private final ZoneId zone;
  private final Duration maxAge;
  private final Map<TenantId, Entry> entries = new ConcurrentHashMap<>();

  public LiveStatistics(EventLog log, Clock clock, ZoneId zone, Duration maxAge) {
    this.log = log;
    this.clock = clock;
    this.zone = zone;
    this.maxAge = maxAge;
  }

  /** The zone whose midnight starts "today". */
  public ZoneId zone() {
    return zone;
  }

  @Override
  public void on(LoggedEvent event) {
    Entry entry = entries.get(event.tenant());
    if (entry == null) {
      return;
    }
    entry.lastSeq = event.seq();
    if (entry.projection != null) {
      entry.projection.on(event.event());
    }
  }

  /** The tenant's statistics now (at most {@code maxAge} old, and including every event). */
  public TenantStatistics current(RunningTenant tenant) {
    Entry entry = entries.computeIfAbsent(tenant.id(), id -> new Entry());
    TenantStatistics cached = entry.cached;
    if (cached != null
        && cached.seq() == entry.lastSeq
        && Duration.between(cached.at(), clock.instant()).compareTo(maxAge) < 0) {
      return cached;
    }
    try {
      return tenant.ask(t -> refresh(t, entry)).join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /** Forgets a tenant (deleted); its next read rebuilds from the log. */
  public void forget(TenantId tenant) {
    entries.remove(tenant);
  }

  private TenantStatistics refresh(Tenant tenant, Entry entry) {
    Instant now = clock.instant();
    if (entry.projection == null) {
      TodayProjection projection = new TodayProjection(zone, now);
      var events = log.read(tenant.id());
      projection.replay(events, now);
      entry.projection = projection;
      entry.lastSeq = events.size();
    }
    TenantStatistics statistics = entry.projection.statistics(tenant.state(), now, entry.lastSeq);
    entry.cached = statistics;
    return statistics;
  }
}
