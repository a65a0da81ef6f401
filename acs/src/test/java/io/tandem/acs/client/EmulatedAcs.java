package io.tandem.acs.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.Emulator;
import io.tandem.emulator.EmulatorSettings;
import io.tandem.emulator.time.ManualScheduler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import tools.jackson.databind.JsonNode;

/**
 * The emulator with {@code acs-client-world.yaml} on a manual clock, the application's {@link
 * CallbackReceiver} subscribed to the ACS resource's IncomingCall events, and a {@link
 * CallAutomationClient} signing with the resource's key on the emulator's clock.
 */
final class EmulatedAcs implements AutoCloseable {

  static final String TENANT = "8f1c1b6e-2f7a-4a53-9d6c-0b1e5f0c7a11";
  static final String RESOURCE_ID = "5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c";
  static final String ACCESS_KEY = "dGFuZGVtLWVtdWxhdG9yLXRlc3QtYWNzLWFjY2Vzcy1rZXktMDAx";
  static final String BOT_APP = "3d2e6f9a-1b4c-4e8d-a7f0-5c9b8a7d6e01";
  static final String SALES_ACCOUNT = "22222222-bbbb-4ccc-8ddd-000000000002";
  static final String SALES_NUMBER = "+14255550200";
  static final String CALLER = "+14255550123";
  static final String ALICE = "11111111-aaaa-4bbb-8ccc-000000000001";
  static final String BOB = "11111111-aaaa-4bbb-8ccc-000000000002";
  static final String CAROL = "11111111-aaaa-4bbb-8ccc-000000000003";

  final ManualScheduler scheduler = new ManualScheduler(Instant.parse("2026-11-21T09:00:00Z"));
  final Clock clock = new SchedulerClock(scheduler);
  final HttpClient http = HttpClient.newHttpClient();
  final Emulator emulator;
  final CallbackReceiver app;
  final CallAutomationClient client;

  EmulatedAcs() throws Exception {
    Path world = Path.of(EmulatedAcs.class.getResource("acs-client-world.yaml").toURI());
    emulator = Emulator.start(EmulatorSettings.defaults().withWorld(world), scheduler);
    app = new CallbackReceiver();
    client = client(ACCESS_KEY);
    HttpResponse<String> subscribed =
        control(
            "PUT",
            "/emulator/acs/resources/" + RESOURCE_ID + "/eventGrid",
            "{\"endpoint\":\"" + app.url("/eventgrid") + "\"}");
    assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(200);
  }

  /** A client for the emulator's ACS signing with {@code base64Key}, retrying once. */
  CallAutomationClient client(String base64Key) {
    return new CallAutomationClient(
        endpoint(),
        new AcsCredential.Hmac(Base64.getDecoder().decode(base64Key)),
        http,
        new RetryPolicy(1, Duration.ZERO, Duration.ZERO, duration -> {}),
        clock);
  }

  URI endpoint() {
    return URI.create(emulator.httpBaseUrl() + "/");
  }

  /** Places a PSTN call to the sales number; {@code script} adds CallerScript fields. */
  void dial(String script) throws Exception {
    HttpResponse<String> placed =
        control(
            "POST",
            "/emulator/pstn/calls",
            "{\"from\":\""
                + CALLER
                + "\",\"to\":\""
                + SALES_NUMBER
                + "\",\"displayName\":\"Pat Caller\""
                + (script.isBlank() ? "" : "," + script)
                + "}");
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
  }

  /** Dials, takes the IncomingCall's context, answers, waits for CallConnected. */
  CallConnection answered(String script) throws Exception {
    dial(script);
    JsonNode incoming = app.incomingCall();
    CallConnection call =
        client.answer(
            AnswerCall.of(
                incoming.path("data").path("incomingCallContext").asString(),
                app.url("/callbacks")));
    app.callback(call.callConnectionId(), "CallConnected");
    return call;
  }

  HttpResponse<String> control(String method, String path, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(emulator.httpBaseUrl() + path))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  void advance(Duration step) {
    scheduler.advance(step);
  }

  static Identifier caller() {
    return new Identifier.Phone(CALLER);
  }

  static Identifier agent(String objectId) {
    return new Identifier.TeamsExtensionUser(objectId, TENANT, RESOURCE_ID);
  }

  @Override
  public void close() {
    app.close();
    emulator.close();
  }

  /** A {@link Clock} reading the manual scheduler, so signatures carry the emulator's time. */
  static final class SchedulerClock extends Clock {
    private final ManualScheduler scheduler;

    SchedulerClock(ManualScheduler scheduler) {
      this.scheduler = scheduler;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return scheduler.now();
    }
  }
}
