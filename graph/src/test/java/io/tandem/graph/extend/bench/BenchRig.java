package io.tandem.graph.extend.bench;

import com.sun.net.httpserver.HttpServer;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.flow.Flow;
import io.tandem.core.flow.FlowValidator;
import io.tandem.core.flow.Menu;
import io.tandem.core.flow.Prompt;
import io.tandem.core.flow.RouteToQueue;
import io.tandem.core.queue.Announcements;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.QueueId;
import io.tandem.core.queue.RoutingStrategyKind;
import io.tandem.core.tenant.Tenant;
import io.tandem.core.tenant.TenantId;
import io.tandem.core.tenant.TenantMailbox;
import io.tandem.core.time.MailboxScheduler;
import io.tandem.emulator.Emulator;
import io.tandem.emulator.EmulatorSettings;
import io.tandem.emulator.time.SystemScheduler;
import io.tandem.emulator.world.AppRegistration;
import io.tandem.emulator.world.EmulatedTenant;
import io.tandem.graph.calls.CommsNotifications;
import io.tandem.graph.calls.GraphCallsApi;
import io.tandem.graph.client.GraphClient;
import io.tandem.graph.extend.ExtendCalls;
import io.tandem.graph.extend.ExtendSettings;
import io.tandem.graph.extend.PromptLocator;
import io.tandem.identity.ClientCredentials;
import io.tandem.identity.EntraTokenClient;
import io.tandem.identity.MicrosoftTokenValidator;
import io.tandem.identity.TokenRejectedException;
import io.tandem.media.audio.PcmAudio;
import io.tandem.media.wav.WavEncoding;
import io.tandem.media.wav.WavWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * One node of the Extend channel against the in-process emulator on the wall clock, as {@code
 * ExtendRig} assembles it but without agents: a JWT-validating bot endpoint, silent WAV prompts (a
 * {@value #MENU_SECONDS} s menu, {@value #MUSIC_SECONDS} s of music on hold), a tenant on its own
 * mailbox whose billing queue nobody staffs, so every caller who presses 1 waits there until their
 * patience runs out. Counts tenant events by type instead of keeping them.
 */
final class BenchRig implements AutoCloseable {

  static final String TENANT = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
  static final String APP = "1b2c3d4e-5f60-4718-9a0b-1c2d3e4f5a6b";
  static final String HELP_LINE = "+14255550300";
  static final int MENU_SECONDS = 6;
  static final int MUSIC_SECONDS = 20;
  static final QueueId BILLING = new QueueId("billing");

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Flow ENTRY =
      new Flow(
          "entry",
          "Entry",
          "menu",
          Map.of(
              "menu",
              new Menu(
                  new Prompt.File("prompt:menu"),
                  Map.of("1", "billing"),
                  Duration.ofSeconds(3),
                  0,
                  null,
                  null,
                  "billing"),
              "billing",
              new RouteToQueue("billing", null)));

  final Emulator emulator;
  final ExtendCalls extend;
  final AtomicInteger rejectedTokens = new AtomicInteger();
  final AtomicInteger promptFetches = new AtomicInteger();
  private final Map<String, AtomicInteger> eventCounts = new ConcurrentHashMap<>();
  private final Tenant tenant;
  private final TenantMailbox mailbox;
  private final HttpServer bot;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();

  BenchRig(int journalCapacity) throws Exception {
    Path world = Path.of(BenchRig.class.getResource("/graph-world.yaml").toURI());
    Clock clock = Clock.systemUTC();
    emulator =
        Emulator.start(
            EmulatorSettings.defaults().withWorld(world).withJournalCapacity(journalCapacity),
            new SystemScheduler(clock));
    // No throttling of the bot's Graph requests (the emulator's default, stated for the record).
    var graphSettings = emulator.graphCalls().settings();
    emulator
        .graphCalls()
        .changeSettings(
            new io.tandem.emulator.graph.calls.GraphCallsSettings(
                graphSettings.answerDeadline(),
                graphSettings.keepAliveExpiry(),
                graphSettings.promptDuration(),
                graphSettings.ringTimeout(),
                graphSettings.pstnAnswerAfter(),
                graphSettings.maxRecordDuration(),
                graphSettings.establishedBeforeEstablishing(),
                graphSettings.notificationAttempts(),
                graphSettings.retryBackoff(),
                0,
                graphSettings.throttleWindow()));
    MicrosoftTokenValidator validator =
        MicrosoftTokenValidator.forGraphNotifications(
            URI.create(emulator.httpBaseUrl() + "/aps/v1/.well-known/OpenIdConfiguration"),
            APP,
            http,
            clock);
    mailbox = new TenantMailbox(virtualThreads);
    tenant = new Tenant(new TenantId("t1"), clock, new MailboxScheduler(clock, timers, mailbox));
    bot = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1000);
    bot.setExecutor(virtualThreads);
    URI callback = URI.create("http://127.0.0.1:" + bot.getAddress().getPort() + "/calls");
    GraphClient graph =
        GraphClient.of(
            URI.create(emulator.httpBaseUrl() + "/v1.0"),
            EntraTokenClient.of(
                new ClientCredentials(
                    URI.create(emulator.httpBaseUrl()),
                    TENANT,
                    APP,
                    "bot-secret",
                    "https://graph.microsoft.com/.default"),
                http,
                clock),
            http);
    URI prompts = URI.create("http://127.0.0.1:" + bot.getAddress().getPort() + "/prompts/");
    extend =
        new ExtendCalls(
            ExtendSettings.of(
                TENANT, callback, t -> FlowValidator.validate(ENTRY, t.flowCatalog())),
            new GraphCallsApi(graph),
            this::onTenant,
            new SilentPrompts(prompts),
            virtualThreads,
            new MailboxScheduler(clock, timers, virtualThreads),
            clock);
    bot.createContext(
        "/calls",
        exchange -> {
          try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            try {
              validator.validateAuthorization(
                  Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")));
            } catch (TokenRejectedException rejected) {
              rejectedTokens.incrementAndGet();
              exchange.sendResponseHeaders(401, -1);
              return;
            }
            extend.received(CommsNotifications.parse(body));
            exchange.sendResponseHeaders(202, -1);
          }
        });
    byte[] menu = silence(MENU_SECONDS * 1000);
    byte[] music = silence(MUSIC_SECONDS * 1000);
    byte[] word = silence(500);
    bot.createContext(
        "/prompts/",
        exchange -> {
          try (exchange) {
            promptFetches.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            byte[] wav =
                path.endsWith("/menu.wav")
                    ? menu
                    : path.endsWith("/music-on-hold.wav") ? music : word;
            exchange.getResponseHeaders().add("Content-Type", "audio/wav");
            exchange.sendResponseHeaders(200, wav.length);
            exchange.getResponseBody().write(wav);
          }
        });
    bot.start();
    useCallingWebhook(callback);
    QueueConfig billing =
        QueueConfig.builder("billing")
            .skills("billing >= 1")
            .strategy(RoutingStrategyKind.SKILLS_PROFICIENCY)
            .announcements(
                new Announcements("prompt:music-on-hold", Duration.ofSeconds(30), true, false))
            .build();
    onTenant(
            t -> {
              t.addListener(this::count);
              t.addListener(extend);
              t.configureQueue(billing);
              return null;
            })
        .join();
  }

  /** Places a PSTN call to the help line; the emulator's call id. */
  String dial(String from, String scriptMembers) throws Exception {
    HttpResponse<String> placed =
        http.send(
            HttpRequest.newBuilder(URI.create(emulator.httpBaseUrl() + "/emulator/pstn/calls"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"from\":\""
                            + from
                            + "\",\"to\":\""
                            + HELP_LINE
                            + "\","
                            + scriptMembers
                            + "}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (placed.statusCode() / 100 != 2) {
      throw new IllegalStateException("dial refused: " + placed.statusCode() + " " + placed.body());
    }
    return JSON.readTree(placed.body()).path("callId").asString();
  }

  /** How many tenant events of this simple type name were published so far. */
  int count(String eventType) {
    AtomicInteger seen = eventCounts.get(eventType);
    return seen == null ? 0 : seen.get();
  }

  /** Callers waiting in the billing queue now (read on the tenant's writer). */
  int waiting() {
    return onTenant(t -> t.state().waitingIn(BILLING)).join();
  }

  private void count(TenantEvent event) {
    eventCounts
        .computeIfAbsent(event.getClass().getSimpleName(), type -> new AtomicInteger())
        .incrementAndGet();
  }

  private <T> java.util.concurrent.CompletableFuture<T> onTenant(
      java.util.function.Function<Tenant, T> command) {
    return mailbox.ask(() -> command.apply(tenant));
  }

  private static byte[] silence(int millis) {
    return WavWriter.toBytes(new PcmAudio(8000, new short[8 * millis]), WavEncoding.PCM16);
  }

  private void useCallingWebhook(URI callback) {
    EmulatedTenant now = emulator.world().tenant(TENANT).orElseThrow();
    AppRegistration app = now.apps().get(0);
    emulator
        .world()
        .putTenant(
            new EmulatedTenant(
                now.id(),
                now.displayName(),
                now.domains(),
                List.of(
                    new AppRegistration(
                        app.appId(),
                        app.clientSecret(),
                        app.displayName(),
                        app.roles(),
                        callback.toString())),
                now.users(),
                now.resourceAccounts()));
  }

  @Override
  public void close() {
    timers.shutdownNow();
    bot.stop(0);
    emulator.close();
    if (emulator.scheduler() instanceof SystemScheduler system) {
      system.close();
    }
    virtualThreads.shutdownNow();
  }

  /** Prompts at {@code base}: files by name, text by a hash, announcements as two files. */
  private record SilentPrompts(URI base) implements PromptLocator {
    @Override
    public URI uriOf(Prompt prompt, @Nullable String language) {
      return switch (prompt) {
        case Prompt.File file -> base.resolve(file.uri().replace("prompt:", "") + ".wav");
        case Prompt.Text text ->
            base.resolve("text-" + Integer.toHexString(text.hashCode()) + ".wav");
      };
    }

    @Override
    public List<URI> announcement(int position, @Nullable Duration expectedWait) {
      return List.of(base.resolve("you-are-number.wav"), base.resolve(position + ".wav"));
    }
  }
}
