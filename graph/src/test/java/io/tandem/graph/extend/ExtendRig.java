package io.tandem.graph.extend;

import com.sun.net.httpserver.HttpServer;
import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentProfile;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.flow.Flow;
import io.tandem.core.flow.FlowValidator;
import io.tandem.core.flow.Menu;
import io.tandem.core.flow.Prompt;
import io.tandem.core.flow.RouteToQueue;
import io.tandem.core.interaction.Channel;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.skill.AgentSkills;
import io.tandem.core.tenant.Tenant;
import io.tandem.core.tenant.TenantId;
import io.tandem.core.tenant.TenantMailbox;
import io.tandem.core.time.MailboxScheduler;
import io.tandem.emulator.Emulator;
import io.tandem.emulator.EmulatorSettings;
import io.tandem.emulator.journal.JournalEntry;
import io.tandem.emulator.time.SystemScheduler;
import io.tandem.emulator.world.AppRegistration;
import io.tandem.emulator.world.ClientBehaviour;
import io.tandem.emulator.world.EmulatedTenant;
import io.tandem.emulator.world.TeamsUser;
import io.tandem.graph.calls.CommsNotifications;
import io.tandem.graph.calls.GraphCallsApi;
import io.tandem.graph.client.GraphClient;
import io.tandem.graph.presence.PresenceReader;
import io.tandem.graph.presence.TeamsPresence;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A tenant served by the Extend channel against the emulator's Graph, on the wall clock with short
 * durations: a bot endpoint that validates the notifications' JWTs, short WAV prompts, a tenant on
 * its own mailbox, and the agents' Teams presence polled into routing (the server's presence feed
 * stands in here).
 */
final class ExtendRig implements AutoCloseable {

  static final String TENANT = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
  static final String APP = "1b2c3d4e-5f60-4718-9a0b-1c2d3e4f5a6b";
  static final String HELP_LINE = "+14255550300";
  static final String DANA = "33333333-cccc-4ddd-8eee-000000000001";

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
  final Tenant tenant;
  final List<TenantEvent> events = new CopyOnWriteArrayList<>();
  final List<String> promptsFetched = new CopyOnWriteArrayList<>();
  final AtomicInteger rejectedTokens = new AtomicInteger();
  final ExtendCalls extend;
  private final TenantMailbox mailbox;
  private final HttpServer bot;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
  private final Map<AgentId, String> teamsUsers = new LinkedHashMap<>();
  private final PresenceReader presence;

