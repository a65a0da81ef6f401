/**
 * One tenant's contact center: {@link io.tandem.core.tenant.Tenant} takes commands and turns them
 * into events; {@link io.tandem.core.tenant.TenantMailbox} makes it a single writer.
 *
 * <p>Threading: a {@code Tenant} is not thread-safe. Every command and every timer of a tenant runs
 * on its mailbox, one at a time (production: {@code TenantMailbox} on virtual threads with {@link
 * io.tandem.core.time.MailboxScheduler}; tests and the simulator: one thread with {@link
 * io.tandem.core.time.VirtualTime}). Listeners are called on that writer and must not block.
 */
@NullMarked
package io.tandem.core.tenant;

import org.jspecify.annotations.NullMarked;
