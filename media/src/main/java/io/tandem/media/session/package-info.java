/**
 * RTP sessions: one UDP media stream that sends paced 20 ms G.711 frames and RFC 4733 digits and
 * hands what it receives to an {@link io.tandem.media.session.RtpListener}.
 *
 * <p>Threading: the pacer's thread runs a session's send ticks, only while it has something to
 * send; a virtual thread per session receives and calls the listener; relays send from that
 * receiving thread; the public methods may be called from any thread.
 */
@NullMarked
package io.tandem.media.session;

import org.jspecify.annotations.NullMarked;
