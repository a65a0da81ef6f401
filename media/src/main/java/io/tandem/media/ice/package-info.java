/**
 * ICE-lite (RFC 8445 §2.5, RFC 5245) on one media stream: the STUN messages of connectivity checks
 * (RFC 5389 with the ICE attributes), the credentials an agent announces in SDP, and {@link
 * io.tandem.media.ice.IceLiteAgent}, which answers the checks of a full, controlling peer and tells
 * its session where the nominated pair sends media. It never sends a check of its own.
 *
 * <p>{@link io.tandem.media.ice.DatagramKind} tells STUN from RTP on a shared port (RFC 7983).
 *
 * <p>Threading: messages, attributes and credentials are immutable values; an agent serialises its
 * callers (its session's receiving thread answers checks, the signalling side sets credentials).
 */
@NullMarked
package io.tandem.media.ice;

import org.jspecify.annotations.NullMarked;
