/**
 * The Unify channel: Tandem as a Call Automation application for a Teams resource account. It
 * answers IncomingCall events, runs the virtual assistant with play/recognize, queues the caller
 * with music on hold, offers the call to agents by inviting them as {@code teamsExtensionUser}
 * participants, stays in the call while caller and agent talk (so that transcription, recording and
 * the end of the call stay visible), and ends the call when either side leaves.
 *
 * <p>Threading: every caller's call connection has its own {@link
 * io.tandem.core.tenant.SerialLane}; callbacks, the tenant's events and timers hop onto it, so a
 * call's state is confined to its lane. Commands to the tenant go through {@link
 * io.tandem.core.tenant.TenantAccess} and are never waited for on the tenant's writer.
 */
@NullMarked
package io.tandem.acs.unify;

import org.jspecify.annotations.NullMarked;
