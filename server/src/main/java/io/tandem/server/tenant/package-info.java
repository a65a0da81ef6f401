/**
 * The tenants this server runs and their recovery on start-up: {@link
 * io.tandem.server.tenant.TenantRegistry} and {@link io.tandem.server.tenant.RunningTenant}.
 *
 * <p>Threading: each tenant is a single writer, its {@link io.tandem.core.tenant.TenantMailbox},
 * drained on a virtual thread; commands reach it only through {@link
 * io.tandem.server.tenant.RunningTenant#ask}. Timers of every tenant wait on one shared platform
 * thread and then run on their tenant's mailbox. Every emitted event is appended to the event log
 * on the tenant's writer before the command completes (blocking JDBC on a virtual thread).
 */
@NullMarked
package io.tandem.server.tenant;

import org.jspecify.annotations.NullMarked;
