package io.tandem.acs.unify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tandem.acs.client.AcsConnectionString;
import io.tandem.acs.client.CallAutomationClient;
import io.tandem.acs.events.CallEvents;
import io.tandem.acs.events.EventGridDelivery;
import io.tandem.acs.events.EventGridEvents;
import io.tandem.core.flow.CollectDigits;
import io.tandem.core.flow.Flow;
import io.tandem.core.flow.FlowValidator;
import io.tandem.core.flow.HangUp;
import io.tandem.core.flow.Menu;
import io.tandem.core.flow.OfferCallback;
import io.tandem.core.flow.Play;
import io.tandem.core.flow.Prompt;
import io.tandem.core.flow.RouteToQueue;
import io.tandem.core.flow.Voicemail;
import io.tandem.core.tenant.Tenant;
import io.tandem.core.tenant.TenantId;
import io.tandem.core.tenant.TenantMailbox;
import io.tandem.core.time.MailboxScheduler;
import io.tandem.core.voicemail.MemoryVoicemailStore;
import io.tandem.core.voicemail.VoicemailIntake;
import io.tandem.core.voicemail.VoicemailLimits;
import io.tandem.emulator.Emulator;
import io.tandem.emulator.EmulatorSettings;
import io.tandem.emulator.time.SystemScheduler;
import io.tandem.identity.MicrosoftTokenValidator;
import io.tandem.identity.TokenRejectedException;
import io.tandem.media.audio.PcmAudio;
import io.tandem.media.wav.WavEncoding;
import io.tandem.media.wav.WavWriter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * One node of the Unify channel against the in-process emulator ({@code unify-world.yaml}) on the
 * wall clock: an Event Grid endpoint (validation handshake, IncomingCall), a callback endpoint that
 * validates every callback's JWT (counting refusals), WAV prompts chosen by path, a tenant on its
 * own mailbox with the channel listening, the entry flow "press 1 for billing, 5 to leave a
 * message" (mailbox {@code sales-box}), and voicemail kept in memory ({@link #voicemails}; its
 * files come through the Event Grid endpoint).
 */
public final class UnifyNode implements AutoCloseable {

  public static final String TENANT = "6c5d4e3f-2a1b-4c0d-9e8f-7a6b5c4d3e2f";
  public static final String APP = "7d6e5f4a-3b2c-4d1e-8f0a-9b8c7d6e5f4a";
  public static final String ACS_RESOURCE = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
  public static final String ACCESS_KEY = "dGFuZGVtLXVuaWZ5LXRlc3QtYWNzLWFjY2Vzcy1rZXktMDAx";
  public static final String HELP_LINE = "+14255550500";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Flow ENTRY =
      new Flow(
          "entry",
          "Entry",
          "welcome",
          Map.of(
              "welcome",
              new Play(new Prompt.File("prompt:welcome"), "menu"),
              "menu",
              new Menu(
                  new Prompt.File("prompt:menu"),
                  Map.of(
                      "1",
                      "billing",
                      "2",
                      "goodbye",
                      "3",
                      "account",
                      "4",
                      "callback",
                      "5",
                      "voicemail"),
                  Duration.ofSeconds(3),
                  0,
                  null,
                  null,
                  "billing"),
              "account",
              new CollectDigits(
                  new Prompt.File("prompt:account"),
                  4,
                  8,
                  "#",
                  Duration.ofSeconds(2),
                  null,
                  "account",
                  0,
                  null,
                  null,
                  "billing",
                  "billing"),
              "callback",
              new OfferCallback(
                  new Prompt.File("prompt:callback-offer"),
                  "1",
                  Duration.ofSeconds(3),
                  null,
                  "billing",
                  "billing"),
              "goodbye",
              new HangUp(null, "caller-chose-goodbye"),
              "billing",
              new RouteToQueue("billing", null),
              "voicemail",
              new Voicemail("sales-box", new Prompt.File("prompt:leave-a-message"))));

  public final Emulator emulator;
  public final UnifyCalls unify;
  public final CallAutomationClient acs;
  public final AtomicInteger rejectedTokens = new AtomicInteger();
  public final AtomicInteger refusedBodies = new AtomicInteger();
  public final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
  public final MemoryVoicemailStore voicemails = new MemoryVoicemailStore();
  public final String base;
  private final Tenant tenant;
  private final TenantMailbox mailbox;
  private final HttpServer app;
  private final MicrosoftTokenValidator validator;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();

  /**
   * @param journalCapacity entries the emulator's journal keeps
   * @param prompts the WAV served for a request path under {@code /prompts/}
   * @param settings the channel's settings from the callback URI, the defaults otherwise
   */
  public UnifyNode(
      int journalCapacity,
      Function<String, byte[]> prompts,
      Function<UnifySettings, UnifySettings> settings)
      throws Exception {
    this(journalCapacity, prompts, settings, ACCESS_KEY);
  }

  /**
   * A node whose Call Automation client signs with {@code accessKey} (the resource's, or a wrong
   * one to see the service refuse it).
   */
  public UnifyNode(
      int journalCapacity,
      Function<String, byte[]> prompts,
      Function<UnifySettings, UnifySettings> settings,
      String accessKey)
      throws Exception {
    this(journalCapacity, prompts, settings, accessKey, VoicemailLimits.DEFAULT);
  }

