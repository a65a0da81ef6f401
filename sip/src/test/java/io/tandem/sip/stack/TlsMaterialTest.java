package io.tandem.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading TLS material before the stack does, with the emulator's test PKI: the SBC certificate
 * {@code *.customers.tandem.test} (plus {@code customers.tandem.test}, {@code sbc.contoso.test}),
 * the trust store holding the test CA; missing files and wrong passwords are refused with the file
 * named.
 */
class TlsMaterialTest {

  @TempDir static Path directory;
  static Path sbc;
  static Path trust;

  @BeforeAll
  static void copyTestPki() throws Exception {
    sbc = copy("sbc.p12");
    trust = copy("truststore.p12");
  }

  @Test
  void certificateNames_subjectAlternativeNames_lowerCase() {
    assertThat(material(sbc, "changeit").certificateNames())
        .contains("*.customers.tandem.test", "customers.tandem.test", "sbc.contoso.test");
  }

  @Test
  void certifies_wildcardCoversExactlyOneLabel() {
    TlsMaterial material = material(sbc, "changeit");
    assertThat(material.certifies("sbc1.customers.tandem.test")).isTrue();
    assertThat(material.certifies("SBC1.Customers.Tandem.Test")).isTrue();
    assertThat(material.certifies("customers.tandem.test")).isTrue();
    assertThat(material.certifies("a.b.customers.tandem.test")).isFalse();
    assertThat(material.certifies("sbc.connect.tandem.test")).isFalse();
  }

  @Test
  void trustAnchors_countsTrustedCertificatesOnly() {
    assertThat(material(sbc, "changeit").trustAnchors()).isEqualTo(1);
    assertThat(new TlsMaterial(sbc, "changeit", sbc, "changeit").trustAnchors()).isZero();
  }

  @Test
  void noTrustStore_trustsTheJdksRoots_amongThemMicrosoftsProxyRoot() {
    TlsMaterial material = TlsMaterial.trustingJdkRoots(sbc, "changeit");

    // Microsoft's proxy certificates chain to DigiCert Global Root G2 (MICROSOFT-CONTRACTS §1.1)
    assertThat(material.trustAnchorSubjects())
        .anySatisfy(subject -> assertThat(subject).startsWith("CN=DigiCert Global Root G2,"));
    assertThat(material.trustAnchors()).isGreaterThan(50);
    assertThat(material.trustSource()).isEqualTo("the JDK's trusted roots");
    assertThat(TlsContexts.of(material).getProtocol()).isEqualTo("TLS");
  }

  @Test
  void wrongPassword_refusedWithTheFileNamed() {
    assertThatThrownBy(() -> material(sbc, "not-the-password").certificateNames())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(sbc.toString())
        .hasMessageContaining("does not open with its password");
  }

  @Test
  void missingFile_refusedWithTheFileNamed() {
    Path nowhere = directory.resolve("nowhere.p12");
    assertThatThrownBy(() -> material(nowhere, "changeit").certificateNames())
        .hasMessage("no file " + nowhere);
    assertThatThrownBy(() -> new TlsMaterial(sbc, "changeit", nowhere, "x").trustAnchors())
        .hasMessage("no file " + nowhere);
  }

  @Test
  void aStoreWithoutAKey_isNoIdentity() {
    assertThatThrownBy(() -> material(trust, "changeit").certificateNames())
        .hasMessageContaining("holds no private key with a certificate");
  }

  private static TlsMaterial material(Path keyStore, String password) {
    return new TlsMaterial(keyStore, password, trust, "changeit");
  }

  private static Path copy(String name) throws Exception {
    try (InputStream in =
        TlsMaterialTest.class.getClassLoader().getResourceAsStream("test-pki/" + name)) {
      Path file = directory.resolve(name);
      Files.write(file, in.readAllBytes());
      return file;
    }
  }
}
