package io.tandem.server.eventlog;

import io.tandem.core.event.TenantEvent;
import io.tandem.core.tenant.TenantId;
import java.util.List;
import java.util.Set;

/**
 * The durable, append-only log of every tenant's events: replaying a tenant's events in order
 * rebuilds its state after a restart.
 *
 * <p>Each tenant's events are numbered 1, 2, 3 … without gaps. Appends for one tenant come from
 * that tenant's single writer; different tenants may append concurrently. A failed append throws
 * {@link EventLogException} and stores nothing.
 */
public interface EventLog {

  /** Appends {@code event} to {@code tenant}'s log and returns its sequence number. */
  long append(TenantId tenant, TenantEvent event);

  /** Appends {@code events} in order, all or none (one transaction). */
  void appendAll(TenantId tenant, List<? extends TenantEvent> events);

  /** Every event of {@code tenant}, in sequence order; empty for an unknown tenant. */
  List<TenantEvent> read(TenantId tenant);

  /** Deletes {@code tenant}'s whole log; its next event will be number 1. */
  void delete(TenantId tenant);

  /** Every tenant with at least one event. */
  Set<TenantId> tenants();
}
