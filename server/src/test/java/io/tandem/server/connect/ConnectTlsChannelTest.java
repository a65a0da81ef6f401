package io.tandem.server.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tandem.core.event.TenantEvent;
import io.tandem.core.interaction.DisconnectedBy;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.tenant.TenantId;
import io.tandem.emulator.Emulator;
import io.tandem.emulator.EmulatorSettings;
import io.tandem.emulator.directrouting.DirectRoutingSettings;
import io.tandem.emulator.journal.Direction;
import io.tandem.emulator.journal.JournalEntry;
import io.tandem.emulator.time.SystemScheduler;
import io.tandem.server.TandemApplication;
import io.tandem.server.tenant.TenantRegistry;
import io.tandem.server.testing.H2Database;
import io.tandem.server.testing.RunningServer;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The server as the demo tenant's SBC over mutual TLS: an emulator whose Direct Routing proxy takes
 * TLS only (and sends to Tandem over TLS) plays Microsoft and the carrier; Tandem presents the
 * emulator's test-PKI SBC certificate ({@code *.customers.tandem.test}) as {@code
 * demo.customers.tandem.test} and trusts the emulator's test CA. A PSTN caller is bridged to a
 * billing agent's Teams number over TLS. TLS material that cannot work stops the start, naming the
 * key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectTlsChannelTest {

  private static final String CONNECT_LINE = "+14255550300";
  private static final String SBC = "demo.customers.tandem.test";
  private static final Duration BOUND = Duration.ofSeconds(60);

  @TempDir static Path directory;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<TenantEvent> events = new CopyOnWriteArrayList<>();
  private Path sbcKeyStore;
  private Path otherKeyStore;
  private Path trustStore;
  private H2Database database;
  private SystemScheduler scheduler;
  private Emulator microsoft;
  private ConfigurableApplicationContext context;

  @BeforeAll
  void start() throws Exception {
    sbcKeyStore = testPki("sbc.p12");
    otherKeyStore = testPki("tandem.p12");
    trustStore = testPki("truststore.p12");
    int tandem = freeUdpAndTcpPort();
    int proxy = freeUdpAndTcpPort();
    int carrier = freeUdpAndTcpPort();
    scheduler = new SystemScheduler(Clock.systemUTC());
    microsoft =
        Emulator.start(
            EmulatorSettings.defaults()
                .withWorld(world(tandem))
                .withDirectRouting(
                    DirectRoutingSettings.defaults()
                        .withProxies(
                            List.of(
                                new DirectRoutingSettings.ProxyPorts(
                                    DirectRoutingSettings.PROXY_FQDNS.get(0), proxy, -1, -1)))
                        .withOutboundTransport("tls")
                        .withCarrierPort(carrier)),
            scheduler);
    database = new H2Database(directory);
    int httpPort;
    try (ServerSocket free = new ServerSocket(0)) {
      httpPort = free.getLocalPort();
    }
    context =
        new SpringApplication(TandemApplication.class)
            .run(
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--spring.main.banner-mode=off",
                "--server.port=" + httpPort,
                "--server.address=127.0.0.1",
                "--tandem.demo.arrival-rate-factor=0",
                "--tandem.prompts.cache-directory=" + directory.resolve("prompt-cache"),
                "--tandem.microsoft.emulator.direct-routing.enabled=false",
                "--tandem.sip.udp-port=" + tandem,
                "--tandem.sip.tls-port=" + tandem,
                "--tandem.sip.tls.key-store=" + sbcKeyStore,
                "--tandem.sip.tls.key-store-password=changeit",
                "--tandem.sip.tls.trust-store=" + trustStore,
                "--tandem.sip.tls.trust-store-password=changeit",
                "--tandem.sip.direct-routing[0].tenant=demo",
                "--tandem.sip.direct-routing[0].sbc-fqdn=" + SBC,
                "--tandem.sip.direct-routing[0].transport=tls",
                "--tandem.sip.direct-routing[0].sbc-identity=Tandem/Connect/demo",
                "--tandem.sip.direct-routing[0].proxies=sip.pstnhub.microsoft.com:" + proxy);
    TenantRegistry tenants = context.getBean(TenantRegistry.class);
    await().atMost(BOUND).until(() -> tenants.find(new TenantId("demo")) != null);
    tenants.tenant(new TenantId("demo")).tell(t -> t.addListener(events::add)).join();
  }

  @AfterAll
  void stop() {
    if (context != null) {
      context.close();
    }
    if (microsoft != null) {
      microsoft.close();
      scheduler.close();
    }
    database.close();
  }

  @Test
  void pstnCaller_isBridgedToABillingAgentsTeams_overTls_andHangsUp() throws Exception {
    ConnectChannel channel = context.getBean(ConnectChannel.class);
    await().atMost(BOUND).until(() -> channel.proxyHealth().containsValue(200));
    dial(
        "{\"from\":\"+447700900777\",\"to\":\""
            + CONNECT_LINE
            + "\",\"digits\":[{\"after\":\"PT10S\",\"digits\":\"1\"}],\"talkFor\":\"PT15S\"}");

    await().atMost(BOUND).until(() -> !events(InteractionEvent.Connected.class).isEmpty());
    assertThat(events(InteractionEvent.Connected.class).get(0).agent().value())
        .startsWith("billing-");
    await().atMost(BOUND).until(() -> !events(InteractionEvent.Disconnected.class).isEmpty());
    assertThat(events(InteractionEvent.Disconnected.class).get(0).by())
        .isEqualTo(DisconnectedBy.CUSTOMER);
    await().atMost(BOUND).until(() -> channel.activeCalls() == 0);
    List<JournalEntry> invites =
        microsoft
            .journal()
            .after(0, e -> e.kind().equals("INVITE") && e.direction() == Direction.IN, 100);
    assertThat(invites)
        .anySatisfy(
            invite -> {
              assertThat(invite.attributes()).containsEntry("transport", "tls");
              assertThat(String.valueOf(invite.body()))
                  .startsWith("INVITE sip:+1425555020")
                  .containsPattern("Contact: <sip:\\+447700900777@" + SBC + ":\\d+;transport=tls>");
            });
    assertThat(microsoft.journal().after(0, e -> e.kind().startsWith("sip.warning"), 10)).isEmpty();
  }

  @Test
  void aCertificateNotNamingTheSbcFqdn_stopsTheStart_namingTheKeys() {
    assertThatThrownBy(
            () ->
                RunningServer.start(
                        directory.resolve("wrong-name"),
                        "--tandem.prompts.cache-directory=" + directory.resolve("prompt-cache"),
                        "--tandem.sip.enabled=true",
                        "--tandem.sip.tls-port=" + freeUdpAndTcpPort(),
                        "--tandem.sip.tls.key-store=" + otherKeyStore,
                        "--tandem.sip.tls.key-store-password=changeit",
                        "--tandem.sip.tls.trust-store=" + trustStore,
                        "--tandem.sip.tls.trust-store-password=changeit",
                        "--tandem.sip.direct-routing[0].tenant=demo",
                        "--tandem.sip.direct-routing[0].sbc-fqdn=sbc.demo.tandem.test")
                    .close())
        .rootCause()
        .hasMessageContaining("invalid Connect (SIP) configuration (1 problem)")
        .hasMessageContaining(
            "tandem.sip.direct-routing[0].sbc-fqdn 'sbc.demo.tandem.test' is not named by the"
                + " certificate in tandem.sip.tls.key-store (it names localhost, tandem.test)");
  }

  @Test
  void missingStoresWrongPasswordsAndNoTlsPort_stopTheStart_namingEachKey() {
    Path nowhere = directory.resolve("nowhere.p12");
    assertThatThrownBy(
            () ->
                RunningServer.start(
                        directory.resolve("unusable"),
                        "--tandem.prompts.cache-directory=" + directory.resolve("prompt-cache"),
                        "--tandem.sip.enabled=true",
                        "--tandem.sip.tls.key-store=" + nowhere,
                        "--tandem.sip.tls.trust-store=" + trustStore,
                        "--tandem.sip.tls.trust-store-password=not-changeit",
                        "--tandem.sip.direct-routing[0].tenant=demo",
                        "--tandem.sip.direct-routing[0].sbc-fqdn=" + SBC)
                    .close())
        .rootCause()
        .hasMessageContaining("invalid Connect (SIP) configuration (3 problems)")
        .hasMessageContaining(
            "tandem.sip.direct-routing[0].transport tls needs tandem.sip.tls-port")
        .hasMessageContaining("tandem.sip.tls.key-store: no file " + nowhere)
        .hasMessageContaining(
            "tandem.sip.tls.trust-store-password: "
                + trustStore
                + " does not open with its password");
    assertThatThrownBy(
            () ->
                RunningServer.start(
                        directory.resolve("wrong-key-password"),
                        "--tandem.prompts.cache-directory=" + directory.resolve("prompt-cache"),
                        "--tandem.sip.enabled=true",
                        "--tandem.sip.tls-port=" + freeUdpAndTcpPort(),
                        "--tandem.sip.tls.key-store=" + sbcKeyStore,
                        "--tandem.sip.tls.key-store-password=not-changeit")
                    .close())
        .rootCause()
        .hasMessageContaining("invalid Connect (SIP) configuration (1 problem)")
        .hasMessageContaining("tandem.sip.tls.key-store-password: " + sbcKeyStore)
        .hasMessageNotContaining("trust-store"); // not set: the JDK's trusted roots
  }

  /** The demo world with the demo tenant's gateway {@link #SBC} and the carrier on {@code port}. */
  private Path world(int port) throws Exception {
    String world;
    try (InputStream in = getClass().getResourceAsStream("/demo/emulator-world.yaml")) {
      world = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(world)
        .contains("sipSignalingPort: 5070")
        .contains("127.0.0.1:5070")
        .contains("fqdn: sbc.demo.tandem.test")
        .contains("domains: [demo.tandem.test]");
    Path file = Files.createTempFile(directory, "emulator-world-", ".yaml");
    Files.writeString(
        file,
        world
            .replace("sipSignalingPort: 5070", "sipSignalingPort: " + port)
            .replace("127.0.0.1:5070", "127.0.0.1:" + port)
            .replace("fqdn: sbc.demo.tandem.test", "fqdn: " + SBC)
            .replace("domains: [demo.tandem.test]", "domains: [demo.tandem.test, " + SBC + "]"));
    return file;
  }

  private static Path testPki(String name) throws Exception {
    try (InputStream in =
        ConnectTlsChannelTest.class.getClassLoader().getResourceAsStream("test-pki/" + name)) {
      Path file = directory.resolve(name);
      Files.write(file, in.readAllBytes());
      return file;
    }
  }

  private void dial(String script) throws Exception {
    HttpResponse<String> placed =
        http.send(
            HttpRequest.newBuilder(URI.create(microsoft.httpBaseUrl() + "/emulator/pstn/calls"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(script))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
  }

  private <T extends TenantEvent> List<T> events(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static int freeUdpAndTcpPort() throws Exception {
    for (int attempt = 0; attempt < 50; attempt++) {
      try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        int port = tcp.getLocalPort();
        try (DatagramSocket udp = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
          return port;
        } catch (java.io.IOException taken) {
          // try another
        }
      }
    }
    throw new IllegalStateException("no free port");
  }
}
