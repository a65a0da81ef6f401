package io.tandem.graph.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.presence.Availability;
import io.tandem.graph.client.GraphClient;
import io.tandem.graph.client.RetryPolicy;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The presence feed against the emulator's Graph (real HTTP, a JDK HttpServer as the notification
 * endpoint), its renewals and polls in virtual time shared with Graph.
 */
class PresenceFeedTest {

  private static final String BULK = "POST /v1.0/communications/getPresencesByUserId";
  private static final PollingSettings NEVER_POLL =
      new PollingSettings(Duration.ofDays(1), Duration.ofSeconds(30), 750, Duration.ofSeconds(30));

  private final EmulatedGraph graph = EmulatedGraph.inVirtualTime();
  private final NotificationEndpoint endpoint = new NotificationEndpoint();
  private final RecordingPresenceListener listener = new RecordingPresenceListener();
  private final ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();
  private @Nullable PresenceFeed feed;

  PresenceFeedTest() throws Exception {}

  @AfterEach
  void stop() throws InterruptedException {
    if (feed != null) {
      feed.close();
    }
    work.shutdown();
    work.awaitTermination(5, TimeUnit.SECONDS);
    endpoint.close();
    graph.close();
  }

  private PresenceFeed start(List<String> agents, PollingSettings polling) {
    return start(agents, polling, graph.graph());
  }

  private PresenceFeed start(List<String> agents, PollingSettings polling, GraphClient client) {
    feed =
        new PresenceFeed(
            client, endpoint.settings(), polling, graph.clock, graph.scheduler(), work, listener);
    endpoint.deliverTo(feed.clientStates(), feed::received);
    feed.start(agents);
    return feed;
  }

  @Test
  void start_subscribesThenReadsEveryoneOnce_andReportsEachFirstPresence() throws Exception {
    List<String> agents = graph.addAgents(3);
    graph.script(agents.get(2), "Busy", "InAMeeting");

    PresenceFeed started = start(agents, PollingSettings.DEFAULT);

    assertThat(listener.drain(Duration.ofMillis(100)))
        .extracting(c -> c.userId() + " " + c.presence())
        .containsExactly(
            agents.get(0) + " Available/Available",
            agents.get(1) + " Available/Available",
            agents.get(2) + " Busy/InAMeeting");
    assertThat(started.subscriptions().active()).hasSize(1);
    assertThat(graph.journal(BULK)).hasSize(1);
    assertThat(
            graph.journal(
                e -> e.kind().equals(BULK) || e.kind().equals("POST /v1.0/subscriptions")))
        .extracting(e -> e.kind())
        .containsExactly("POST /v1.0/subscriptions", BULK);
    assertThat(started.presenceOf(agents.get(2)).orElseThrow().availability())
        .isEqualTo(Availability.BUSY);
  }

  @Test
  void presenceChange_isNotified_reReadAndReported() throws Exception {
    List<String> agents = graph.addAgents(3);
    start(agents, NEVER_POLL);
    listener.drain(Duration.ofMillis(50));

    graph.script(agents.get(1), "Away", "Away");

    PresenceChanged change = listener.next(agents.get(1), "Away/Away");
    assertThat(change.observedAt()).isEqualTo(graph.clock.instant());
    // the emulator journals the 202 after it got it; the feed may have read before that
    Waiting.until(
        "the delivery's reply", () -> !graph.journal("presence.notification reply").isEmpty());
    assertThat(graph.journal("presence.notification reply"))
        .singleElement()
        .satisfies(reply -> assertThat(reply.attributes()).containsEntry("status", "202"));
    assertThat(graph.journal(BULK)).hasSize(2);
    assertThat(listener.drain(Duration.ofMillis(100))).isEmpty();
  }

  @Test
  void notificationsStop_pollingAfterTheSilenceWindowFindsTheChange_andStopsWhenTheyResume()
      throws Exception {
    List<String> agents = graph.addAgents(2);
    Instant started = graph.clock.instant();
    start(agents, PollingSettings.DEFAULT); // silent 2 min, then every 30 s
    listener.drain(Duration.ofMillis(50));
    endpoint.refuseNotifications(true);

    graph.script(agents.get(0), "DoNotDisturb", "DoNotDisturb");
    Waiting.until(
        "the refused delivery", () -> !graph.journal("presence.notification reply").isEmpty());
    graph.advance(Duration.ofSeconds(90));
    assertThat(listener.drain(Duration.ofMillis(100))).isEmpty();
    graph.advance(Duration.ofSeconds(30));

    PresenceChanged polled = listener.next(agents.get(0), "DoNotDisturb/DoNotDisturb");
    assertThat(polled.observedAt()).isEqualTo(started.plus(Duration.ofMinutes(2)));

    endpoint.refuseNotifications(false);
    graph.script(agents.get(1), "Away", "Away");
    listener.next(agents.get(1), "Away/Away");
    int readsSoFar = graph.journal(BULK).size();
    graph.advance(Duration.ofSeconds(90));
    assertThat(graph.journal(BULK)).hasSize(readsSoFar);
  }

