package io.tandem.sip.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;

/**
 * The endpoint's TLS certificate (a PKCS#12 key store whose certificate names the FQDN put in
 * Contact) and the trust anchors peers' certificates must chain to; both stores are read when the
 * endpoint starts ({@code TlsContexts}). The readers here check them beforehand, so that a start-up
 * can refuse material that cannot work with a message saying why.
 */
public record TlsMaterial(
    Path keyStore, String keyStorePassword, Path trustStore, String trustStorePassword) {

  /**
   * The DNS names the key store's certificate is valid for (its subject alternative names, else its
   * common name), lower case.
   *
   * @throws IllegalArgumentException when the key store is missing, unreadable with its password,
   *     not PKCS#12, or holds no private key with a certificate
   */
  public List<String> certificateNames() {
    KeyStore store = load(keyStore, keyStorePassword);
    try {
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)
            && store.getCertificate(alias) instanceof X509Certificate certificate) {
          return CertificateNames.of(certificate);
        }
      }
    } catch (GeneralSecurityException unreadable) {
      throw new IllegalArgumentException(keyStore + " cannot be read: " + unreadable, unreadable);
    }
    throw new IllegalArgumentException(keyStore + " holds no private key with a certificate");
  }

  /** Whether the key store's certificate is valid for {@code host} (RFC 2818 wildcards). */
  public boolean certifies(String host) {
    return CertificateNames.anyMatches(certificateNames(), host);
  }

  /**
   * How many trust anchors (trusted certificates) the trust store holds.
   *
   * @throws IllegalArgumentException when the trust store is missing, unreadable with its password
   *     or not PKCS#12
   */
  public int trustAnchors() {
    KeyStore store = load(trustStore, trustStorePassword);
    try {
      int anchors = 0;
      for (String alias : Collections.list(store.aliases())) {
        Certificate certificate = store.getCertificate(alias);
        if (store.isCertificateEntry(alias) && certificate != null) {
          anchors++;
        }
      }
      return anchors;
    } catch (GeneralSecurityException unreadable) {
      throw new IllegalArgumentException(trustStore + " cannot be read: " + unreadable, unreadable);
    }
  }

  /**
   * Opens the PKCS#12 store {@code file}; throws {@link IllegalArgumentException} saying why not.
   */
  static KeyStore load(Path file, String password) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no file " + file);
    }
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password.toCharArray());
      return store;
    } catch (IOException | GeneralSecurityException unreadable) {
      throw new IllegalArgumentException(
          file
              + " does not open with its password, or is not PKCS#12: "
              + (unreadable.getCause() == null ? unreadable : unreadable.getCause()).getMessage(),
          unreadable);
    }
  }
}
