package io.tandem.graph.extend;

import static io.tandem.testkit.load.Waits.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.agent.AgentId;
import io.tandem.core.interaction.DisconnectedBy;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.queue.Announcements;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.RoutingStrategyKind;
import io.tandem.emulator.world.ClientBehaviour;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A PSTN caller reaches the resource account; the Extend channel answers, runs the menu over Graph
 * media, queues the caller with music on hold, rings agents' Teams clients and hands the caller to
 * the one who answers, all against the emulator's Graph on the wall clock.
 */
class ExtendCallsEndToEndTest {

  private static final ClientBehaviour ANSWERS_AFTER_1S =
      new ClientBehaviour(
          Duration.ofSeconds(1), ClientBehaviour.Response.ANSWER, null, null, null, null, null);
  private static final ClientBehaviour DECLINES =
      new ClientBehaviour(
          Duration.ofMillis(500), ClientBehaviour.Response.DECLINE, null, null, null, null, null);
  private static final ClientBehaviour NEVER_ANSWERS =
      new ClientBehaviour(
          Duration.ZERO, ClientBehaviour.Response.NO_ANSWER, null, null, null, null, null);

  private static final ClientBehaviour ANSWERS_AND_HANGS_UP_AT_ONCE =
      new ClientBehaviour(
          Duration.ofMillis(500),
          ClientBehaviour.Response.ANSWER,
          Duration.ZERO,
          null,
          null,
          null,
          null);

  private final ExtendRig rig = new ExtendRig();

  ExtendCallsEndToEndTest() throws Exception {}

  @AfterEach
  void close() {
    rig.close();
  }

  private static QueueConfig.Builder billing() {
    return QueueConfig.builder("billing")
        .skills("billing >= 1")
        .strategy(RoutingStrategyKind.SKILLS_PROFICIENCY)
        .ringTimeout(Duration.ofSeconds(4))
        .wrapUp(Duration.ofSeconds(1))
        .announcements(
            new Announcements("prompt:music-on-hold", Duration.ofSeconds(1), true, false));
  }

