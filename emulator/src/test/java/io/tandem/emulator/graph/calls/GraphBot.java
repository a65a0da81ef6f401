package io.tandem.emulator.graph.calls;

import static io.tandem.emulator.EmulatorFixture.BOT_APP;
import static io.tandem.emulator.EmulatorFixture.BOT_SECRET;
import static io.tandem.emulator.EmulatorFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.EmulatorFixture;
import io.tandem.emulator.RecordingWebhook;
import io.tandem.emulator.http.Json;
import io.tandem.emulator.world.AppRegistration;
import io.tandem.emulator.world.EmulatedTenant;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * A calling bot for tests, speaking raw JSON: the contoso bot app with its calling webhook pointed
 * at a {@link RecordingWebhook}, an app token from the emulator's Entra, and short ways to call
 * Graph, place PSTN calls and read the notifications the bot receives.
 */
final class GraphBot implements AutoCloseable {

  static final Duration WAIT = Duration.ofSeconds(5);
  static final String SUPPORT_NUMBER = "+14255550100";
  static final String SUPPORT_ACCOUNT = "22222222-bbbb-4ccc-8ddd-000000000001";
  static final String ALICE = "11111111-aaaa-4bbb-8ccc-000000000001";
  static final String BOB = "11111111-aaaa-4bbb-8ccc-000000000002";
  static final String READER_APP = "6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d";

  final EmulatorFixture fixture;
  final RecordingWebhook webhook;
  private final List<Notification> aside = new ArrayList<>();
  String token;

  GraphBot() throws Exception {
    fixture = new EmulatorFixture();
    webhook = new RecordingWebhook();
    EmulatedTenant tenant = fixture.emulator.world().tenant(TENANT).orElseThrow();
    List<AppRegistration> apps = new ArrayList<>();
    for (AppRegistration app : tenant.apps()) {
      apps.add(
          app.appId().equals(BOT_APP)
              ? new AppRegistration(
                  app.appId(),
                  app.clientSecret(),
                  app.displayName(),
                  app.roles(),
                  webhook.url("/api/calling"))
              : app);
    }
    fixture
        .emulator
        .world()
        .putTenant(
            new EmulatedTenant(
                tenant.id(),
                tenant.displayName(),
                tenant.domains(),
                apps,
                tenant.users(),
                tenant.resourceAccounts()));
    token = token(BOT_APP, BOT_SECRET, "https://graph.microsoft.com/.default");
  }

  /** A fresh app token for the bot (tokens live an hour on the emulator's clock). */
  void refreshToken() throws Exception {
    token = token(BOT_APP, BOT_SECRET, "https://graph.microsoft.com/.default");
  }

  String token(String appId, String secret, String scope) throws Exception {
    HttpResponse<String> response =
        fixture.send(
            "POST",
            "/" + TENANT + "/oauth2/v2.0/token",
            "application/x-www-form-urlencoded",
            "grant_type=client_credentials&client_id="
                + appId
                + "&client_secret="
                + secret
                + "&scope="
                + scope);
    return Json.parse(response.body()).path("access_token").asString();
  }

  String callback() {
    return webhook.url("/api/calls");
  }

  HttpResponse<String> graph(String method, String path, String body) throws Exception {
    return graph(method, path, body, token);
  }

