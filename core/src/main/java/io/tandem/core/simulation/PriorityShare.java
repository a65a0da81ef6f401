package io.tandem.core.simulation;

/**
 * The share of a queue's callers that arrive with their own {@code priority} (0-100, added to the
 * queue's priority when ranking); the callers no share covers have priority 0.
 *
 * @param priority the callers' own priority, 0-100
 * @param share fraction of the queue's callers, 0-1
 */
public record PriorityShare(int priority, double share) {}
