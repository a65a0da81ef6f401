package io.tandem.bench;

import io.tandem.core.queue.QueueId;
import org.jspecify.annotations.Nullable;

/**
 * What one synthetic interaction asks for: its queue, its own priority and an optional language.
 * Interactions with the same demand share a routing group.
 *
 * @param queue the queue it is enqueued in
 * @param priority its own priority, added to the queue's (0 for most)
 * @param language the language the agent must speak, or {@code null} for any
 */
record Demand(QueueId queue, int priority, @Nullable String language) {}
