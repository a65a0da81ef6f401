package io.tandem.server.tenant;

import io.tandem.core.tenant.TenantId;
import java.time.Instant;

/**
 * A tenant this deployment serves, as the tenant directory knows it.
 *
 * @param id the tenant's id
 * @param name its display name
 * @param createdAt when it was created
 */
public record TenantRecord(TenantId id, String name, Instant createdAt) {}