  @Test
  void changeWhileTheSubscriptionWasGone_isReadWhenItIsCreatedAgain() throws Exception {
    List<String> agents = graph.addAgents(2);
    PresenceFeed started = start(agents, NEVER_POLL);
    listener.drain(Duration.ofMillis(50));
    graph.graph().delete("/subscriptions/" + started.subscriptions().active().get(0).id());

    graph.script(agents.get(0), "BeRightBack", "BeRightBack");
    assertThat(listener.drain(Duration.ofMillis(200))).isEmpty();
    graph.advance(Duration.ofMinutes(50)); // renewal → 404 → created again → users re-read

    listener.next(agents.get(0), "BeRightBack/BeRightBack");
    graph.script(agents.get(1), "Busy", "Busy");
    listener.next(agents.get(1), "Busy/Busy");
  }

  @Test
  void reReadRefusedByThrottling_isTriedAgainAfterThePollInterval() throws Exception {
    List<String> agents = graph.addAgents(2);
    graph
        .emulator
        .presence()
        .changeSettings(s -> s.withThrottling(true, 1, Duration.ofSeconds(30)));
    GraphClient waitsAtMostASecond =
        graph.graph(new RetryPolicy(2, Duration.ofMillis(250), Duration.ofSeconds(1)), d -> {});
    start(agents, NEVER_POLL, waitsAtMostASecond);
    listener.drain(Duration.ofMillis(50));

    Instant refusedAt = graph.clock.instant();
    graph.script(agents.get(0), "Away", "Away");
    Waiting.until("the throttled re-read", () -> !graph.journal("response 429").isEmpty());
    assertThat(listener.drain(Duration.ofMillis(100))).isEmpty();
    List<PresenceChanged> retried = List.of();
    for (int step = 0; step < 4 && retried.isEmpty(); step++) {
      graph.advance(Duration.ofSeconds(30)); // the retry may be set a moment after the 429
      retried = listener.drain(Duration.ofMillis(200));
    }

    assertThat(retried)
        .singleElement()
        .satisfies(
            change -> {
              assertThat(change.presence()).hasToString("Away/Away");
              assertThat(change.observedAt())
                  .isBetween(
                      refusedAt.plus(Duration.ofSeconds(30)),
                      refusedAt.plus(Duration.ofSeconds(60)));
            });
    assertThat(graph.journal("response 429")).hasSize(1);
  }

  @Test
  void graphRefusingEveryRead_costsOneRequestPerPoll_notAGrowingPileOfRetries() throws Exception {
    List<String> agents = graph.addAgents(2);
    graph.emulator.presence().changeSettings(s -> s.withThrottling(true, 1, Duration.ofHours(2)));
    GraphClient waitsAtMostASecond =
        graph.graph(new RetryPolicy(2, Duration.ofMillis(250), Duration.ofSeconds(1)), d -> {});
    start(agents, PollingSettings.DEFAULT, waitsAtMostASecond); // the window's one read

    for (int step = 0; step < 20; step++) {
      graph.advance(Duration.ofSeconds(30));
    }

    // polls at 2:00, 2:30 … 10:00, each refused once
    assertThat(graph.journal("response 429")).hasSize(17);
  }

  @Test
  void forgedNotification_readsNothing_andDoesNotEndTheSilence() throws Exception {
    List<String> agents = graph.addAgents(1);
    PresenceFeed started = start(agents, PollingSettings.DEFAULT);
    String forged =
        "{\"value\":[{\"subscriptionId\":\""
            + started.subscriptions().active().get(0).id()
            + "\",\"clientState\":\"guessed\",\"resourceData\":{\"id\":\""
            + agents.get(0)
            + "\"}}]}";
    graph.advance(Duration.ofSeconds(100));

    HttpResponse<String> answer =
        graph.http.send(
            HttpRequest.newBuilder(endpoint.url(NotificationEndpoint.NOTIFY))
                .POST(HttpRequest.BodyPublishers.ofString(forged))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Thread.sleep(100);
    int readsAfterForgery = graph.journal(BULK).size();
    graph.advance(Duration.ofSeconds(20));

    assertThat(answer.statusCode()).isEqualTo(202);
    assertThat(readsAfterForgery).isEqualTo(1);
    assertThat(graph.journal(BULK)).hasSize(2); // the poll at 2 min came all the same
  }
}