  /** A node whose voicemail keeps messages within {@code limits}. */
  public UnifyNode(
      int journalCapacity,
      Function<String, byte[]> prompts,
      Function<UnifySettings, UnifySettings> settings,
      String accessKey,
      VoicemailLimits limits)
      throws Exception {
    Path world = Path.of(UnifyNode.class.getResource("/unify-world.yaml").toURI());
    Clock clock = Clock.systemUTC();
    emulator =
        Emulator.start(
            EmulatorSettings.defaults().withWorld(world).withJournalCapacity(journalCapacity),
            new SystemScheduler(clock));
    validator =
        MicrosoftTokenValidator.forAcsCallbacks(
            URI.create(emulator.httpBaseUrl() + "/calling/.well-known/acsopenidconfiguration"),
            ACS_RESOURCE,
            http,
            clock);
    mailbox = new TenantMailbox(virtualThreads);
    tenant = new Tenant(new TenantId("t1"), clock, new MailboxScheduler(clock, timers, mailbox));
    app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1000);
    app.setExecutor(virtualThreads);
    base = "http://127.0.0.1:" + app.getAddress().getPort();
    acs =
        CallAutomationClient.connect(
            AcsConnectionString.parse(
                "endpoint=" + emulator.httpBaseUrl() + "/;accesskey=" + accessKey),
            http,
            clock);
    unify =
        new UnifyCalls(
            settings.apply(
                UnifySettings.of(
                    TENANT,
                    ACS_RESOURCE,
                    URI.create(base + "/callbacks"),
                    t -> FlowValidator.validate(ENTRY, t.flowCatalog()))),
            acs,
            this::onTenant,
            new PromptFiles(URI.create(base + "/prompts/")),
            virtualThreads,
            new MailboxScheduler(clock, timers, virtualThreads),
            clock,
            new VoicemailIntake(tenant.id(), voicemails, limits, new java.util.Random()));
    app.createContext("/eventgrid", this::eventGrid);
    app.createContext("/callbacks", this::callbacks);
    app.createContext(
        "/prompts/",
        exchange -> {
          try (exchange) {
            byte[] wav = prompts.apply(exchange.getRequestURI().getPath());
            exchange.getResponseHeaders().add("Content-Type", "audio/wav");
            exchange.sendResponseHeaders(200, wav.length);
            exchange.getResponseBody().write(wav);
          }
        });
    app.start();
    subscribeEventGrid();
    tell(t -> t.addListener(unify)).join();
  }

  private void eventGrid(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      boolean validation =
          "SubscriptionValidation"
              .equalsIgnoreCase(exchange.getRequestHeaders().getFirst("aeg-event-type"));
      if (!validation && !authorized(exchange)) {
        return;
      }
      EventGridDelivery delivery;
      try {
        delivery = EventGridEvents.parse(body);
      } catch (IllegalArgumentException malformed) {
        refusedBodies.incrementAndGet();
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      switch (delivery) {
        case EventGridDelivery.Validation handshake -> {
          byte[] reply =
              ("{\"validationResponse\":\"" + handshake.validationCode() + "\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, reply.length);
          exchange.getResponseBody().write(reply);
        }
        case EventGridDelivery.Events events -> {
          events.incomingCalls().forEach(unify::incoming);
          events.recordingFiles().forEach(unify::recordingFile);
          exchange.sendResponseHeaders(200, -1);
        }
      }
    }
  }

  private void callbacks(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (!authorized(exchange)) {
        return;
      }
      try {
        unify.received(CallEvents.parse(body));
      } catch (IllegalArgumentException malformed) {
        refusedBodies.incrementAndGet();
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      exchange.sendResponseHeaders(200, -1);
    }
  }

  private boolean authorized(HttpExchange exchange) throws IOException {
    try {
      validator.validateAuthorization(
          Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")));
      return true;
    } catch (TokenRejectedException rejected) {
      rejectedTokens.incrementAndGet();
      exchange.sendResponseHeaders(401, -1);
      return false;
    }
  }

  private void subscribeEventGrid() throws Exception {
    HttpResponse<String> subscribed =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        emulator.httpBaseUrl()
                            + "/emulator/acs/resources/"
                            + ACS_RESOURCE
                            + "/eventGrid"))
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"endpoint\":\"" + base + "/eventgrid\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (subscribed.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          "Event Grid subscription refused: " + subscribed.statusCode() + " " + subscribed.body());
    }
  }

  /** Runs {@code command} on the tenant's writer. */
  public <T> CompletableFuture<T> onTenant(Function<Tenant, T> command) {
    return mailbox.ask(() -> command.apply(tenant));
  }

  /** Runs {@code command} on the tenant's writer; completes when it has run. */
  public CompletableFuture<Void> tell(java.util.function.Consumer<Tenant> command) {
    return mailbox.tell(() -> command.accept(tenant));
  }

  /** A PSTN caller dials the help line with {@code script} members; the emulator's call id. */
  public String dial(String from, String scriptMembers) throws Exception {
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

  /** POSTs {@code body} to the node's own endpoint {@code path} with {@code authorization}. */
  public int post(String path, String body, @Nullable String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** {@code millis} of silence as an 8 kHz WAV: ACS plays a WAV for its own length. */
  public static byte[] silence(int millis) {
    return WavWriter.toBytes(new PcmAudio(8000, new short[8 * millis]), WavEncoding.PCM16);
  }

  @Override
  public void close() {
    timers.shutdownNow();
    app.stop(0);
    emulator.close();
    if (emulator.scheduler() instanceof SystemScheduler system) {
      system.close();
    }
    virtualThreads.shutdownNow();
  }

  /**
   * Prompts at {@code base}: files by name, text by a hash, announcements as the default prompts.
   */
  private record PromptFiles(URI base) implements PromptSources {
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
      List<String> names =
          new java.util.ArrayList<>(
              position > 0 ? io.tandem.media.prompts.DefaultPrompts.position(position) : List.of());
      if (expectedWait != null) {
        names.addAll(io.tandem.media.prompts.DefaultPrompts.expectedWait(expectedWait));
      }
      return names.stream().map(name -> base.resolve(name + ".wav")).toList();
    }
  }
}
