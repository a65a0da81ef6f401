package io.tandem.core.event;

/**
 * Receives a tenant's events right after they were applied, on the tenant's single writer. The
 * event log, analytics, channel adapters and the wallboard listen here; a listener must not block.
 */
@FunctionalInterface
public interface TenantEventListener {

  /** Called once per event, in order. */
  void on(TenantEvent event);
}
