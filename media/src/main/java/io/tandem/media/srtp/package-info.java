/**
 * SRTP (RFC 3711) for RTP sessions keyed by SDES (RFC 4568): the AES_CM_128_HMAC_SHA1_80 and
 * AES_CM_128_HMAC_SHA1_32 suites, with the default key derivation rate 0 (session keys derived once
 * per master key), no MKI, and the 64-packet replay window of §3.3.2. {@link
 * io.tandem.media.srtp.SrtpProtector} encrypts and tags outgoing packets, {@link
 * io.tandem.media.srtp.SrtpUnprotector} authenticates, checks replay and decrypts incoming ones.
 *
 * <p>SRTCP is not implemented: Tandem neither sends nor reads RTCP (its RTP ports' odd neighbours
 * stay unbound), so there is no RTCP to protect.
 *
 * <p>Threading: {@link io.tandem.media.srtp.MasterKey}, {@link io.tandem.media.srtp.SrtpKeys} and
 * {@link io.tandem.media.srtp.SessionKeys} are immutable values; a protector or an unprotector
 * holds per-stream state and a cipher, and serialises its callers (each is used by one sending or
 * one receiving path).
 */
@NullMarked
package io.tandem.media.srtp;

import org.jspecify.annotations.NullMarked;
