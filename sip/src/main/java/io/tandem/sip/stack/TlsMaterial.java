package io.tandem.sip.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * The endpoint's TLS certificate (a PKCS#12 key store whose certificate names the FQDN put in
 * Contact) and the trust anchors peers' certificates must chain to: a PKCS#12 trust store's, or,
 * when {@code trustStore} is null, the JDK's trusted roots ({@code lib/security/cacerts}, which
 * hold the public roots Microsoft's proxy certificates chain to). The stores are read when the
 * endpoint starts ({@code TlsContexts}); the readers here check them beforehand, so that a start-up
 * can refuse material that cannot work with a message saying why.
 */
public record TlsMaterial(
    Path keyStore, String keyStorePassword, @Nullable Path trustStore, String trustStorePassword) {

  /** Material trusting the JDK's trusted roots. */
  public static TlsMaterial trustingJdkRoots(Path keyStore, String keyStorePassword) {
    return new TlsMaterial(keyStore, keyStorePassword, null, "");
  }

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
   * The trust anchors (trusted certificates) peers' certificates may chain to, by subject.
   *
   * @throws IllegalArgumentException when the trust store is missing, unreadable with its password
   *     or not PKCS#12
   */
  public List<String> trustAnchorSubjects() {
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trustedStore());
      List<String> subjects = new ArrayList<>();
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          for (X509Certificate anchor : x509.getAcceptedIssuers()) {
            subjects.add(anchor.getSubjectX500Principal().getName());
          }
        }
      }
      return subjects;
    } catch (GeneralSecurityException unreadable) {
      throw new IllegalArgumentException(
          trustSource() + " cannot be read: " + unreadable, unreadable);
    }
  }

  /** The trust store, or null for the JDK's trusted roots; for a {@code TrustManagerFactory}. */
  @Nullable KeyStore trustedStore() {
    return trustStore == null ? null : load(trustStore, trustStorePassword);
  }

  /** Where the trust anchors come from, for messages. */
  public String trustSource() {
    return trustStore == null ? "the JDK's trusted roots" : trustStore.toString();
  }

  /**
   * How many trust anchors (trusted certificates) the trust store holds.
   *
   * @throws IllegalArgumentException when the trust store is missing, unreadable with its password
   *     or not PKCS#12
   */
  public int trustAnchors() {
    if (trustStore == null) {
      return trustAnchorSubjects().size();
    }
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
