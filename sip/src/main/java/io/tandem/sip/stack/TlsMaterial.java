package io.tandem.sip.stack;

import java.nio.file.Path;

/**
 * The endpoint's TLS certificate (a PKCS#12 key store whose certificate names the FQDN put in
 * Contact) and the trust anchors peers' certificates must chain to.
 */
public record TlsMaterial(
    Path keyStore, String keyStorePassword, Path trustStore, String trustStorePassword) {}
