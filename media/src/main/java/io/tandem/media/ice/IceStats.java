package io.tandem.media.ice;

/**
 * An ICE-lite agent's counters.
 *
 * @param answered Binding requests answered with a success response
 * @param rejected Binding requests answered with an error response (400, 401, 420, 487)
 * @param dropped datagrams dropped unanswered: malformed, a bad FINGERPRINT, not a request
 * @param nominations checks with USE-CANDIDATE that succeeded
 */
public record IceStats(long answered, long rejected, long dropped, long nominations) {}