  HttpResponse<String> graph(String method, String path, String body, String bearer)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(fixture.emulator.httpBaseUrl() + "/v1.0" + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return fixture.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * A PSTN caller with {@code script} (the JSON fields of CallerScript) dials; returns the call id.
   */
  String dial(String scriptJson) throws Exception {
    HttpResponse<String> placed =
        fixture.send("POST", "/emulator/pstn/calls", "application/json", scriptJson);
    if (placed.statusCode() != 201) {
      throw new AssertionError("dial failed: " + placed.statusCode() + " " + placed.body());
    }
    return Json.parse(placed.body()).path("callId").asString();
  }

  /** Dials the support number and answers the incoming call; returns the call id. */
  String incomingAnswered(String scriptJson) throws Exception {
    String callId = dial(scriptJson);
    next(n -> n.changeType().equals("created"));
    HttpResponse<String> answered =
        graph("POST", "/communications/calls/" + callId + "/answer", answerBody());
    if (answered.statusCode() != 202) {
      throw new AssertionError("answer failed: " + answered.body());
    }
    next(n -> "established".equals(n.state()));
    return callId;
  }

  String answerBody() {
    return """
        {"callbackUri":"%s","acceptedModalities":["audio"],
         "mediaConfig":{"@odata.type":"#microsoft.graph.serviceHostedMediaConfig"}}"""
        .formatted(callback());
  }

  /** One notification the bot received. */
  record Notification(RecordingWebhook.Received request, JsonNode body) {
    JsonNode one() {
      return body.path("value").get(0);
    }

    String changeType() {
      return one().path("changeType").asString();
    }

    String resourceUrl() {
      return one().path("resourceUrl").asString();
    }

    JsonNode data() {
      return one().path("resourceData");
    }

    String state() {
      return data().isObject() ? data().path("state").asString(null) : null;
    }
  }

  /** The next notification, roster updates included. */
  Notification next() throws InterruptedException {
    RecordingWebhook.Received request = webhook.next(WAIT);
    return new Notification(request, Json.parse(request.body()));
  }

  /** The next notification that matches, skipping others (and prompt fetches). */
  Notification next(Predicate<Notification> wanted) throws InterruptedException {
    return next(wanted, WAIT);
  }

  private Notification next(Predicate<Notification> wanted, Duration wait)
      throws InterruptedException {
    RecordingWebhook.Received request =
        webhook.next(
            r ->
                r.method().equals("POST") && wanted.test(new Notification(r, Json.parse(r.body()))),
            wait);
    return new Notification(request, Json.parse(request.body()));
  }

  /**
   * The next notification about {@code resourceUrl} (a call, an operation, a roster). Different
   * calls' notifications arrive in no fixed order, so those about other resources are kept for
   * later {@code nextOn} calls rather than dropped.
   */
  Notification nextOn(String resourceUrl) throws InterruptedException {
    synchronized (aside) {
      for (var it = aside.iterator(); it.hasNext(); ) {
        Notification kept = it.next();
        if (kept.resourceUrl().equals(resourceUrl)) {
          it.remove();
          return kept;
        }
      }
    }
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
      Notification notification = next(n -> true, left);
      if (notification.resourceUrl().equals(resourceUrl)) {
        return notification;
      }
      synchronized (aside) {
        aside.add(notification);
      }
    }
  }

  /**
   * POSTs an action on a call that answers with an operation (200 expected); returns the
   * operation's resource URL, {@code /communications/calls/{id}/operations/{opId}}.
   */
  String operation(String actionPath, String body) throws Exception {
    HttpResponse<String> reply = graph("POST", actionPath, body);
    if (reply.statusCode() != 200) {
      throw new AssertionError(actionPath + " said " + reply.statusCode() + " " + reply.body());
    }
    String prefix = "/communications/calls/";
    String call = actionPath.substring(0, actionPath.indexOf('/', prefix.length()));
    return call + "/operations/" + Json.parse(reply.body()).path("id").asString();
  }

  /** Creates a call with {@code body}; returns its id. */
  String create(String body) throws Exception {
    HttpResponse<String> created = graph("POST", "/communications/calls", body);
    if (created.statusCode() != 201) {
      throw new AssertionError("create failed: " + created.statusCode() + " " + created.body());
    }
    return Json.parse(created.body()).path("id").asString();
  }

  /** A prompt URI the bot's webhook serves (a non-WAV body, so it plays {@code promptDuration}). */
  String prompt(String name) {
    return webhook.url("/prompts/" + name);
  }

  /** Scripts a Teams user's client, as {@code PUT /emulator/users/{id}/client} does. */
  void scriptClient(String userId, String behaviourJson) throws Exception {
    HttpResponse<String> reply =
        fixture.send(
            "PUT", "/emulator/users/" + userId + "/client", "application/json", behaviourJson);
    if (reply.statusCode() != 200) {
      throw new AssertionError("scripting the client failed: " + reply.body());
    }
  }

  /** Journal entries of {@code kind} for {@code callId}. */
  java.util.List<io.tandem.emulator.journal.JournalEntry> journal(String kind, String callId) {
    return fixture
        .emulator
        .journal()
        .after(0, e -> e.kind().equals(kind) && callId.equals(e.callId()), 100);
  }

  /** The next notification that is not a roster update. */
  Notification nextCallOrOperation() throws InterruptedException {
    return next(n -> !n.resourceUrl().endsWith("/participants"));
  }

  void advance(Duration step) {
    fixture.clock.advance(step);
  }

  @Override
  public void close() {
    webhook.close();
    fixture.close();
  }

  /** {@code reply} is Graph's error {@code code} with status {@code status}. */
  static void assertGraphError(HttpResponse<?> reply, int status, String code) {
    assertThat(reply.statusCode()).as(String.valueOf(reply.body())).isEqualTo(status);
    String body =
        reply.body() instanceof byte[] bytes
            ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
            : String.valueOf(reply.body());
    JsonNode error = Json.parse(body).path("error");
    assertThat(error.path("code").asString()).isEqualTo(code);
    assertThat(error.at("/innerError/request-id").asString()).isNotEmpty();
  }
}
