package io.tandem.sip.stack;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS of the stream transport: an {@link SSLContext} from the endpoint's {@link TlsMaterial}
 * (PKCS#12 key store, PKCS#12 trust store or the JDK's trusted roots, the default key and trust
 * manager algorithms), and the protocols (TLS 1.3 and 1.2) and ECDHE/AEAD cipher suites its sockets
 * are restricted to.
 */
final class TlsContexts {

  /** The protocols offered and accepted. */
  static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  /** The cipher suites offered and accepted (TLS 1.3's, and ECDHE with RSA and AES-GCM). */
  static final List<String> CIPHER_SUITES =
      List.of(
          "TLS_AES_128_GCM_SHA256",
          "TLS_AES_256_GCM_SHA384",
          "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");

  private TlsContexts() {}

  /**
   * A context presenting the key store's certificate and trusting the material's anchors.
   *
   * @throws IllegalArgumentException when a store is missing, does not open with its password, is
   *     not PKCS#12, or the context cannot be built from them
   */
  static SSLContext of(TlsMaterial material) {
    KeyStore keys = TlsMaterial.load(material.keyStore(), material.keyStorePassword());
    KeyStore trusted = material.trustedStore(); // null: the JDK's trusted roots
    try {
      KeyManagerFactory keyManagers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys, material.keyStorePassword().toCharArray());
      TrustManagerFactory trustManagers =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustManagers.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException unusable) {
      throw new IllegalArgumentException(
          "no TLS context from " + material.keyStore() + " and " + material.trustSource(),
          unusable);
    }
  }

  /**
   * Restricts {@code socket} to {@link #PROTOCOLS} and those {@link #CIPHER_SUITES} it supports.
   */
  static void restrict(SSLSocket socket) {
    List<String> supported = Arrays.asList(socket.getSupportedCipherSuites());
    socket.setEnabledProtocols(PROTOCOLS.toArray(String[]::new));
    socket.setEnabledCipherSuites(
        CIPHER_SUITES.stream().filter(supported::contains).toArray(String[]::new));
  }
}