  ExtendRig() throws Exception {
    Path world = Path.of(ExtendRig.class.getResource("/graph-world.yaml").toURI());
    Clock clock = Clock.systemUTC();
    emulator =
        Emulator.start(EmulatorSettings.defaults().withWorld(world), new SystemScheduler(clock));
    MicrosoftTokenValidator validator =
        MicrosoftTokenValidator.forGraphNotifications(
            URI.create(emulator.httpBaseUrl() + "/aps/v1/.well-known/OpenIdConfiguration"),
            APP,
            http,
            clock);
    mailbox = new TenantMailbox(virtualThreads);
    tenant = new Tenant(new TenantId("t1"), clock, new MailboxScheduler(clock, timers, mailbox));
    bot = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
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
    presence = new PresenceReader(graph);
    URI prompts = URI.create("http://127.0.0.1:" + bot.getAddress().getPort() + "/prompts/");
    extend =
        new ExtendCalls(
            ExtendSettings.of(
                TENANT, callback, t -> FlowValidator.validate(ENTRY, t.flowCatalog())),
            new GraphCallsApi(graph),
            this::onTenant,
            new TestPrompts(prompts),
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
    byte[] shortPrompt = WavWriter.toBytes(new PcmAudio(8000, new short[2400]), WavEncoding.PCM16);
    bot.createContext(
        "/prompts/",
        exchange -> {
          try (exchange) {
            promptsFetched.add(exchange.getRequestURI().getPath());
            exchange.getResponseHeaders().add("Content-Type", "audio/wav");
            exchange.sendResponseHeaders(200, shortPrompt.length);
            exchange.getResponseBody().write(shortPrompt);
          }
        });
    bot.start();
    useCallingWebhook(callback);
    onTenant(
            t -> {
              t.addListener(events::add);
              t.addListener(extend);
              return null;
            })
        .join();
    timers.scheduleWithFixedDelay(this::pollPresence, 0, 150, TimeUnit.MILLISECONDS);
  }

  private <T> java.util.concurrent.CompletableFuture<T> onTenant(
      java.util.function.Function<Tenant, T> command) {
    return mailbox.ask(() -> command.apply(tenant));
  }

  /** Configures the billing queue and logs in agents (Teams users of the emulator) ready. */
  void staff(QueueConfig.Builder billing, Map<String, ClientBehaviour> agents, int proficiency)
      throws Exception {
    List<TeamsUser> users = new ArrayList<>(world().users());
    for (Map.Entry<String, ClientBehaviour> agent : agents.entrySet()) {
      String userId =
          agent.getKey().equals("dana")
              ? DANA
              : String.format("7e7e7e7e-0000-4000-8000-%012d", teamsUsers.size());
      if (!userId.equals(DANA)) {
        users.add(
            new TeamsUser(
                userId, agent.getKey() + "@graph.test", agent.getKey(), null, agent.getValue()));
      }
      teamsUsers.put(new AgentId(agent.getKey()), userId);
    }
    EmulatedTenant tenantNow = world();
    emulator
        .world()
        .putTenant(
            new EmulatedTenant(
                tenantNow.id(),
                tenantNow.displayName(),
                tenantNow.domains(),
                tenantNow.apps(),
                users,
                tenantNow.resourceAccounts()));
    onTenant(
            t -> {
              t.configureQueue(billing.build());
              int rank = proficiency;
              for (Map.Entry<AgentId, String> agent : teamsUsers.entrySet()) {
                t.configureAgent(
                    new AgentProfile(
                        agent.getKey(),
                        agent.getKey().value(),
                        AgentSkills.of(Map.of("billing", rank)),
                        Map.of(Channel.VOICE, 1),
                        agent.getValue()));
                rank = Math.max(1, rank - 1);
                t.logIn(agent.getKey(), true);
              }
              return null;
            })
        .join();
    pollPresence();
  }

  /** A PSTN caller dials the help line with {@code script} fields (JSON members). */
  void dial(String scriptMembers) throws Exception {
    HttpResponse<String> placed =
        http.send(
            HttpRequest.newBuilder(URI.create(emulator.httpBaseUrl() + "/emulator/pstn/calls"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"from\":\"+447700900123\",\"to\":\""
                            + HELP_LINE
                            + "\","
                            + scriptMembers
                            + "}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (placed.statusCode() / 100 != 2) {
      throw new AssertionError("dial refused: " + placed.statusCode() + " " + placed.body());
    }
  }

  <T extends TenantEvent> List<T> events(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  List<JournalEntry> journal(Predicate<JournalEntry> filter) {
    return emulator.journal().after(0, filter, Integer.MAX_VALUE);
  }

  private void pollPresence() {
    if (teamsUsers.isEmpty()) {
      return;
    }
    try {
      Map<String, TeamsPresence> now = presence.read(teamsUsers.values());
      onTenant(
          t -> {
            teamsUsers.forEach(
                (agent, user) -> {
                  TeamsPresence seen = now.get(user);
                  if (seen != null && t.state().agent(agent) != null) {
                    t.presenceChanged(agent, seen.availability());
                  }
                });
            return null;
          });
    } catch (Exception unreachable) {
      // The next poll tries again.
    }
  }

  private EmulatedTenant world() {
    return emulator.world().tenant(TENANT).orElseThrow();
  }

  private void useCallingWebhook(URI callback) {
    EmulatedTenant tenantNow = world();
    AppRegistration app = tenantNow.apps().get(0);
    emulator
        .world()
        .putTenant(
            new EmulatedTenant(
                tenantNow.id(),
                tenantNow.displayName(),
                tenantNow.domains(),
                List.of(
                    new AppRegistration(
                        app.appId(),
                        app.clientSecret(),
                        app.displayName(),
                        app.roles(),
                        callback.toString())),
                tenantNow.users(),
                tenantNow.resourceAccounts()));
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
  private record TestPrompts(URI base) implements PromptLocator {
    @Override
    public URI uriOf(Prompt prompt, @org.jspecify.annotations.Nullable String language) {
      return switch (prompt) {
        case Prompt.File file -> base.resolve(file.uri().replace("prompt:", "") + ".wav");
        case Prompt.Text text ->
            base.resolve("text-" + Integer.toHexString(text.hashCode()) + ".wav");
      };
    }

    @Override
    public List<URI> announcement(
        int position, @org.jspecify.annotations.Nullable Duration expectedWait) {
      return List.of(base.resolve("you-are-number.wav"), base.resolve(position + ".wav"));
    }
  }
}
