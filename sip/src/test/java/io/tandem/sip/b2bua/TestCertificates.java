package io.tandem.sip.b2bua;

import io.tandem.sip.stack.TlsMaterial;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates issued at test time with the JDK's {@code keytool}, signed by the emulator's private
 * test CA (its {@code test-pki/ca.pem} and {@code ca-key.pem}, which the emulator's Direct Routing
 * proxy trusts), plus a CA of nobody's for certificates nobody trusts. Every store is PKCS#12 with
 * the password {@link #PASSWORD}, written under one directory.
 */
final class TestCertificates {

  static final String PASSWORD = "changeit";
  private static final Path KEYTOOL = Path.of(System.getProperty("java.home"), "bin", "keytool");

  private final Path directory;
  private final Path authority;
  private final Path authorityCertificate;
  private int issued;

  private TestCertificates(Path directory) throws Exception {
    this.directory = directory;
    this.authorityCertificate = copy("test-pki/ca.pem", directory.resolve("ca.pem"));
    this.authority = directory.resolve("ca.p12");
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    Certificate ca =
        CertificateFactory.getInstance("X.509")
            .generateCertificate(Files.newInputStream(authorityCertificate));
    store.setKeyEntry("ca", privateKey("test-pki/ca-key.pem"), PASSWORD.toCharArray(), chain(ca));
    try (var out = Files.newOutputStream(authority)) {
      store.store(out, PASSWORD.toCharArray());
    }
  }

  /** An issuer under {@code directory} signing with the emulator's test CA. */
  static TestCertificates under(Path directory) throws Exception {
    return new TestCertificates(directory);
  }

  /**
   * Tandem's TLS material: a key store whose certificate (issued by the emulator's CA) names {@code
   * dnsNames}, and a trust store holding the emulator's CA.
   */
  TlsMaterial naming(String... dnsNames) throws Exception {
    return new TlsMaterial(keyStore(dnsNames), PASSWORD, emulatorTrust(), PASSWORD);
  }

  /**
   * Like {@link #naming}, but trusting only a CA that signed nothing the emulator presents: the
   * proxy's certificate is untrusted.
   */
  TlsMaterial namingButTrustingAnotherCa(String... dnsNames) throws Exception {
    Path other = directory.resolve("other-ca.p12");
    keytool(
        "-genkeypair",
        "-alias",
        "other",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-dname",
        "CN=Nobody's Test CA",
        "-ext",
        "bc:c",
        "-validity",
        "2",
        "-keystore",
        other.toString());
    Path pem = directory.resolve("other-ca.pem");
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        "other",
        "-keystore",
        other.toString(),
        "-file",
        pem.toString());
    Path trust = directory.resolve("other-trust.p12");
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "other",
        "-file",
        pem.toString(),
        "-keystore",
        trust.toString());
    return new TlsMaterial(keyStore(dnsNames), PASSWORD, trust, PASSWORD);
  }

  /** The emulator's trust store (its CA only), as a file. */
  Path emulatorTrust() throws IOException {
    return copy("test-pki/truststore.p12", directory.resolve("truststore.p12"));
  }

  /** A PKCS#12 key store: a fresh RSA key and its certificate naming {@code dnsNames}. */
  Path keyStore(String... dnsNames) throws Exception {
    int n = ++issued;
    Path store = directory.resolve("sbc-" + n + ".p12");
    Path request = directory.resolve("sbc-" + n + ".csr");
    Path certificate = directory.resolve("sbc-" + n + ".pem");
    List<String> san = new ArrayList<>();
    for (String name : dnsNames) {
      san.add("dns:" + name);
    }
    keytool(
        "-genkeypair",
        "-alias",
        "sbc",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-dname",
        "CN=" + dnsNames[0],
        "-keystore",
        store.toString());
    keytool(
        "-certreq", "-alias", "sbc", "-keystore", store.toString(), "-file", request.toString());
    keytool(
        "-gencert",
        "-rfc",
        "-alias",
        "ca",
        "-keystore",
        authority.toString(),
        "-infile",
        request.toString(),
        "-outfile",
        certificate.toString(),
        "-validity",
        "2",
        "-ext",
        "SAN=" + String.join(",", san),
        "-ext",
        "EKU=serverAuth,clientAuth");
    Path reply = directory.resolve("sbc-" + n + "-chain.pem");
    Files.writeString(
        reply, Files.readString(certificate) + Files.readString(authorityCertificate));
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "sbc",
        "-file",
        reply.toString(),
        "-keystore",
        store.toString());
    return store;
  }

  private static void keytool(String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(KEYTOOL.toString()));
    command.addAll(List.of(arguments));
    command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
    if (List.of(arguments).contains("-genkeypair")) {
      command.addAll(List.of("-keypass", PASSWORD));
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
    }
  }

  private static PrivateKey privateKey(String resource) throws Exception {
    String pem = new String(read(resource), StandardCharsets.US_ASCII);
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }

  private static Certificate[] chain(Certificate certificate) {
    return new Certificate[] {certificate};
  }

  private static Path copy(String resource, Path to) throws IOException {
    Files.write(to, read(resource));
    return to;
  }

  private static byte[] read(String resource) throws IOException {
    try (InputStream in = TestCertificates.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("no classpath resource " + resource);
      }
      return in.readAllBytes();
    }
  }
}
