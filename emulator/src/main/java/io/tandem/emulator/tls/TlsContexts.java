package io.tandem.emulator.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds TLS contexts from PKCS#12 stores given as file paths or {@code classpath:} resources: the
 * emulator's own identity for HTTPS and SIP/TLS, and the trust anchors it accepts.
 */
public final class TlsContexts {

  private TlsContexts() {}

  /**
   * A context that presents {@code keyStore}'s certificate and trusts {@code trustStore}'s anchors.
   */
  public static SSLContext serverAndClient(
      String keyStore, String keyPassword, String trustStore, String trustPassword)
      throws IOException, GeneralSecurityException {
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(load(keyStore, keyPassword), keyPassword.toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), trustManagers(trustStore, trustPassword), null);
    return context;
  }

  /** A client context that trusts only {@code trustStore}'s anchors. */
  public static SSLContext trusting(String trustStore, String trustPassword)
      throws IOException, GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trustManagers(trustStore, trustPassword), null);
    return context;
  }

  private static javax.net.ssl.TrustManager[] trustManagers(String store, String password)
      throws IOException, GeneralSecurityException {
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(load(store, password));
    return trust.getTrustManagers();
  }

  /** Loads a PKCS#12 store from a path or a {@code classpath:} resource. */
  public static KeyStore load(String location, String password)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = open(location)) {
      store.load(in, password.toCharArray());
    }
    return store;
  }

  private static InputStream open(String location) throws IOException {
    if (location.startsWith("classpath:")) {
      String resource = location.substring("classpath:".length());
      InputStream in = TlsContexts.class.getClassLoader().getResourceAsStream(resource);
      if (in == null) {
        throw new IOException("no classpath resource " + resource);
      }
      return in;
    }
    return Files.newInputStream(Path.of(location));
  }
}
