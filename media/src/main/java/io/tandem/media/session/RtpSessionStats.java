package io.tandem.media.session;

/**
 * Counters of one {@link RtpSession} since it opened.
 *
 * @param packetsSent datagrams sent
 * @param packetsUnsent packets dropped because no remote address was known yet, or sending failed
 * @param packetsReceived well-formed packets received
 * @param malformedReceived datagrams received that were not RTP
 * @param listenerFailures exceptions thrown by the listener
 * @param srtpRejected SRTP datagrams dropped undelivered: a tag that did not authenticate, a
 *     replay, or too short (always 0 without SRTP)
 */
public record RtpSessionStats(
    long packetsSent,
    long packetsUnsent,
    long packetsReceived,
    long malformedReceived,
    long listenerFailures,
    long srtpRejected) {}
