package io.tandem.server.tenant;

import io.tandem.core.event.TenantEvent;
import io.tandem.core.event.TenantEventListener;
import io.tandem.core.tenant.TenantId;
import io.tandem.server.eventlog.EventLog;
import io.tandem.server.eventlog.LoggedEvent;
import org.jspecify.annotations.Nullable;

/**
 * Appends each event a tenant emits to the event log, synchronously on the tenant's writer, so an
 * event is durable before the command that emitted it completes; then hands it to the {@link
 * EventFeed}.
 *
 * <p>Fail-stop: once an append has failed, the log may miss that event, and appending later ones
 * would leave a hole that a replay would misread. So every later event is refused too (the command
 * that emits it fails), until a restart rebuilds the tenant from what the log holds.
 */
final class EventLogAppender implements TenantEventListener {

  private final TenantId tenant;
  private final EventLog log;
  private final EventFeed feed;
  private final TenantObserver observer;
  private volatile @Nullable RuntimeException failure;

  EventLogAppender(TenantId tenant, EventLog log, EventFeed feed, TenantObserver observer) {
    this.tenant = tenant;
    this.log = log;
    this.feed = feed;
    this.observer = observer;
  }

  @Override
  public void on(TenantEvent event) {
    if (failure != null) {
      throw stopped();
    }
    long seq;
    long start = System.nanoTime();
    try {
      seq = log.append(tenant, event);
      observer.appendTook(tenant, System.nanoTime() - start);
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    }
    feed.publish(new LoggedEvent(tenant, seq, event));
  }

  /** Whether an append failed, so that the tenant's state is ahead of its log. */
  boolean failed() {
    return failure != null;
  }

  /** The exception every command gets once an append has failed. */
  IllegalStateException stopped() {
    return new IllegalStateException(
        "the event log of tenant "
            + tenant
            + " failed; the tenant takes no more commands until a restart recovers it",
        failure);
  }
}
