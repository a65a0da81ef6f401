package io.tandem.server.eventlog;

import io.tandem.core.event.TenantEvent;
import io.tandem.core.tenant.TenantId;

/**
 * An event that is durable in its tenant's event log.
 *
 * @param tenant the tenant
 * @param seq its position in the tenant's log (1, 2, 3 …), the id clients resume from
 * @param event the event
 */
public record LoggedEvent(TenantId tenant, long seq, TenantEvent event) {}
