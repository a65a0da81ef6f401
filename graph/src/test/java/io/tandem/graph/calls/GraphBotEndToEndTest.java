package io.tandem.graph.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.tandem.emulator.Emulator;
import io.tandem.emulator.EmulatorSettings;
import io.tandem.emulator.time.ManualScheduler;
import io.tandem.emulator.time.SchedulerClock;
import io.tandem.emulator.world.AppRegistration;
import io.tandem.emulator.world.EmulatedTenant;
import io.tandem.graph.client.GraphClient;
import io.tandem.identity.ClientCredentials;
import io.tandem.identity.EntraTokenClient;
import io.tandem.identity.MicrosoftTokenValidator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A bot built from the Graph adapter's parts (token client, Graph client, calls API, notification
 * parser, JWT validator) handles a PSTN call end to end against the emulator's Graph.
 */
class GraphBotEndToEndTest {

  private static final String TENANT = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
  private static final String APP = "1b2c3d4e-5f60-4718-9a0b-1c2d3e4f5a6b";
  private static final String DANA = "33333333-cccc-4ddd-8eee-000000000001";

  private final ManualScheduler scheduler =
      new ManualScheduler(Instant.parse("2026-11-21T09:00:00Z"));
  private final Clock clock = new SchedulerClock(scheduler);
  private final Emulator emulator;
  private final HttpServer bot;
  private final LinkedBlockingQueue<CallSignal> signals = new LinkedBlockingQueue<>();
  private final AtomicInteger rejectedTokens = new AtomicInteger();
  private final GraphCallsApi calls;
  private final HttpClient http = HttpClient.newHttpClient();

  GraphBotEndToEndTest() throws Exception {
    Path world = Path.of(GraphBotEndToEndTest.class.getResource("/graph-world.yaml").toURI());
    emulator = Emulator.start(EmulatorSettings.defaults().withWorld(world), scheduler);
    MicrosoftTokenValidator validator =
        MicrosoftTokenValidator.forGraphNotifications(
            URI.create(emulator.httpBaseUrl() + "/aps/v1/.well-known/OpenIdConfiguration"),
            APP,
            http,
            clock);
    bot = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    bot.createContext(
        "/api/calls",
        exchange -> {
          try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            try {
              validator.validateAuthorization(
                  Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")));
              signals.addAll(CommsNotifications.parse(body));
              exchange.sendResponseHeaders(202, -1);
            } catch (io.tandem.identity.TokenRejectedException rejected) {
              rejectedTokens.incrementAndGet();
              exchange.sendResponseHeaders(401, -1);
            }
          }
        });
    bot.createContext(
        "/prompts/",
        exchange -> {
          try (exchange) {
            byte[] audio = new byte[800];
            exchange.getResponseHeaders().add("Content-Type", "audio/wav");
            exchange.sendResponseHeaders(200, audio.length);
            exchange.getResponseBody().write(audio);
          }
        });
    bot.start();
    EmulatedTenant tenant = emulator.world().tenant(TENANT).orElseThrow();
    AppRegistration app = tenant.apps().get(0);
    emulator
        .world()
        .putTenant(
            new EmulatedTenant(
                tenant.id(),
                tenant.displayName(),
                tenant.domains(),
                List.of(
                    new AppRegistration(
                        app.appId(),
                        app.clientSecret(),
                        app.displayName(),
                        app.roles(),
                        callbackUri().toString())),
                tenant.users(),
                tenant.resourceAccounts()));
    EntraTokenClient tokens =
        EntraTokenClient.of(
            new ClientCredentials(
                URI.create(emulator.httpBaseUrl()),
                TENANT,
                APP,
                "bot-secret",
                "https://graph.microsoft.com/.default"),
            http,
            clock);
    calls =
        new GraphCallsApi(
            GraphClient.of(URI.create(emulator.httpBaseUrl() + "/v1.0"), tokens, http));
  }

  @AfterEach
  void stop() {
    bot.stop(0);
    emulator.close();
  }

  @Test
  void pstnCall_answered_toneCollected_promptPlayed_transferredToAnAgent() throws Exception {
    dial(
        "{\"from\":\"+447700900123\",\"to\":\"+14255550300\","
            + "\"digits\":[{\"after\":\"PT5S\",\"digits\":\"2\"}]}");

    CallSignal.IncomingCall incoming = next(CallSignal.IncomingCall.class);
    assertThat(incoming.callerNumber()).isEqualTo("+447700900123");
    assertThat(incoming.applicationInstanceId()).isEqualTo("44444444-dddd-4eee-8fff-000000000001");
    assertThat(incoming.tenantId()).isEqualTo(TENANT);
    String callId = incoming.callId();

    calls.answer(callId, callbackUri(), List.of(prompt("welcome.wav")));
    assertThat(nextState("established").state()).isEqualTo("established");

    calls.subscribeToTone(callId, "menu");
    scheduler.advance(Duration.ofSeconds(5));
    assertThat(next(CallSignal.ToneReceived.class).tone()).isEqualTo("2");

    CommsOperation playing =
        calls.playPrompt(callId, List.of(prompt("billing.wav")), "billing-intro");
    assertThat(playing.status()).isEqualTo(CommsOperation.Status.RUNNING);
    scheduler.advance(Duration.ofSeconds(5));
    CallSignal.OperationCompleted played = next(CallSignal.OperationCompleted.class);
    assertThat(played.operation().status()).isEqualTo(CommsOperation.Status.COMPLETED);
    assertThat(played.operation().clientContext()).isEqualTo("billing-intro");

    calls.transfer(callId, new GraphTarget.TeamsUser(DANA, "Dana Agent"), null);
    scheduler.advance(Duration.ofSeconds(3));
    CallSignal.Terminated ended = next(CallSignal.Terminated.class);
    assertThat(ended.resultInfo()).isNotNull();
    assertThat(ended.resultInfo().subcode()).isEqualTo(7015);
    assertThat(rejectedTokens).hasValue(0);
  }

  @Test
  void notifications_toAnotherBotsAudience_areRejectedByTheValidator() throws Exception {
    MicrosoftTokenValidator otherBot =
        MicrosoftTokenValidator.forGraphNotifications(
            URI.create(emulator.httpBaseUrl() + "/aps/v1/.well-known/OpenIdConfiguration"),
            "00000000-0000-0000-0000-00000000b0b0",
            http,
            clock);
    String token =
        io.tandem.emulator.entra.CallbackTokens.graph(emulator.authorities(), scheduler)
            .issue(APP, TENANT);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> otherBot.validate(token))
        .hasMessageContaining("audience");
  }

  private CallSignal.StateChanged nextState(String state) throws InterruptedException {
    while (true) {
      CallSignal.StateChanged changed = next(CallSignal.StateChanged.class);
      if (changed.state().equals(state)) {
        return changed;
      }
    }
  }

  private <T extends CallSignal> T next(Class<T> type) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      CallSignal signal = signals.poll(100, TimeUnit.MILLISECONDS);
      if (type.isInstance(signal)) {
        return type.cast(signal);
      }
      if (signal == null) {
        scheduler.runDueTasks();
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " within 10 s");
  }

  private void dial(String script) throws Exception {
    HttpResponse<String> placed =
        http.send(
            HttpRequest.newBuilder(URI.create(emulator.httpBaseUrl() + "/emulator/pstn/calls"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(script))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
  }

  private URI callbackUri() {
    return URI.create("http://127.0.0.1:" + bot.getAddress().getPort() + "/api/calls");
  }

  private URI prompt(String name) {
    return URI.create("http://127.0.0.1:" + bot.getAddress().getPort() + "/prompts/" + name);
  }
}
