package io.tandem.core.event;

import java.time.Instant;

/**
 * Something that happened in one tenant's contact center, stamped with the injected clock.
 *
 * <p>Events are the only way tenant state changes: replaying a tenant's events in order onto an
 * empty state rebuilds an equal state. They are past-tense, immutable records that carry every
 * value applying them needs (no clock reads, no lookups outside the state).
 */
public interface TenantEvent {

  /** When it happened. */
  Instant at();
}
