/**
 * Teams presence over Microsoft Graph (MICROSOFT-CONTRACTS §2.5) for every integration model: the
 * {@link io.tandem.graph.presence.TeamsPresence} value and its parser, and bulk reads through
 * {@code getPresencesByUserId} ({@link io.tandem.graph.presence.PresenceReader}).
 *
 * <p>Threading: value types and parsers are immutable and pure. {@code PresenceReader} is
 * thread-safe and blocks the calling thread for Graph requests.
 */
@NullMarked
package io.tandem.graph.presence;

import org.jspecify.annotations.NullMarked;
