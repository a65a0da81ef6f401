package io.tandem.sip.stack;

import java.util.Properties;

/**
 * The JAIN-SIP RI configuration of a {@link SipEndpoint}: no automatic dialogs (dialogs are
 * Tandem's), a reentrant listener on a small thread pool, 64 KiB messages, and, with TLS material,
 * PKCS12 key and trust stores with TLS 1.3/1.2 and ECDHE suites only, and the {@link
 * PeerNamePolicy} on the connections it opens. A JVM system property named like one of JAIN-SIP's
 * keys ({@code gov.nist.javax.sip.*}) replaces that key's value here (the TLS keys excepted).
 */
final class StackProperties {

  /**
   * The UDP socket buffers asked of the kernel (which caps them at {@code net.core.rmem_max} and
   * {@code wmem_max}): 4 MiB absorbs a burst of requests while the JVM pauses, where the stack's 64
   * KiB default drops them.
   */
  static final int UDP_SOCKET_BUFFER_BYTES = 4 * 1024 * 1024;

  private StackProperties() {}

  static Properties of(EndpointSettings settings) {
    Properties properties = new Properties();
    properties.setProperty("javax.sip.STACK_NAME", settings.name());
    properties.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
    properties.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "true");
    properties.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
    properties.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
    properties.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
    properties.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "65536");
    properties.setProperty("gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT", "5000");
    properties.setProperty(
        "gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", Integer.toString(UDP_SOCKET_BUFFER_BYTES));
    properties.setProperty(
        "gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", Integer.toString(UDP_SOCKET_BUFFER_BYTES));
    // JAIN-SIP's own keys given as JVM system properties win: tuning without a rebuild
    // (e.g. -Dgov.nist.javax.sip.TIMER_CLASS_NAME=...), measured with the call-rate benchmark.
    System.getProperties().stringPropertyNames().stream()
        .filter(name -> name.startsWith("gov.nist.javax.sip."))
        .forEach(name -> properties.setProperty(name, System.getProperty(name)));
    TlsMaterial tls = settings.tls();
    if (tls != null) {
      properties.setProperty("javax.net.ssl.keyStore", tls.keyStore().toString());
      properties.setProperty("javax.net.ssl.keyStorePassword", tls.keyStorePassword());
      properties.setProperty("javax.net.ssl.keyStoreType", "PKCS12");
      properties.setProperty("javax.net.ssl.trustStore", tls.trustStore().toString());
      properties.setProperty("javax.net.ssl.trustStorePassword", tls.trustStorePassword());
      properties.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
      // JAIN-SIP's default suites use RSA key exchange, which current JDKs disable.
      properties.setProperty(
          "gov.nist.javax.sip.ENABLED_CIPHER_SUITES",
          "TLS_AES_128_GCM_SHA256 TLS_AES_256_GCM_SHA384 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"
              + " TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
      properties.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", "TLSv1.3, TLSv1.2");
      properties.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Want");
      properties.setProperty(
          "gov.nist.javax.sip.TLS_SECURITY_POLICY", PeerNamePolicy.class.getName());
    }
    return properties;
  }
}
