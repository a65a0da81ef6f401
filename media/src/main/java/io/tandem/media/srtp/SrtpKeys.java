package io.tandem.media.srtp;

/**
 * The keys of one SRTP session as SDES settles them: each side encrypts what it sends with the key
 * of its own {@code a=crypto} line.
 *
 * @param suite the suite both lines name
 * @param local the key Tandem sends with (its own {@code a=crypto})
 * @param remote the key the far end sends with (the far end's {@code a=crypto})
 */
public record SrtpKeys(SrtpSuite suite, MasterKey local, MasterKey remote) {}
