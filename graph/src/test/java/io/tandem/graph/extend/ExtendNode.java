package io.tandem.graph.extend;

import io.tandem.core.flow.Flow;
import io.tandem.core.flow.FlowValidator;
import io.tandem.core.flow.Menu;
import io.tandem.core.flow.Prompt;
import io.tandem.core.flow.RouteToQueue;
import io.tandem.core.flow.Voicemail;
import io.tandem.core.tenant.Tenant;
import io.tandem.core.voicemail.MemoryVoicemailStore;
import io.tandem.core.voicemail.VoicemailIntake;
import io.tandem.core.voicemail.VoicemailLimits;
import io.tandem.emulator.Emulator;
import io.tandem.emulator.world.AppRegistration;
import io.tandem.emulator.world.EmulatedTenant;
import io.tandem.emulator.world.TeamsUser;
import io.tandem.graph.calls.CommsNotifications;
import io.tandem.graph.calls.GraphCallsApi;
import io.tandem.graph.client.GraphClient;
import io.tandem.identity.ClientCredentials;
import io.tandem.identity.EntraTokenClient;
import io.tandem.identity.MicrosoftTokenValidator;
import io.tandem.identity.TokenRejectedException;
import io.tandem.testkit.EmulatedNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One node of the Extend channel against the in-process emulator ({@code graph-world.yaml}) on the
 * wall clock, as the end-to-end tests and the load benchmark share it: a bot endpoint that
 * validates the notifications' JWTs (counting refusals), WAV prompts chosen by path, a tenant on
 * its own mailbox with the channel listening, the entry flow "press 1 for billing, 2 to leave a
 * message" (mailbox {@code sales-box}), and voicemail kept in memory ({@link #voicemails}).
 */
public final class ExtendNode implements AutoCloseable {

  public static final String TENANT = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
  public static final String APP = "1b2c3d4e-5f60-4718-9a0b-1c2d3e4f5a6b";
  public static final String HELP_LINE = "+14255550300";

  private static final Flow ENTRY =
      new Flow(
          "entry",
          "Entry",
          "menu",
          Map.of(
              "menu",
              new Menu(
                  new Prompt.File("prompt:menu"),
                  Map.of("1", "billing", "2", "voicemail"),
                  Duration.ofSeconds(3),
                  0,
                  null,
                  null,
                  "billing"),
              "billing",
              new RouteToQueue("billing", null),
              "voicemail",
              new Voicemail("sales-box", new Prompt.File("prompt:leave-a-message"))));

  public final Emulator emulator;
  public final ExtendCalls extend;
  public final GraphClient graph;
  public final AtomicInteger rejectedTokens = new AtomicInteger();
  public final ScheduledExecutorService timers;
  private final EmulatedNode node;
  public final MemoryVoicemailStore voicemails = new MemoryVoicemailStore();

  /**
   * @param journalCapacity entries the emulator's journal keeps
   * @param prompts the WAV served for a request path under {@code /prompts/}
   */
  public ExtendNode(int journalCapacity, Function<String, byte[]> prompts) throws Exception {
    this(journalCapacity, prompts, VoicemailLimits.DEFAULT);
  }

  /**
   * @param journalCapacity entries the emulator's journal keeps
   * @param prompts the WAV served for a request path under {@code /prompts/}
   * @param limits how long a voicemail message may and must be
   */
  public ExtendNode(int journalCapacity, Function<String, byte[]> prompts, VoicemailLimits limits)
      throws Exception {
    this(journalCapacity, prompts, limits, OfferMode.HAND_OVER);
  }

  /**
   * @param journalCapacity entries the emulator's journal keeps
   * @param prompts the WAV served for a request path under {@code /prompts/}
   * @param limits how long a voicemail message may and must be
   * @param offerMode how offers bring callers to agents
   */
  public ExtendNode(
      int journalCapacity,
      Function<String, byte[]> prompts,
      VoicemailLimits limits,
      OfferMode offerMode)
      throws Exception {
    node =
        new EmulatedNode(
            Path.of(ExtendNode.class.getResource("/graph-world.yaml").toURI()),
            journalCapacity,
            prompts);
    emulator = node.emulator;
    timers = node.timers;
    Clock clock = node.clock;
    HttpClient http = node.http;
    String base = node.base;
    MicrosoftTokenValidator validator =
        MicrosoftTokenValidator.forGraphNotifications(
            URI.create(emulator.httpBaseUrl() + "/aps/v1/.well-known/OpenIdConfiguration"),
            APP,
            http,
            clock);
    graph =
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
    extend =
        new ExtendCalls(
            ExtendSettings.of(
                    TENANT,
                    URI.create(base + "/calls"),
                    t -> FlowValidator.validate(ENTRY, t.flowCatalog()))
                .withOfferMode(offerMode),
            new GraphCallsApi(graph),
            this::onTenant,
            new PromptFiles(URI.create(base + "/prompts/")),
            node.virtualThreads,
            node.channelScheduler(),
            clock,
            new VoicemailIntake(node.tenantId(), voicemails, limits, new java.util.Random()));
    node.server.createContext(
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
    node.start();
    changeWorld(base + "/calls", null);
    tell(t -> t.addListener(extend)).join();
  }

  /** Runs {@code command} on the tenant's writer. */
  public <T> CompletableFuture<T> onTenant(Function<Tenant, T> command) {
    return node.onTenant(command);
  }

  /** Runs {@code command} on the tenant's writer; completes when it has run. */
  public CompletableFuture<Void> tell(java.util.function.Consumer<Tenant> command) {
    return node.tell(command);
  }

  /** A PSTN caller dials the help line with {@code script} members; the emulator's call id. */
  public String dial(String from, String scriptMembers) throws Exception {
    return node.dial(from, HELP_LINE, scriptMembers);
  }

  /** Replaces the Teams users of the tenant in the emulator's world. */
  public void useTeamsUsers(List<TeamsUser> users) {
    changeWorld(null, users);
  }

  /** The emulator's world tenant. */
  public EmulatedTenant world() {
    return emulator.world().tenant(TENANT).orElseThrow();
  }

  /** {@code millis} of silence as an 8 kHz WAV: Graph plays a WAV for its own length. */
  public static byte[] silence(int millis) {
    return EmulatedNode.silence(millis);
  }

  private void changeWorld(@Nullable String callingWebhook, @Nullable List<TeamsUser> users) {
    EmulatedTenant now = world();
    List<AppRegistration> apps =
        callingWebhook == null
            ? now.apps()
            : now.apps().stream()
                .map(
                    app ->
                        new AppRegistration(
                            app.appId(),
                            app.clientSecret(),
                            app.displayName(),
                            app.roles(),
                            callingWebhook))
                .toList();
    emulator
        .world()
        .putTenant(
            new EmulatedTenant(
                now.id(),
                now.displayName(),
                now.domains(),
                apps,
                users == null ? now.users() : users,
                now.resourceAccounts()));
  }

  @Override
  public void close() {
    node.close();
  }

  /** Prompts at {@code base}: files by name, text by a hash, announcements as two files. */
  private record PromptFiles(URI base) implements PromptLocator {
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
