package io.tandem.server.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tandem.core.event.TenantEvent;
import io.tandem.core.interaction.DisconnectedBy;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.tenant.TenantId;
import io.tandem.emulator.Emulator;
import io.tandem.server.TandemApplication;
import io.tandem.server.microsoft.EmbeddedEmulator;
import io.tandem.server.tenant.TenantRegistry;
import io.tandem.server.testing.H2Database;
import io.tandem.server.testing.RunningServer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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
 * The server as the demo tenant's Direct Routing SBC, with the emulator in-process playing the
 * carrier and Microsoft's SIP proxy, over real SIP, RTP and HTTP: a PSTN caller dials the Connect
 * line through the carrier trunk, presses 1 in the demo's menu (after its greeting), waits in
 * billing and is bridged to a billing agent's Teams number over Direct Routing; the caller hangs up
 * and the interaction ends. A configuration that cannot work stops the start with every problem
 * named.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectChannelTest {

  private static final String CONNECT_LINE = "+14255550300";
  private static final Duration BOUND = Duration.ofSeconds(60);

  @TempDir static Path directory;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<TenantEvent> events = new CopyOnWriteArrayList<>();
  private H2Database database;
  private ConfigurableApplicationContext context;
  private Emulator emulator;
  private URI api;

  @BeforeAll
  void start() throws Exception {
    database = new H2Database(directory);
    int httpPort;
    try (ServerSocket free = new ServerSocket(0)) {
      httpPort = free.getLocalPort();
    }
    DemoSipPorts sip = DemoSipPorts.under(directory);
    context =
        new SpringApplication(TandemApplication.class)
            .run(
                sip.after(
                    "--spring.datasource.url=" + database.jdbcUrl(),
                    "--spring.datasource.username=" + database.username(),
                    "--spring.main.banner-mode=off",
                    "--server.port=" + httpPort,
                    "--server.address=127.0.0.1",
                    "--tandem.demo.arrival-rate-factor=0",
                    "--tandem.prompts.cache-directory=" + directory.resolve("prompt-cache")));
    emulator = context.getBean(EmbeddedEmulator.class).emulator();
    api = URI.create("http://127.0.0.1:" + httpPort + "/api/v1/tenants/demo/interactions/");
    TenantRegistry tenants = context.getBean(TenantRegistry.class);
    await().atMost(BOUND).until(() -> tenants.find(new TenantId("demo")) != null);
    tenants.tenant(new TenantId("demo")).tell(t -> t.addListener(events::add)).join();
  }

  @AfterAll
  void stop() {
    if (context != null) {
      context.close();
    }
    database.close();
  }

  @Test
  void pstnCaller_throughTheCarrierTrunk_isBridgedToABillingAgentsTeams_andHangsUp()
      throws Exception {
    ConnectChannel channel = context.getBean(ConnectChannel.class);
    String call =
        dial(
            "{\"from\":\"+447700900777\",\"to\":\""
                + CONNECT_LINE
                + "\",\"digits\":[{\"after\":\"PT10S\",\"digits\":\"1\"}],\"talkFor\":\"PT30S\"}");

    await().atMost(BOUND).until(() -> !events(InteractionEvent.Connected.class).isEmpty());
    InteractionEvent.Arrived arrived = events(InteractionEvent.Arrived.class).get(0);
    assertThat(arrived.from()).isEqualTo("+447700900777");
    assertThat(arrived.attributes()).containsEntry("channel.model", ConnectChannel.CONNECT_MODEL);
    assertThat(events(InteractionEvent.Queued.class).get(0).queue().value()).isEqualTo("billing");
    InteractionEvent.Connected connected = events(InteractionEvent.Connected.class).get(0);
    assertThat(connected.agent().value()).startsWith("billing-");
    assertThat(channel.activeCalls()).isEqualTo(1);

    await().atMost(BOUND).until(() -> !events(InteractionEvent.Disconnected.class).isEmpty());
    assertThat(events(InteractionEvent.Disconnected.class).get(0).by())
        .isEqualTo(DisconnectedBy.CUSTOMER);
    await().atMost(BOUND).until(() -> channel.activeCalls() == 0);
    assertThat(get(emulator.httpBaseUrl() + "/emulator/pstn/calls/" + call).body())
        .contains("\"ENDED\"");
    // Direct Routing rang the agent's Teams number as Tandem's SBC, with nothing to warn about.
    assertThat(emulator.journal().after(0, e -> e.kind().startsWith("sip.warning"), 10)).isEmpty();
    assertThat(
            emulator.journal().after(0, e -> e.kind().equals("INVITE"), 100).stream()
                .map(e -> String.valueOf(e.body())))
        .anySatisfy(
            invite ->
                assertThat(invite)
                    .startsWith("INVITE sip:+1425555020")
                    .contains("@sbc.demo.tandem.test")
                    .contains("X-MS-SBC: Tandem/Connect/demo"));
    // The interaction's history over the API: connected to the agent, then disconnected.
    HttpResponse<String> history = get(api + arrived.interaction().value());
    assertThat(history.statusCode()).isEqualTo(200);
    assertThat(history.body())
        .contains("Connected")
        .contains(connected.agent().value())
        .contains("Disconnected");
  }

  @Test
  void aTrunkThatCannotWork_stopsTheStart_withEveryProblemNamed() {
    assertThatThrownBy(
            () ->
                RunningServer.start(
                        directory.resolve("bad"),
                        "--tandem.prompts.cache-directory=" + directory.resolve("prompt-cache"),
                        "--tandem.sip.enabled=true",
                        "--tandem.sip.trunks[0].tenant=",
                        "--tandem.sip.trunks[0].numbers=\\+1(",
                        "--tandem.sip.direct-routing[0].transport=carrier-pigeon",
                        "--tandem.sip.trunks[0].srtp=sometimes",
                        "--tandem.sip.trunks[0].outbound.gateway=gateway.carrier.example",
                        "--tandem.sip.trunks[0].outbound.transport=smoke-signals",
                        "--tandem.sip.rtp.first-port=20001",
                        "--tandem.sip.min-session-interval=0s",
                        "--tandem.sip.max-calls=0")
                    .close())
        .rootCause()
        .hasMessageContaining("invalid Connect (SIP) configuration (10 problems)")
        .hasMessageContaining("tandem.sip.min-session-interval must be at least 1s")
        .hasMessageContaining("tandem.sip.max-calls must be at least 1, not 0")
        .hasMessageContaining("tandem.sip.trunks[0].tenant is required")
        .hasMessageContaining("tandem.sip.trunks[0].numbers: '\\+1(' is not a regular expression")
        .hasMessageContaining("tandem.sip.direct-routing[0].tenant is required")
        .hasMessageContaining("tandem.sip.direct-routing[0].transport must be udp, tcp or tls")
        .hasMessageContaining(
            "tandem.sip.trunks[0].srtp must be required, optional or off, not 'sometimes'")
        .hasMessageContaining("tandem.sip.rtp.first-port must be even")
        .hasMessageContaining(
            "tandem.sip.trunks[0].outbound.gateway: 'gateway.carrier.example' is not host:port")
        .hasMessageContaining(
            "tandem.sip.trunks[0].outbound.transport must be udp, tcp or tls, not 'smoke-signals'");
  }

  private String dial(String script) throws Exception {
    HttpResponse<String> placed =
        http.send(
            HttpRequest.newBuilder(URI.create(emulator.httpBaseUrl() + "/emulator/pstn/calls"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(script))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
    String body = placed.body();
    int at = body.indexOf("\"callId\":\"") + 10;
    return body.substring(at, body.indexOf('"', at));
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private <T extends TenantEvent> List<T> events(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
