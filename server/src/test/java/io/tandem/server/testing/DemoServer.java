package io.tandem.server.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.core.event.TenantEvent;
import io.tandem.core.tenant.TenantId;
import io.tandem.emulator.Emulator;
import io.tandem.server.TandemApplication;
import io.tandem.server.microsoft.EmbeddedEmulator;
import io.tandem.server.tenant.TenantRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application with the demo on (no demo callers: arrival rate 0) and the emulator
 * in-process, on an H2 database under a test's directory and a free loopback port: the demo
 * tenant's events are kept from the start, and PSTN callers are placed through the emulator.
 */
public final class DemoServer implements AutoCloseable {

  /** How long a test waits for what the server does. */
  public static final Duration BOUND = Duration.ofSeconds(60);

  private static final TenantId DEMO = new TenantId("demo");

  private final H2Database database;
  private final ConfigurableApplicationContext context;
  private final Emulator emulator;
  private final URI base;
  private final List<TenantEvent> events = new CopyOnWriteArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  private DemoServer(Path directory, List<String> arguments) throws IOException {
    database = new H2Database(directory);
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    List<String> all = new ArrayList<>();
    all.add("--spring.datasource.url=" + database.jdbcUrl());
    all.add("--spring.datasource.username=" + database.username());
    all.add("--spring.main.banner-mode=off");
    all.add("--server.port=" + port);
    all.add("--server.address=127.0.0.1");
    all.add("--tandem.demo.arrival-rate-factor=0");
    all.add("--tandem.prompts.cache-directory=" + directory.resolve("prompt-cache"));
    all.addAll(arguments);
    context = new SpringApplication(TandemApplication.class).run(all.toArray(String[]::new));
    emulator = context.getBean(EmbeddedEmulator.class).emulator();
    base = URI.create("http://127.0.0.1:" + port);
    TenantRegistry tenants = context.getBean(TenantRegistry.class);
    await().atMost(BOUND).until(() -> tenants.find(DEMO) != null);
    tenants.tenant(DEMO).tell(t -> t.addListener(events::add)).join();
  }

  /** Starts the demo server under {@code directory} with the {@code arguments} added. */
  public static DemoServer start(Path directory, String... arguments) throws IOException {
    return new DemoServer(directory, List.of(arguments));
  }

  public Emulator emulator() {
    return emulator;
  }

  public URI base() {
    return base;
  }

  /** The server's API, acting as {@code principal}. */
  public Http api(String principal) {
    return Http.to(base).as(principal);
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  /** The demo tenant's events of {@code type} so far, in order. */
  public <T extends TenantEvent> List<T> events(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Waits for the first event of {@code type} and returns it. */
  public <T extends TenantEvent> T first(Class<T> type) {
    await().atMost(BOUND).until(() -> !events(type).isEmpty());
    return events(type).getFirst();
  }

  /** Places a PSTN call through the emulator ({@code script}: its JSON); returns the call id. */
  public String dial(String script) throws IOException, InterruptedException {
    HttpResponse<String> placed =
        http.send(
            HttpRequest.newBuilder(URI.create(emulator.httpBaseUrl() + "/emulator/pstn/calls"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(script))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
    return placed.body();
  }

  /** Answers {@code path} of the server as bytes. */
  public HttpResponse<byte[]> fetch(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(base.resolve(path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Override
  public void close() {
    context.close();
    database.close();
  }
}
