/**
 * What an agent (or a supervisor) asks of the call of an interaction being worked — hold, resume,
 * consult, conference, transfer, hang up — and the port through which the interaction's channel
 * carries it out on the wire ({@link io.tandem.core.callcontrol.CallControl}). Each outcome is
 * recorded in the tenant through {@code tenant.work()}, so the interaction's state follows what
 * really happened on the call; {@link io.tandem.core.callcontrol.TalkControl} decides and records
 * for every channel, which does only the wire work ({@link io.tandem.core.callcontrol.TalkWire}).
 *
 * <p>Threading: the values here are immutable; a {@link io.tandem.core.callcontrol.CallControl} is
 * called from any thread and answers asynchronously; a {@link
 * io.tandem.core.callcontrol.TalkControl} and its {@link io.tandem.core.callcontrol.TalkWire} run
 * on their call's lane only, and reach the tenant through its mailbox.
 */
@NullMarked
package io.tandem.core.callcontrol;

import org.jspecify.annotations.NullMarked;
