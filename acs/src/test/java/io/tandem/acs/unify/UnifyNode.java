package io.tandem.acs.unify;

import com.sun.net.httpserver.HttpExchange;
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
import io.tandem.core.voicemail.MemoryVoicemailStore;
import io.tandem.core.voicemail.VoicemailIntake;
import io.tandem.core.voicemail.VoicemailLimits;
import io.tandem.emulator.Emulator;
import io.tandem.identity.MicrosoftTokenValidator;
import io.tandem.identity.TokenRejectedException;
import io.tandem.testkit.EmulatedNode;
import java.io.IOException;
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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

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
  public final ScheduledExecutorService timers;
  public final MemoryVoicemailStore voicemails = new MemoryVoicemailStore();
  public final String base;
  private final EmulatedNode node;
  private final MicrosoftTokenValidator validator;
  private final HttpClient http;

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
    node =
        new EmulatedNode(
            Path.of(UnifyNode.class.getResource("/unify-world.yaml").toURI()),
            journalCapacity,
            prompts);
    emulator = node.emulator;
    timers = node.timers;
    base = node.base;
    http = node.http;
    Clock clock = node.clock;
    validator =
        MicrosoftTokenValidator.forAcsCallbacks(
            URI.create(emulator.httpBaseUrl() + "/calling/.well-known/acsopenidconfiguration"),
            ACS_RESOURCE,
            http,
            clock);
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
            node.virtualThreads,
            node.channelScheduler(),
            clock,
            new VoicemailIntake(node.tenantId(), voicemails, limits, new java.util.Random()));
    node.server.createContext("/eventgrid", this::eventGrid);
    node.server.createContext("/callbacks", this::callbacks);
    node.start();
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
    return EmulatedNode.silence(millis);
  }

  @Override
  public void close() {
    node.close();
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
