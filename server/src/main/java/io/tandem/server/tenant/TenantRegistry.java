package io.tandem.server.tenant;

import io.tandem.core.event.TenantEvent;
import io.tandem.core.tenant.RecoveryReport;
import io.tandem.core.tenant.Tenant;
import io.tandem.core.tenant.TenantId;
import io.tandem.core.tenant.TenantMailbox;
import io.tandem.core.time.MailboxScheduler;
import io.tandem.server.eventlog.EventLog;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * The tenants this server runs, one {@link RunningTenant} per {@link TenantId}: a {@link Tenant}
 * with its own {@link TenantMailbox} on the shared writer executor (a virtual thread per drain), a
 * {@link MailboxScheduler} on the shared timer executor, and an {@link EventLogAppender} that makes
 * every event it emits durable.
 *
 * <p>{@link #startUp} runs once, before any tenant is used: it rebuilds every tenant in the event
 * log with {@link Tenant#recover}. Recovery applies the logged events without publishing them, and
 * publishes the events it emits itself (interactions ended {@code lost-on-restart}, withdrawn and
 * new offers), so the appender is attached before recovery and logs exactly the new events.
 *
 * <p>Threading: thread-safe. {@link #startUp} blocks until every tenant is recovered.
 */
public final class TenantRegistry {

  private final EventLog log;
  private final EventFeed feed;
  private final TenantObserver observer;
  private final Clock clock;
  private final Executor writers;
  private final ScheduledExecutorService timers;
  private final Map<TenantId, RunningTenant> tenants = new ConcurrentHashMap<>();
  private volatile boolean started;

  /**
   * @param log where every tenant's events go, and come back from on start-up
   * @param feed where every event goes once it is durable
   * @param clock the tenants' clock
   * @param writers runs the tenants' mailboxes (a virtual-thread executor)
   * @param timers waits for every tenant's timers, then hands them to the tenant's mailbox
   */
  public TenantRegistry(
      EventLog log,
      EventFeed feed,
      Clock clock,
      Executor writers,
      ScheduledExecutorService timers) {
    this(log, feed, TenantObserver.NONE, clock, writers, timers);
  }

  /**
   * @param observer learns how long commands and appends take (metrics)
   */
  public TenantRegistry(
      EventLog log,
      EventFeed feed,
      TenantObserver observer,
      Clock clock,
      Executor writers,
      ScheduledExecutorService timers) {
    this.log = log;
    this.feed = feed;
    this.observer = observer;
    this.clock = clock;
    this.writers = writers;
    this.timers = timers;
  }

  /**
   * Rebuilds every tenant that has events in the log, one after the other, and returns what
   * recovery did for each.
   *
   * @throws IllegalStateException if a tenant cannot be recovered, or on a second call
   */
  public synchronized Map<TenantId, RecoveryReport> startUp() {
    if (started) {
      throw new IllegalStateException("tenants are started already");
    }
    Map<TenantId, RecoveryReport> reports = new LinkedHashMap<>();
    for (TenantId id : log.tenants()) {
      List<TenantEvent> events = log.read(id);
      RunningTenant tenant = create(id);
      try {
        reports.put(id, tenant.ask(t -> t.recover(events)).join());
      } catch (CompletionException e) {
        throw new IllegalStateException(
            "cannot recover tenant " + id + ": " + e.getCause().getMessage(), e.getCause());
      }
      tenants.put(id, tenant);
    }
    started = true;
    return reports;
  }

  /** The tenant with this id, created empty if there is none yet. */
  public RunningTenant tenant(TenantId id) {
    requireStarted();
    return tenants.computeIfAbsent(id, this::create);
  }

  /** The tenant with this id, or {@code null} if there is none. */
  public @Nullable RunningTenant find(TenantId id) {
    requireStarted();
    return tenants.get(id);
  }

  /**
   * Stops running the tenant: later calls to {@link #find} return {@code null} and {@link #tenant}
   * starts it afresh. Its pending timers still fire into the old tenant, which nothing reads.
   */
  public void forget(TenantId id) {
    requireStarted();
    tenants.remove(id);
  }

  /** The ids of every running tenant, sorted. */
  public Set<TenantId> ids() {
    Set<TenantId> ids = new TreeSet<>((a, b) -> a.value().compareTo(b.value()));
    ids.addAll(tenants.keySet());
    return ids;
  }

  private void requireStarted() {
    if (!started) {
      throw new IllegalStateException("tenants are not started yet: call startUp() first");
    }
  }

  private RunningTenant create(TenantId id) {
    TenantMailbox mailbox = new TenantMailbox(writers);
    Tenant tenant = new Tenant(id, clock, new MailboxScheduler(clock, timers, mailbox));
    EventLogAppender appender = new EventLogAppender(id, log, feed, observer);
    tenant.addListener(appender);
    return new RunningTenant(tenant, mailbox, appender, observer);
  }
}
