package io.tandem.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.Emulator;
import io.tandem.emulator.EmulatorSettings;
import io.tandem.emulator.directrouting.DirectRoutingSettings;
import io.tandem.emulator.journal.Direction;
import io.tandem.emulator.time.SystemScheduler;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The endpoint as a TLS client of the emulator's Direct Routing proxy (mutual TLS, its test PKI):
 * the proxy's certificate must chain to the trust store and name the host the request is addressed
 * to ({@link PeerNamePolicy}); a trusted certificate of other names is refused as a transport
 * failure, before any message is sent.
 */
class SipEndpointTlsTest {

  private static final String SBC = "sbc1.customers.tandem.test";
  @TempDir static Path directory;
  static SystemScheduler scheduler;
  static Emulator microsoft;
  static SipEndpoint tandem;
  static ExecutorService lanes = Executors.newVirtualThreadPerTaskExecutor();
  static int proxyPort;

  @BeforeAll
  static void start() throws Exception {
    proxyPort = freeTcpPort();
    scheduler = new SystemScheduler(Clock.systemUTC());
    microsoft =
        Emulator.start(
            EmulatorSettings.defaults()
                .withDirectRouting(
                    DirectRoutingSettings.defaults()
                        .withProxies(
                            List.of(
                                new DirectRoutingSettings.ProxyPorts(
                                    DirectRoutingSettings.PROXY_FQDNS.get(0), proxyPort, -1, -1)))
                        .withCarrierPort(freeTcpPort())),
            scheduler);
    tandem =
        SipEndpoint.start(
            new EndpointSettings(
                "tls-client-test",
                InetAddress.getLoopbackAddress(),
                List.of(new ListenPoint(Transport.TLS, freeTcpPort())),
                new TlsMaterial(
                    testPki("sbc.p12"), "changeit", testPki("truststore.p12"), "changeit"),
                host -> "127.0.0.1"),
            request -> {},
            lanes);
  }

  @AfterAll
  static void stop() {
    tandem.close();
    microsoft.close();
    scheduler.close();
    lanes.shutdownNow();
  }

  @Test
  void proxyCertificateNamingTheProxy_isAccepted_andTheProxyAnswers() throws Exception {
    int status = options("sip.pstnhub.microsoft.com");

    assertThat(status).isBetween(200, 699);
  }

  @Test
  void trustedCertificateOfOtherNames_isRefused_nothingSent() throws Exception {
    long before = inboundOptions();

    int status = options("sip.pstnhub.example.test");

    assertThat(status).as("a transport failure, reported as a timeout").isEqualTo(408);
    assertThat(inboundOptions()).isEqualTo(before);
  }

  /** Sends OPTIONS to {@code host} at the proxy's TLS port; the final status, 408 on timeout. */
  private static int options(String host) throws Exception {
    ListenPoint point = tandem.listenPoint(Transport.TLS);
    CompletableFuture<Integer> status = new CompletableFuture<>();
    tandem.send(
        point,
        new OutboundRequest("OPTIONS", "sip:" + host + ":" + proxyPort + ";transport=tls")
            .header("Max-Forwards", "70")
            .header("From", "<sip:" + SBC + ">;tag=" + UUID.randomUUID())
            .header("To", "<sip:" + host + ":" + proxyPort + ">")
            .header("Call-ID", UUID.randomUUID().toString())
            .header("CSeq", "1 OPTIONS")
            .header("Contact", "<sip:" + SBC + ":" + point.port() + ";transport=tls>"),
        new ResponseHandler() {
          @Override
          public void onResponse(InboundResponse response) {
            if (!response.isProvisional()) {
              status.complete(response.status());
            }
          }

          @Override
          public void onTimeout() {
            status.complete(408);
          }
        });
    return status.get(40, TimeUnit.SECONDS);
  }

  private static long inboundOptions() {
    return microsoft
        .journal()
        .after(0, e -> e.kind().equals("OPTIONS") && e.direction() == Direction.IN, 100)
        .size();
  }

  private static Path testPki(String name) throws Exception {
    try (InputStream in =
        SipEndpointTlsTest.class.getClassLoader().getResourceAsStream("test-pki/" + name)) {
      Path file = directory.resolve(name);
      Files.write(file, in.readAllBytes());
      return file;
    }
  }

  private static int freeTcpPort() {
    return io.tandem.sip.sipp.LoopbackPorts.free();
  }
}
