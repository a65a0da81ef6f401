package io.tandem.server.tenant;

import io.tandem.core.tenant.TenantId;

/**
 * Learns how long tenants take: each command on a tenant's writer (routing decisions included) and
 * each append to the event log. Called on the tenant's writer; must return at once.
 */
public interface TenantObserver {

  /** An observer that ignores everything. */
  TenantObserver NONE =
      new TenantObserver() {
        @Override
        public void commandTook(TenantId tenant, long nanos) {}

        @Override
        public void appendTook(TenantId tenant, long nanos) {}
      };

  /** A command ran on the tenant's writer for {@code nanos} (its events appended included). */
  void commandTook(TenantId tenant, long nanos);

  /** One event took {@code nanos} to become durable in the log. */
  void appendTook(TenantId tenant, long nanos);
}
