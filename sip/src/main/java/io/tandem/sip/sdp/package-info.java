/**
 * SDP (RFC 4566) for G.711 audio calls and the offer/answer model over it (RFC 3264): {@link
 * io.tandem.sip.sdp.SessionDescription} parses and formats a description, {@link
 * io.tandem.sip.sdp.OfferAnswer} answers a carrier's or Teams' offer, makes Tandem's own offer and
 * reads the answer to it, each time yielding the {@link io.tandem.sip.sdp.NegotiatedMedia} an RTP
 * session is opened with.
 *
 * <p>Only what a G.711 call needs is interpreted: {@code c=}, {@code m=}, {@code a=rtpmap}, {@code
 * a=fmtp}, {@code a=ptime}, the direction attributes and SDES {@code a=crypto} lines (RFC 4568,
 * {@link io.tandem.sip.sdp.CryptoAttribute}), taken as the trunk's {@link
 * io.tandem.sip.sdp.SrtpMode} allows. {@link io.tandem.sip.sdp.IceSdp} adds the ICE-lite lines of a
 * media-bypass leg and reads the peer's ICE credentials. Everything else (the peer's candidates,
 * bandwidths, unknown lines) is kept or dropped without affecting the answer. Malformed text is a
 * {@link io.tandem.sip.sdp.MalformedSdpException} (the B2BUA answers 400), an offer without PCMU or
 * PCMA, or without the SRTP the mode requires, a {@link io.tandem.sip.sdp.NotAcceptableException}
 * (488).
 *
 * <p>Threading: everything here is immutable values and pure functions, safe on any thread.
 */
@NullMarked
package io.tandem.sip.sdp;

import org.jspecify.annotations.NullMarked;
