/**
 * What an agent (or a supervisor) asks of the call of an interaction being worked — hold, resume,
 * consult, conference, transfer, hang up — and the port through which the interaction's channel
 * carries it out on the wire ({@link io.tandem.core.callcontrol.CallControl}). The channel records
 * each outcome in the tenant through {@code tenant.work()}, so the interaction's state follows what
 * really happened on the call.
 *
 * <p>Threading: the values here are immutable; a {@link io.tandem.core.callcontrol.CallControl} is
 * called from any thread and answers asynchronously.
 */
@NullMarked
package io.tandem.core.callcontrol;

import org.jspecify.annotations.NullMarked;
