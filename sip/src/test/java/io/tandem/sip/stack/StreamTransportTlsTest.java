package io.tandem.sip.stack;

import static io.tandem.sip.stack.RecordingSink.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TLS transport over loopback with the emulator's test PKI (one CA; {@code emulator.p12} names
 * sip.pstnhub.microsoft.com and its siblings, {@code sbc.p12} names *.customers.tandem.test) and a
 * self-signed certificate made with keytool ({@code other.p12}, naming only other.test): mutual
 * handshakes, the server's name checked against the host addressed, untrusted peers refused, and
 * peers that never finish a handshake dropped after the (injected, short) handshake timeout.
 */
@Timeout(30)
class StreamTransportTlsTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final String PROXY = "sip.pstnhub.microsoft.com";
  private static final Duration SHORT = Duration.ofMillis(300);

  @TempDir static Path directory;
  static TlsMaterial emulator;
  static TlsMaterial sbc;
  static TlsMaterial selfSigned;
  static TlsMaterial trustingOnlySelfSigned;

  private final List<AutoCloseable> opened = new ArrayList<>();

  @BeforeAll
  static void pki() throws Exception {
    Path trust = testPki("truststore.p12");
    emulator = new TlsMaterial(testPki("emulator.p12"), "changeit", trust, "changeit");
    sbc = new TlsMaterial(testPki("sbc.p12"), "changeit", trust, "changeit");
    Path other = directory.resolve("other.p12");
    Path otherCertificate = directory.resolve("other.cer");
    Path otherTrust = directory.resolve("other-trust.p12");
    keytool(
        "-genkeypair",
        "-alias",
        "other",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-dname",
        "CN=other.test",
        "-ext",
        "san=dns:other.test",
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        other.toString(),
        "-storepass",
        "changeit");
    keytool(
        "-exportcert",
        "-alias",
        "other",
        "-keystore",
        other.toString(),
        "-storepass",
        "changeit",
        "-file",
        otherCertificate.toString());
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "other",
        "-file",
        otherCertificate.toString(),
        "-storetype",
        "PKCS12",
        "-keystore",
        otherTrust.toString(),
        "-storepass",
        "changeit");
    selfSigned = new TlsMaterial(other, "changeit", trust, "changeit");
    trustingOnlySelfSigned = new TlsMaterial(other, "changeit", otherTrust, "changeit");
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable closeable : opened) {
      closeable.close();
    }
  }

  @Test
  void certificateNamingTheHost_handshakesMutually_andMessagesFlowBothWays() throws Exception {
    RecordingSink proxyInbox = new RecordingSink();
    StreamTransport proxy = tls(emulator, proxyInbox, StreamTransport.HANDSHAKE_TIMEOUT);
    RecordingSink tandemInbox = new RecordingSink();
    StreamTransport tandem = tls(sbc, tandemInbox, StreamTransport.HANDSHAKE_TIMEOUT);

    Flow flow = tandem.flowTo(address(proxy), PROXY);
    flow.send(request("over tls"));
    RecordingSink.Received arrived = proxyInbox.next();
    arrived.from().send(request("answer"));

    assertThat(arrived.text()).endsWith("over tls");
    assertThat(arrived.arrivedOn()).isEqualTo(proxy.point());
    assertThat(arrived.from().transport()).isEqualTo(Transport.TLS);
    assertThat(((StreamConnection) arrived.from()).peerNames())
        .as("the client presented its certificate")
        .contains("*.customers.tandem.test");
    RecordingSink.Received answer = tandemInbox.next();
    assertThat(answer.text()).endsWith("answer");
    assertThat(answer.from()).isSameAs(flow);
  }

  @Test
  void openConnection_isReusedForAnotherNameItsCertificateCarries_notForOthers() throws Exception {
    StreamTransport proxy = tls(emulator, new RecordingSink(), StreamTransport.HANDSHAKE_TIMEOUT);
    StreamTransport tandem = tls(sbc, new RecordingSink(), StreamTransport.HANDSHAKE_TIMEOUT);
    Flow flow = tandem.flowTo(address(proxy), PROXY);

    assertThat(tandem.flowTo(address(proxy), "sip2.pstnhub.microsoft.com")).isSameAs(flow);
    assertThatThrownBy(() -> tandem.flowTo(address(proxy), "sip.pstnhub.example.test"))
        .isInstanceOf(SSLPeerUnverifiedException.class)
        .hasMessageContaining("sip.pstnhub.example.test");
  }

  @Test
  void wildcardCertificate_namesOneLabelBelowIt() throws Exception {
    StreamTransport sbcSide = tls(sbc, new RecordingSink(), StreamTransport.HANDSHAKE_TIMEOUT);
    StreamTransport proxy = tls(emulator, new RecordingSink(), StreamTransport.HANDSHAKE_TIMEOUT);

    assertThatThrownBy(() -> proxy.flowTo(address(sbcSide), "a.sbc1.customers.tandem.test"))
        .isInstanceOf(SSLPeerUnverifiedException.class);
    assertThat(proxy.flowTo(address(sbcSide), "sbc1.customers.tandem.test")).isNotNull();
  }

  @Test
  void trustedCertificateOfOtherNames_isRefused_withItsNames_andNothingIsDelivered()
      throws Exception {
    RecordingSink proxyInbox = new RecordingSink();
    StreamTransport proxy = tls(emulator, proxyInbox, StreamTransport.HANDSHAKE_TIMEOUT);
    StreamTransport tandem = tls(sbc, new RecordingSink(), StreamTransport.HANDSHAKE_TIMEOUT);

    assertThatThrownBy(() -> tandem.flowTo(address(proxy), "sip.pstnhub.example.test"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("the certificate presented for sip.pstnhub.example.test names")
        .hasMessageContaining("sip.pstnhub.microsoft.com, sip2.pstnhub.microsoft.com");
    assertThat(tandem.openConnections()).isZero();
    assertThat(proxyInbox.isEmpty()).isTrue();
  }

  @Test
  void ipLiteralHost_isNotNameChecked() throws Exception {
    RecordingSink otherInbox = new RecordingSink();
    StreamTransport other = tls(selfSigned, otherInbox, StreamTransport.HANDSHAKE_TIMEOUT);
    StreamTransport tandem =
        tls(trustingOnlySelfSigned, new RecordingSink(), StreamTransport.HANDSHAKE_TIMEOUT);

    tandem.flowTo(address(other), "127.0.0.1").send(request("by address"));

    assertThat(otherInbox.next().text()).endsWith("by address");
  }

  @Test
  void untrustedServer_isRefused_andNothingIsDelivered() throws Exception {
    RecordingSink otherInbox = new RecordingSink();
    StreamTransport other = tls(selfSigned, otherInbox, StreamTransport.HANDSHAKE_TIMEOUT);
    StreamTransport tandem = tls(sbc, new RecordingSink(), StreamTransport.HANDSHAKE_TIMEOUT);

    assertThatThrownBy(() -> tandem.flowTo(address(other), "other.test"))
        .isInstanceOf(SSLHandshakeException.class)
        .hasMessageContaining("TLS handshake with");
    assertThat(tandem.openConnections()).isZero();
    assertThat(otherInbox.isEmpty()).isTrue();
  }

  @Test
  void trustingTheJdkRoots_aProxyOfAPrivateCaIsRefused_andNothingIsDelivered() throws Exception {
    RecordingSink proxyInbox = new RecordingSink();
    StreamTransport proxy = tls(emulator, proxyInbox, StreamTransport.HANDSHAKE_TIMEOUT);
    TlsMaterial jdkRoots = TlsMaterial.trustingJdkRoots(sbc.keyStore(), "changeit");
    StreamTransport tandem = tls(jdkRoots, new RecordingSink(), StreamTransport.HANDSHAKE_TIMEOUT);

    assertThatThrownBy(() -> tandem.flowTo(address(proxy), "sip.pstnhub.microsoft.com"))
        .isInstanceOf(SSLHandshakeException.class)
        .hasMessageContaining("TLS handshake with");
    assertThat(tandem.openConnections()).isZero();
    assertThat(proxyInbox.isEmpty()).isTrue();
  }

  @Test
  void clientWithoutACertificateFromTheTrustedCa_isServedWithoutPeerNames() throws Exception {
    RecordingSink proxyInbox = new RecordingSink();
    StreamTransport proxy = tls(emulator, proxyInbox, StreamTransport.HANDSHAKE_TIMEOUT);
    StreamTransport stranger =
        tls(selfSigned, new RecordingSink(), StreamTransport.HANDSHAKE_TIMEOUT);

    stranger.flowTo(address(proxy), PROXY).send(request("anonymous"));
    RecordingSink.Received arrived = proxyInbox.next();

    assertThat(arrived.text())
        .as("client authentication is wanted, not needed: no certificate is no refusal")
        .endsWith("anonymous");
    assertThat(((StreamConnection) arrived.from()).peerNames()).isEmpty();
  }

  @Test
  void clientPresentingAnUntrustedCertificate_isRefusedByTheServer() throws Exception {
    RecordingSink proxyInbox = new RecordingSink();
    StreamTransport proxy = tls(emulator, proxyInbox, StreamTransport.HANDSHAKE_TIMEOUT);
    StreamTransport stranger =
        StreamTransport.open(
            new ListenPoint(Transport.TLS, 0),
            LOOPBACK,
            presentingAlways(selfSigned),
            new RecordingSink(),
            options(StreamTransport.HANDSHAKE_TIMEOUT));
    opened.add(stranger);

    Flow flow;
    try {
      flow = stranger.flowTo(address(proxy), PROXY);
      flow.send(request("from a stranger"));
    } catch (IOException refusedInTheHandshake) {
      assertThat(proxyInbox.isEmpty()).isTrue();
      return;
    }
    // TLS 1.3: the client's handshake ends before the server has judged its certificate.
    ((StreamConnection) flow).closed().get(5, TimeUnit.SECONDS);
    assertThat(proxyInbox.isEmpty()).isTrue();
    assertThat(proxy.openConnections()).isZero();
  }

  @Test
  void clientThatNeverHandshakes_isDroppedAfterTheHandshakeTimeout() throws Exception {
    StreamTransport proxy = tls(emulator, new RecordingSink(), SHORT);
    Socket silent = new Socket(LOOPBACK, proxy.point().port());
    opened.add(silent);
    long connected = System.nanoTime();

    StreamTransportTest.readToEnd(silent);

    assertThat(Duration.ofNanos(System.nanoTime() - connected))
        .isGreaterThan(SHORT.minusMillis(50));
  }

  @Test
  void serverThatNeverHandshakes_failsFlowToAfterTheHandshakeTimeout() throws Exception {
    ServerSocket silent = new ServerSocket(0, 50, LOOPBACK);
    opened.add(silent);
    StreamTransport tandem = tls(sbc, new RecordingSink(), SHORT);

    assertThatThrownBy(() -> tandem.flowTo(address(silent.getLocalPort()), PROXY))
        .isInstanceOf(SocketTimeoutException.class)
        .hasMessageContaining("no TLS handshake");
    assertThat(tandem.openConnections()).isZero();
  }

  @Test
  void serverNameIndication_carriesTheHostName_butNotAnIpLiteral() throws Exception {
    StreamTransport tandem = tls(sbc, new RecordingSink(), StreamTransport.HANDSHAKE_TIMEOUT);

    assertThat(serverNamesRequested(tandem, PROXY))
        .hasToString("[type=host_name (0), value=" + PROXY + "]");
    assertThat(serverNamesRequested(tandem, "127.0.0.1")).isEmpty();
  }

  @Test
  void tlsContexts_refuseAStoreThatDoesNotOpen() {
    TlsMaterial wrongPassword =
        new TlsMaterial(sbc.keyStore(), "wrong", sbc.trustStore(), "changeit");
    TlsMaterial missing =
        new TlsMaterial(directory.resolve("none.p12"), "changeit", sbc.trustStore(), "changeit");

    assertThatThrownBy(() -> TlsContexts.of(wrongPassword))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not open with its password");
    assertThatThrownBy(() -> TlsContexts.of(missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no file");
  }

  /** The server names a test-owned TLS server saw in the handshake of {@code tandem.flowTo}. */
  private List<SNIServerName> serverNamesRequested(StreamTransport tandem, String host)
      throws Exception {
    SSLContext context = TlsContexts.of(emulator);
    try (SSLServerSocket server =
        (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50, LOOPBACK)) {
      CompletableFuture<List<SNIServerName>> requested = new CompletableFuture<>();
      Thread.ofVirtual()
          .start(
              () -> {
                try (SSLSocket accepted = (SSLSocket) server.accept()) {
                  accepted.startHandshake();
                  requested.complete(
                      ((ExtendedSSLSession) accepted.getSession()).getRequestedServerNames());
                } catch (IOException failed) {
                  requested.completeExceptionally(failed);
                }
              });
      tandem.flowTo(address(server.getLocalPort()), host);
      return requested.get(5, TimeUnit.SECONDS);
    }
  }

  /**
   * A context whose client side presents {@code material}'s certificate whatever authorities the
   * server asks for (a key manager picks only a certificate the server would trust).
   */
  private static SSLContext presentingAlways(TlsMaterial material) throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(material.keyStore())) {
      keys.load(in, material.keyStorePassword().toCharArray());
    }
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(keys, material.keyStorePassword().toCharArray());
    X509ExtendedKeyManager chosen = (X509ExtendedKeyManager) factory.getKeyManagers()[0];
    String alias = keys.aliases().nextElement();
    X509ExtendedKeyManager always =
        new X509ExtendedKeyManager() {
          @Override
          public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {alias};
          }

          @Override
          public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return alias;
          }

          @Override
          public String[] getServerAliases(String keyType, Principal[] issuers) {
            return chosen.getServerAliases(keyType, issuers);
          }

          @Override
          public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return chosen.chooseServerAlias(keyType, issuers, socket);
          }

          @Override
          public X509Certificate[] getCertificateChain(String name) {
            return chosen.getCertificateChain(name);
          }

          @Override
          public PrivateKey getPrivateKey(String name) {
            return chosen.getPrivateKey(name);
          }
        };
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    KeyStore anchors = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(material.trustStore())) {
      anchors.load(in, material.trustStorePassword().toCharArray());
    }
    trust.init(anchors);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(new KeyManager[] {always}, trust.getTrustManagers(), null);
    return context;
  }

  private StreamTransport tls(TlsMaterial material, RecordingSink sink, Duration handshakeTimeout)
      throws IOException {
    StreamTransport transport =
        StreamTransport.open(
            new ListenPoint(Transport.TLS, 0),
            LOOPBACK,
            TlsContexts.of(material),
            sink,
            options(handshakeTimeout));
    opened.add(transport);
    return transport;
  }

  private static StreamOptions options(Duration handshakeTimeout) {
    return new StreamOptions(
        StreamTransport.CONNECT_TIMEOUT,
        handshakeTimeout,
        ConnectionLimits.DEFAULTS,
        new ConnectionSweep(new ManualTimers(), ConnectionLimits.DEFAULTS, flow -> {}));
  }

  private static InetSocketAddress address(StreamTransport transport) {
    return address(transport.point().port());
  }

  private static InetSocketAddress address(int port) {
    return new InetSocketAddress(LOOPBACK, port);
  }

  private static Path testPki(String name) throws IOException {
    try (InputStream in =
        StreamTransportTlsTest.class.getClassLoader().getResourceAsStream("test-pki/" + name)) {
      Path file = directory.resolve(name);
      Files.write(file, in.readAllBytes());
      return file;
    }
  }

  private static void keytool(String... arguments) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("keytool ends").isTrue();
    assertThat(process.exitValue()).as("keytool " + arguments[0] + ": " + output).isZero();
  }
}
