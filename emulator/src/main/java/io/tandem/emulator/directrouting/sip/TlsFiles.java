package io.tandem.emulator.directrouting.sip;

import java.nio.file.Path;

/**
 * TLS material for a {@link SipNode} as JAIN-SIP wants it (PKCS#12 files): the node's key store,
 * the trust anchors it accepts, and whether peers connecting to it must present a certificate
 * (mutual TLS).
 */
public record TlsFiles(
    Path keyStore,
    String keyStorePassword,
    Path trustStore,
    String trustStorePassword,
    boolean requireClientCertificate) {}
