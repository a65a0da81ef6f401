package io.tandem.sip.sdp;

import io.tandem.media.srtp.SrtpKeys;

/**
 * What SDES settled on a leg: the tag of the crypto line both sides agreed on and the keys each
 * side sends with.
 */
public record SdesKeys(int tag, SrtpKeys keys) {}
