/**
 * RTP sessions: one UDP media stream that sends paced 20 ms G.711 frames and RFC 4733 digits and
 * hands what it receives to an {@link io.tandem.media.session.RtpListener}.
 */
@NullMarked
package io.tandem.media.session;

import org.jspecify.annotations.NullMarked;
