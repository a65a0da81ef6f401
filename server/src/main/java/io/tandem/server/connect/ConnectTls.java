package io.tandem.server.connect;

import io.tandem.sip.stack.TlsMaterial;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code tandem.sip.tls.*} keys: Tandem's TLS material towards Microsoft's SIP proxies (mutual
 * TLS, MICROSOFT-CONTRACTS §1.1), both stores PKCS#12 files. Each key is documented, with its
 * default, in {@code server/README.md}.
 *
 * @param keyStore Tandem's private key and certificate, which must name every TLS trunk's SBC FQDN
 * @param keyStorePassword the key store's password (also the key's)
 * @param trustStore the trust anchors Microsoft's proxy certificates must chain to; when not set,
 *     the JDK's trusted roots
 * @param trustStorePassword the trust store's password
 */
public record ConnectTls(
    @Nullable String keyStore,
    @DefaultValue("") String keyStorePassword,
    @Nullable String trustStore,
    @DefaultValue("") String trustStorePassword) {

  private static final String PREFIX = "tandem.sip.tls.";

  /** The material as the sip module's; call only after {@link #check} found no problem. */
  TlsMaterial material() {
    return new TlsMaterial(
        Path.of(String.valueOf(keyStore)),
        keyStorePassword,
        trustStoreSet() ? Path.of(trustStore) : null,
        trustStorePassword);
  }

  private boolean trustStoreSet() {
    return trustStore != null && !trustStore.isBlank();
  }

  /**
   * Adds to {@code problems} what keeps this material from serving TLS: a key store not set, a
   * store missing, not opened by its password, without a key (key store) or without trust anchors
   * (trust store, or the JDK's roots when none is set), and each SBC FQDN of {@code sbcFqdns} (by
   * the key that set it) the certificate does not name.
   */
  void check(List<String> problems, Map<String, String> sbcFqdns) {
    TlsMaterial material = material();
    if (isSet(problems, "key-store", keyStore)) {
      checkKeyStore(problems, sbcFqdns, material);
    }
    checkTrustStore(problems, material);
  }

  private static void checkKeyStore(
      List<String> problems, Map<String, String> sbcFqdns, TlsMaterial material) {
    try {
      List<String> names = material.certificateNames();
      sbcFqdns.forEach(
          (key, fqdn) -> {
            if (!material.certifies(fqdn)) {
              problems.add(
                  key
                      + " '"
                      + fqdn
                      + "' is not named by the certificate in "
                      + PREFIX
                      + "key-store (it names "
                      + String.join(", ", names)
                      + "): Microsoft refuses a Contact FQDN the certificate does not name");
            }
          });
    } catch (IllegalArgumentException unusable) {
      problems.add(PREFIX + which("key-store", unusable) + ": " + unusable.getMessage());
    }
  }

  private static void checkTrustStore(List<String> problems, TlsMaterial material) {
    try {
      if (material.trustAnchors() == 0) {
        problems.add(
            PREFIX + "trust-store: " + material.trustSource() + " has no trusted certificate");
      }
    } catch (IllegalArgumentException unusable) {
      problems.add(PREFIX + which("trust-store", unusable) + ": " + unusable.getMessage());
    }
  }

  private static String which(String store, IllegalArgumentException unusable) {
    return String.valueOf(unusable.getMessage()).contains("does not open with its password")
        ? store + "-password"
        : store;
  }

  private static boolean isSet(List<String> problems, String key, @Nullable String file) {
    if (file == null || file.isBlank()) {
      problems.add(PREFIX + key + " is required for TLS (a PKCS#12 file)");
      return false;
    }
    return true;
  }
}
