/**
 * Queues: configuration (skill stages, strategy, service level, overflow and no-agent actions,
 * wrap-up, ring timeout, announcements) and its events. Immutable values.
 */
@NullMarked
package io.tandem.core.queue;

import org.jspecify.annotations.NullMarked;
