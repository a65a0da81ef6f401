/**
 * The wallboard: a server-rendered page per tenant ({@code /wallboard/{tenant}}) that shows queues,
 * agents by state, the last interactions and a chart of waiting callers, kept live by the {@code
 * statistics} Server-Sent Events stream; and the history behind that chart, {@link
 * io.tandem.server.wallboard.WaitingHistory} (the waiting callers of the last hour, sampled every
 * {@code tandem.wallboard.waiting-sample-period}).
 *
 * <p>Threading: one platform thread ({@code wallboard-sampler}) runs {@link
 * io.tandem.server.wallboard.WaitingSampler}, which blocks on each tenant's writer in turn for its
 * statistics; {@link io.tandem.server.wallboard.WaitingHistory} is thread-safe (one lock per
 * tenant's ring), so requests read it from any thread.
 */
@NullMarked
package io.tandem.server.wallboard;

import org.jspecify.annotations.NullMarked;
