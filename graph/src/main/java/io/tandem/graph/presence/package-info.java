/**
 * Teams presence over Microsoft Graph (MICROSOFT-CONTRACTS §2.5) for every integration model: the
 * {@link io.tandem.graph.presence.TeamsPresence} value and its parser.
 *
 * <p>Threading: value types and parsers are immutable and pure.
 */
@NullMarked
package io.tandem.graph.presence;

import org.jspecify.annotations.NullMarked;