  @Test
  void caller_pressesMenuKey_hearsHoldMusic_isHandedToTheAgent_andTheEndFollowsPresence()
      throws Exception {
    rig.staff(billing(), Map.of("dana", ANSWERS_AFTER_1S), 4);

    rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}],\"talkFor\":\"PT2S\"");

    await(() -> !rig.events(InteractionEvent.WrapUpCompleted.class).isEmpty(), "wrap-up done");
    InteractionEvent.Arrived arrived = rig.events(InteractionEvent.Arrived.class).get(0);
    assertThat(arrived.from()).isEqualTo("+447700900123");
    assertThat(arrived.attributes()).containsKey("graph.callId");
    assertThat(rig.events(InteractionEvent.Queued.class))
        .singleElement()
        .satisfies(queued -> assertThat(queued.queue().value()).isEqualTo("billing"));
    assertThat(rig.events(InteractionEvent.Connected.class))
        .singleElement()
        .satisfies(connected -> assertThat(connected.agent()).isEqualTo(new AgentId("dana")));
    assertThat(rig.events(InteractionEvent.Disconnected.class))
        .singleElement()
        .satisfies(ended -> assertThat(ended.by()).isEqualTo(DisconnectedBy.UNKNOWN));
    assertThat(rig.events(InteractionEvent.WrapUpCompleted.class).get(0).automatic()).isTrue();
    assertThat(rig.promptsFetched).contains("/prompts/menu.wav", "/prompts/music-on-hold.wav");
    assertThat(rig.journal(entry -> entry.kind().equals("call.partiesJoined"))).hasSize(1);
    assertThat(rig.rejectedTokens).hasValue(0);
    await(() -> rig.extend.activeCalls() == 0, "the bot holds no call");
  }

  @Test
  void botTokenExpiresMidCall_401_theClientFetchesANewToken_andTheCallCarriesOn() throws Exception {
    rig.staff(billing(), Map.of("dana", ANSWERS_AFTER_1S), 4);
    rig.dial("\"digits\":[{\"after\":\"PT3S\",\"digits\":\"1\"}],\"talkFor\":\"PT2S\"");
    await(() -> !rig.events(InteractionEvent.Arrived.class).isEmpty(), "the bot answered");
    long tokensBefore = tokenRequests();

    HttpResponse<String> expired =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(rig.emulatorBaseUrl() + "/emulator/entra/tokens/expire"))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(expired.statusCode()).isEqualTo(202);

    await(() -> !rig.events(InteractionEvent.WrapUpCompleted.class).isEmpty(), "wrap-up done");
    // Graph refused the expired token once; the client fetched a new one and went on.
    assertThat(
            rig.journal(
                entry ->
                    entry.kind().equals("response 401")
                        && entry.attributes().getOrDefault("request", "").contains("/v1.0/")))
        .isNotEmpty();
    assertThat(tokenRequests()).isGreaterThan(tokensBefore);
    assertThat(rig.events(InteractionEvent.Connected.class)).hasSize(1);
    assertThat(rig.events(InteractionEvent.Abandoned.class)).isEmpty();
  }

  private long tokenRequests() {
    return rig.journal(
            entry ->
                entry.kind().startsWith("POST /") && entry.kind().endsWith("/oauth2/v2.0/token"))
        .size();
  }

  @Test
  void agentReportedBusyBeforeTheBotHearsTheAnswer_theEndStillFollowsPresence() throws Exception {
    rig.staff(billing(), Map.of("dana", ANSWERS_AFTER_1S), 4);
    rig.busyInTeamsOnceOffered(new AgentId("dana"));

    rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}],\"talkFor\":\"PT2S\"");

    await(() -> !rig.events(InteractionEvent.Disconnected.class).isEmpty(), "disconnected");
    assertThat(rig.events(InteractionEvent.Connected.class)).hasSize(1);
    assertThat(rig.events(InteractionEvent.Disconnected.class).get(0).by())
        .isEqualTo(DisconnectedBy.UNKNOWN);
  }

  @Test
  void agentWhoDeclines_isSkipped_andTheNextAgentGetsTheCaller() throws Exception {
    Map<String, ClientBehaviour> agents = new LinkedHashMap<>();
    agents.put("erin", DECLINES);
    agents.put("dana", ANSWERS_AFTER_1S);
    rig.staff(billing(), agents, 5);

    rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}],\"talkFor\":\"PT1S\"");

    await(() -> !rig.events(InteractionEvent.Connected.class).isEmpty(), "connected");
    assertThat(rig.events(InteractionEvent.OfferDeclined.class))
        .singleElement()
        .satisfies(declined -> assertThat(declined.agent()).isEqualTo(new AgentId("erin")));
    assertThat(rig.events(InteractionEvent.Connected.class).get(0).agent())
        .isEqualTo(new AgentId("dana"));
  }

  @Test
  void agentWhoDoesNotAnswer_beforeTheDeadline_isRona_andTheirTeamsStopsRinging() throws Exception {
    Map<String, ClientBehaviour> agents = new LinkedHashMap<>();
    agents.put("finn", NEVER_ANSWERS);
    agents.put("dana", ANSWERS_AFTER_1S);
    rig.staff(billing(), agents, 5);

    rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}],\"talkFor\":\"PT1S\"");

    await(() -> !rig.events(InteractionEvent.Connected.class).isEmpty(), "connected");
    assertThat(rig.events(InteractionEvent.OfferTimedOut.class))
        .singleElement()
        .satisfies(rona -> assertThat(rona.agent()).isEqualTo(new AgentId("finn")));
    await(
        () ->
            !rig.journal(entry -> entry.kind().startsWith("DELETE /v1.0/communications/calls/"))
                .isEmpty(),
        "the bot hung up Finn's ringing call");
  }

  @Test
  void transferOntoAnAgentWhoLeftAtOnce_fails_andTheCallerGoesBackToTheQueue() throws Exception {
    Map<String, ClientBehaviour> agents = new LinkedHashMap<>();
    agents.put("gus", ANSWERS_AND_HANGS_UP_AT_ONCE);
    agents.put("dana", ANSWERS_AFTER_1S);
    rig.staff(billing(), agents, 5);

    rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}],\"talkFor\":\"PT1S\"");

    await(() -> rig.events(InteractionEvent.Connected.class).size() == 2, "two connections");
    assertThat(rig.events(InteractionEvent.TransferredToQueue.class))
        .singleElement()
        .satisfies(back -> assertThat(back.fromAgent()).isEqualTo(new AgentId("gus")));
    assertThat(rig.events(InteractionEvent.Connected.class).get(1).agent())
        .isEqualTo(new AgentId("dana"));
    // Connected comes with the accept, before the transfer onto Dana's call has joined the parties.
    await(
        () -> rig.journal(entry -> entry.kind().equals("call.partiesJoined")).size() == 1,
        "the caller joined to Dana");
  }

  @Test
  void callerWhoHangsUpWhileQueued_isAbandoned_andNothingIsLeftBehind() throws Exception {
    rig.staff(billing(), Map.of(), 1);

    rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}],\"patience\":\"PT4S\"");

    await(() -> !rig.events(InteractionEvent.Abandoned.class).isEmpty(), "abandoned");
    await(() -> rig.extend.activeCalls() == 0, "the bot holds no call");
    assertThat(rig.events(InteractionEvent.Queued.class)).hasSize(1);
  }
}
