/**
 * TLS material for the emulator's HTTPS and SIP/TLS listeners: PKCS#12 stores, private test PKI.
 */
@NullMarked
package io.tandem.emulator.tls;

import org.jspecify.annotations.NullMarked;
