package io.tandem.server.unify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.acs.unify.UnifyCalls;
import io.tandem.core.event.TenantEvent;
import io.tandem.core.interaction.DisconnectedBy;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.tenant.TenantId;
import io.tandem.emulator.Emulator;
import io.tandem.server.tenant.TenantRegistry;
import io.tandem.server.testing.DemoServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as the demo tenant's ACS Call Automation application, with the emulator in-process
 * playing ACS and the Teams clients, over real HTTP: a PSTN caller dials the Unify line (a resource
 * account linked to ACS), Event Grid delivers the IncomingCall to Tandem, the caller presses 1 in
 * the demo's menu, waits in billing and is joined by a billing agent invited into the call; the
 * caller hangs up and the interaction ends. Deliveries without ACS's token never reach the domain.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UnifyChannelTest {

  private static final String UNIFY_LINE = "+14255550400";
  private static final Duration BOUND = Duration.ofSeconds(60);

  @TempDir static Path directory;
  private final HttpClient http = HttpClient.newHttpClient();
  private DemoServer server;
  private Emulator emulator;
  private String base;

  @BeforeAll
  void start() throws Exception {
    server =
        DemoServer.start(
            directory,
            "--tandem.sip.enabled=false",
            "--tandem.microsoft.unify.record-with-agent=true",
            "--tandem.summary.settle-time=1s",
            "--tandem.microsoft.emulator.direct-routing.enabled=false");
    emulator = server.emulator();
    base = server.base().toString();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Order(1)
  void pstnCaller_toTheUnifyLine_isJoinedByABillingAgent_andHangsUp() throws Exception {
    UnifyChannel channel = server.bean(UnifyChannel.class);
    dial(
        "{\"from\":\"+447700900888\",\"to\":\""
            + UNIFY_LINE
            + "\",\"digits\":[{\"after\":\"PT10S\",\"digits\":\"1\"}],"
            + "\"utterances\":[{\"after\":\"PT12S\",\"text\":\"I need help with my last bill.\"}],"
            + "\"talkFor\":\"PT5S\"}");

    await().atMost(BOUND).until(() -> !events(InteractionEvent.Connected.class).isEmpty());
    InteractionEvent.Arrived arrived = events(InteractionEvent.Arrived.class).get(0);
    assertThat(arrived.from()).isEqualTo("+447700900888");
    assertThat(arrived.attributes())
        .containsEntry(UnifyCalls.MODEL_ATTRIBUTE, UnifyCalls.UNIFY_MODEL)
        .containsKey(UnifyCalls.CONNECTION_ATTRIBUTE);
    assertThat(events(InteractionEvent.Queued.class).get(0).queue().value()).isEqualTo("billing");
    InteractionEvent.Connected connected = events(InteractionEvent.Connected.class).get(0);
    assertThat(connected.agent().value()).startsWith("billing-");
    assertThat(channel.activeCalls()).isEqualTo(1);

    await().atMost(BOUND).until(() -> !events(InteractionEvent.Disconnected.class).isEmpty());
    assertThat(events(InteractionEvent.Disconnected.class).get(0).by())
        .isEqualTo(DisconnectedBy.CUSTOMER);
    await().atMost(BOUND).until(() -> channel.activeCalls() == 0);
    // Live transcription came over Tandem's WebSocket endpoint and is on the interaction.
    await().atMost(BOUND).until(() -> !events(InteractionEvent.TranscriptAdded.class).isEmpty());
    assertThat(events(InteractionEvent.TranscriptAdded.class))
        .anySatisfy(
            said -> {
              assertThat(said.interaction()).isEqualTo(arrived.interaction());
              assertThat(said.speaker()).isEqualTo("customer");
              assertThat(said.text()).isEqualTo("I need help with my last bill.");
            });
    // Recorded from the agent's arrival until the end of the call.
    assertThat(events(InteractionEvent.RecordingChanged.class))
        .extracting(InteractionEvent.RecordingChanged::state)
        .contains("STARTING", "ACTIVE", "STOPPED");
    // Summarized once the agent's wrap-up is over.
    await().atMost(BOUND).until(() -> !events(InteractionEvent.Summarized.class).isEmpty());
    assertThat(events(InteractionEvent.Summarized.class).get(0).text()).isNotBlank();
    assertThat(
            emulator.journal().after(0, e -> e.kind().startsWith("GET play source"), 100).stream()
                .map(e -> String.valueOf(e.attributes())))
        .isNotEmpty();
    assertThat(emulator.journal().after(0, e -> e.kind().contains("participants:add"), 10))
        .isNotEmpty();
  }

  @Test
  void deliveriesWithoutAcsToken_are401_theHandshakeIsAnswered_andMalformedBodiesAre400()
      throws Exception {
    String disconnect =
        "[{\"id\":\"forged\",\"type\":\"Microsoft.Communication.CallDisconnected\","
            + "\"data\":{\"callConnectionId\":\"x\"}}]";

    assertThat(post(UnifyChannel.CALLBACKS_PATH, disconnect, null, null).statusCode())
        .isEqualTo(401);
    assertThat(post(UnifyChannel.CALLBACKS_PATH, disconnect, "Bearer a.b.c", null).statusCode())
        .isEqualTo(401);
    assertThat(post(UnifyChannel.INCOMING_CALLS_PATH, "[]", null, null).statusCode())
        .isEqualTo(401);
    HttpResponse<String> handshake =
        post(
            UnifyChannel.INCOMING_CALLS_PATH,
            "[{\"id\":\"v\",\"eventType\":\"Microsoft.EventGrid.SubscriptionValidationEvent\","
                + "\"data\":{\"validationCode\":\"code-42\"}}]",
            null,
            "SubscriptionValidation");
    assertThat(handshake.statusCode()).isEqualTo(200);
    assertThat(handshake.body()).contains("\"validationResponse\":\"code-42\"");
    assertThat(
            post(UnifyChannel.INCOMING_CALLS_PATH, "{", null, "SubscriptionValidation")
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void recordingOnDemand_ofNoLiveUnifyCall_is404_andAnUnknownActionIs400() throws Exception {
    String recording = "/api/v1/tenants/demo/interactions/i999999/recording/";

    assertThat(post(recording + "pause", "", null, null).statusCode()).isEqualTo(404);
    assertThat(post(recording + "shred", "", null, null).statusCode()).isEqualTo(400);
  }

  @Test
  @Order(5)
  void anAgentConfiguredWhileTheChannelRuns_isGivenTheTeamsExtensionAssignment() throws Exception {
    String teamsUser = "0e0e0e0e-1111-4222-8333-444455556666";
    HttpResponse<String> put =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/tenants/demo/agents/newcomer"))
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"Newcomer\",\"skills\":{\"billing\":3},"
                            + "\"teamsUserId\":\""
                            + teamsUser
                            + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).as(put.body()).isIn(200, 201);

    await()
        .atMost(BOUND)
        .until(
            () ->
                !emulator
                    .journal()
                    .after(0, e -> e.kind().startsWith("PUT") && e.kind().contains(teamsUser), 10)
                    .isEmpty());
  }

  @Test
  @Order(9)
  void theAgentsCallControl_overTheApi_holdsResumesAndHangsUp_andRefusesBadRequests()
      throws Exception {
    dial(
        "{\"from\":\"+447700900777\",\"to\":\""
            + UNIFY_LINE
            + "\",\"digits\":[{\"after\":\"PT10S\",\"digits\":\"1\"}],\"talkFor\":\"PT60S\"}");
    await()
        .atMost(BOUND)
        .until(
            () ->
                events(InteractionEvent.Arrived.class).stream()
                    .anyMatch(arrived -> arrived.from().equals("+447700900777")));
    var id =
        events(InteractionEvent.Arrived.class).stream()
            .filter(arrived -> arrived.from().equals("+447700900777"))
            .findFirst()
            .orElseThrow()
            .interaction();
    String call = "/api/v1/tenants/demo/interactions/" + id.value() + "/call/";
    assertThat(post(call + "hold", "", null, null).statusCode())
        .as("queued: not yet")
        .isEqualTo(409);
    await()
        .atMost(BOUND)
        .until(
            () ->
                events(InteractionEvent.Connected.class).stream()
                    .anyMatch(connected -> connected.interaction().equals(id)));

    assertThat(post(call + "dance", "", null, null).statusCode()).isEqualTo(400);
    assertThat(post(call + "transfer", "{\"target\":\"Bob\"}", null, null).statusCode())
        .isEqualTo(400);
    assertThat(post(call + "consult", "{}", null, null).statusCode()).isEqualTo(400);
    assertThat(
            post("/api/v1/tenants/demo/interactions/i999999/call/hold", "", null, null)
                .statusCode())
        .isEqualTo(404);
    assertThat(post(call + "resume", "", null, null).statusCode()).isEqualTo(409);

    assertThat(post(call + "hold", "", null, null).statusCode()).isEqualTo(202);
    await().atMost(BOUND).until(() -> ofInteraction(InteractionEvent.Held.class, id).size() == 1);
    assertThat(post(call + "resume", "", null, null).statusCode()).isEqualTo(202);
    await()
        .atMost(BOUND)
        .until(() -> ofInteraction(InteractionEvent.Resumed.class, id).size() == 1);
    assertThat(post(call + "hang-up", "", null, null).statusCode()).isEqualTo(202);
    await()
        .atMost(BOUND)
        .until(() -> ofInteraction(InteractionEvent.Disconnected.class, id).size() == 1);
    assertThat(ofInteraction(InteractionEvent.Disconnected.class, id).get(0).by())
        .isEqualTo(DisconnectedBy.AGENT);
    assertThat(post(call + "hold", "", null, null).statusCode()).isEqualTo(404);
  }

  @Test
  @Order(20)
  void aCallbackRequest_isPlacedAsTheUnifyLine_toABillingAgent_thenToTheCustomer()
      throws Exception {
    String customer = "+447700900555";
    var tenant = server.bean(TenantRegistry.class).tenant(new TenantId("demo"));
    var id =
        tenant
            .ask(
                t -> {
                  // Billing agents take callbacks only now (the request waits for none).
                  for (var agent : List.copyOf(t.state().agents())) {
                    var p = agent.profile();
                    if (p.skills().proficiencies().containsKey("billing")) {
                      t.configureAgent(
                          new io.tandem.core.agent.AgentProfile(
                              p.id(),
                              p.name(),
                              p.skills(),
                              java.util.Map.of(io.tandem.core.interaction.Channel.CALLBACK, 1),
                              p.teamsUserId()));
                    }
                  }
                  var call =
                      t.arrive(
                          null,
                          io.tandem.core.interaction.Channel.VOICE,
                          customer,
                          UNIFY_LINE,
                          java.util.Map.of());
                  var billing = new io.tandem.core.queue.QueueId("billing");
                  t.enqueue(call, billing, null);
                  t.requestCallback(call, billing, customer);
                  return call;
                })
            .join();

    await()
        .atMost(BOUND)
        .until(() -> ofInteraction(InteractionEvent.CallbackAnswered.class, id).size() == 1);
    var create =
        emulator
            .journal()
            .after(
                0,
                e ->
                    e.kind().equals("call.ringingTarget")
                        && UNIFY_LINE.equals(e.attributes().get("callerNumber")),
                10);
    assertThat(create).isNotEmpty();
    assertThat(create.get(0).attributes().get("source")).startsWith("28:orgid:");
    assertThat(ofInteraction(InteractionEvent.CallbackDialling.class, id))
        .singleElement()
        .satisfies(d -> assertThat(d.agent().value()).startsWith("billing-"));
    assertThat(
            post(
                    "/api/v1/tenants/demo/interactions/" + id.value() + "/call/hang-up",
                    "",
                    null,
                    null)
                .statusCode())
        .as("call control does not reach a callback's call yet")
        .isEqualTo(404);
    tenant.tell(t -> t.agentHungUp(id)).join();
    await()
        .atMost(BOUND)
        .until(() -> ofInteraction(InteractionEvent.Disconnected.class, id).size() == 1);
  }

  private <T extends InteractionEvent> List<T> ofInteraction(
      Class<T> type, io.tandem.core.interaction.InteractionId id) {
    return events(type).stream().filter(event -> event.interaction().equals(id)).toList();
  }

  private void dial(String script) throws Exception {
    server.dial(script);
  }

  private HttpResponse<String> post(
      String path, String body, String authorization, String eventType) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (eventType != null) {
      request.header("aeg-event-type", eventType);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private <T extends TenantEvent> List<T> events(Class<T> type) {
    return server.events(type);
  }
}
