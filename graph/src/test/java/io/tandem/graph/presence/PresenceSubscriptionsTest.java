package io.tandem.graph.presence;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.tandem.emulator.journal.JournalEntry;
import io.tandem.graph.client.RetryPolicy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Presence subscriptions against the emulator's Graph (real HTTP, a JDK HttpServer as the
 * notification endpoint) in virtual time shared by Graph and Tandem.
 */
class PresenceSubscriptionsTest {

  private static final String CREATE = "POST /v1.0/subscriptions";

  private final EmulatedGraph graph = EmulatedGraph.inVirtualTime();
  private final NotificationEndpoint endpoint = new NotificationEndpoint();
  private final Set<String> missed = ConcurrentHashMap.newKeySet();
  private final ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();
  private final PresenceSubscriptions subscriptions =
      new PresenceSubscriptions(
          graph.graph(), endpoint.settings(), graph.clock, graph.scheduler(), missed::addAll);

  PresenceSubscriptionsTest() throws Exception {
    endpoint.deliverTo(
        subscriptions,
        received ->
            received
                .lifecycleEvents()
                .forEach(event -> work.execute(() -> subscriptions.handle(event))));
  }

  @AfterEach
  void stop() throws InterruptedException {
    subscriptions.close();
    work.shutdown();
    work.awaitTermination(5, TimeUnit.SECONDS);
    endpoint.close();
    graph.close();
  }

  @Test
  void sevenHundredUsers_twoSubscriptions_eachWithItsOwnClientState_expiringWithinTheHour() {
    Instant start = graph.clock.instant();

    subscriptions.watch(graph.addAgents(700));

    assertThat(subscriptions.active())
        .extracting(PresenceSubscription::userCount)
        .containsExactly(650, 50);
    assertThat(subscriptions.active())
        .allSatisfy(s -> assertThat(s.expiration()).isEqualTo(start.plus(Duration.ofMinutes(59))));
    List<JsonNode> requests =
        graph.journal(CREATE).stream().map(e -> JsonMapper.shared().readTree(e.body())).toList();
    assertThat(requests)
        .allSatisfy(
            request -> {
              assertThat(request.path("changeType").asString()).isEqualTo("updated");
              assertThat(request.path("resource").asString())
                  .startsWith("/communications/presences?$filter=id in ('5a5a5a5a-");
              assertThat(request.path("clientState").asString()).hasSizeGreaterThan(40);
            });
    assertThat(requests.stream().map(r -> r.path("clientState").asString()).distinct()).hasSize(2);
    assertThat(graph.journal("presence.validation")).hasSize(4);
  }

  @Test
  void renewal_beforeEachExpiry_keepsTheSameSubscriptionForThreeHours() {
    subscriptions.watch(graph.addAgents(3));
    String id = subscriptions.active().get(0).id();
    Instant start = graph.clock.instant();

    for (int minute = 0; minute < 180; minute++) {
      graph.advance(Duration.ofMinutes(1));
      assertThat(subscriptions.active().get(0).expiration()).isAfter(graph.clock.instant());
    }

    assertThat(subscriptions.active()).extracting(PresenceSubscription::id).containsExactly(id);
    List<JournalEntry> renewals = graph.journal("PATCH /v1.0/subscriptions/" + id);
    assertThat(renewals)
        .extracting(JournalEntry::time)
        .containsExactly(
            start.plus(Duration.ofMinutes(49)),
            start.plus(Duration.ofMinutes(98)),
            start.plus(Duration.ofMinutes(147)));
    assertThat(graph.journal(e -> e.kind().startsWith("presence.subscription.")))
        .extracting(JournalEntry::kind)
        .containsExactly("presence.subscription.created");
  }

  @Test
  void renewalAnswered404_subscriptionIsCreatedAgain_andItsUsersAreReportedMissed()
      throws Exception {
    List<String> agents = graph.addAgents(3);
    subscriptions.watch(agents);
    String lost = subscriptions.active().get(0).id();
    graph.graph().delete("/subscriptions/" + lost); // Graph forgets it, as after an outage

    graph.advance(Duration.ofMinutes(50));

    assertThat(graph.journal("response 404")).isNotEmpty();
    assertThat(subscriptions.active())
        .singleElement()
        .extracting(PresenceSubscription::id)
        .isNotEqualTo(lost);
    assertThat(missed).containsExactlyInAnyOrderElementsOf(agents);
    assertThat(graph.journal(CREATE)).hasSize(2);
  }

  @Test
  void subscriptionRemovedByGraph_afterDeliveriesKeptFailing_isCreatedAgain() throws Exception {
    List<String> agents = graph.addAgents(3);
    subscriptions.watch(agents);
    String removed = subscriptions.active().get(0).id();
    endpoint.refuseNotifications(true);
    graph
        .emulator
        .presence()
        .changeSettings(s -> s.withRetries(Duration.ofMinutes(1), Duration.ofMinutes(2)));

    graph.script(agents.get(0), "Away", "Away");
    for (int attempt = 1; attempt <= 2; attempt++) {
      int attempts = attempt;
      Waiting.until(
          "retry " + attempt + " scheduled",
          () -> graph.journal("presence.notification.retryScheduled").size() == attempts);
      graph.advance(Duration.ofMinutes(1)); // attempts 2 and 3; after the third Graph gives up
    }

    Waiting.until(
        "a new subscription",
        () ->
            subscriptions.active().size() == 1
                && !subscriptions.active().get(0).id().equals(removed));
    assertThat(graph.journal("presence.lifecycle"))
        .extracting(e -> e.attributes().get("lifecycleEvent"))
        .containsExactlyInAnyOrder("missed", "subscriptionRemoved"); // posted concurrently
    Waiting.until("users reported missed", () -> missed.containsAll(agents));
  }

  @Test
  void notificationWithAnotherClientState_isRefused_genuineOnePasses() throws Exception {
    List<String> agents = graph.addAgents(1);
    subscriptions.watch(agents);
    String id = subscriptions.active().get(0).id();
    String forged =
        "{\"value\":[{\"subscriptionId\":\""
            + id
            + "\",\"clientState\":\"guessed\",\"changeType\":\"updated\","
            + "\"resource\":\"communications/presences/"
            + agents.get(0)
            + "\",\"resourceData\":{\"id\":\""
            + agents.get(0)
            + "\"}}]}";

    HttpResponse<String> answer =
        graph.http.send(
            HttpRequest.newBuilder(endpoint.url(NotificationEndpoint.NOTIFY))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(forged))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    ReceivedNotifications refused = endpoint.received.poll(5, TimeUnit.SECONDS);
    graph.script(agents.get(0), "BeRightBack", "BeRightBack");
    ReceivedNotifications genuine = endpoint.received.poll(5, TimeUnit.SECONDS);

    assertThat(answer.statusCode()).isEqualTo(202);
    assertThat(refused.changedUserIds()).isEmpty();
    assertThat(refused.refusals())
        .singleElement()
        .extracting(r -> r.subscriptionId())
        .isEqualTo(id);
    assertThat(genuine.changedUserIds()).containsExactly(agents.get(0));
    assertThat(genuine.refusals()).isEmpty();
  }

  @Test
  void graphRefusingTheSubscription_isRetriedLater() throws Exception {
    List<String> agents = graph.addAgents(1);
    endpoint.close(); // the validation handshake cannot reach us
    PresenceSubscriptions unreachable =
        new PresenceSubscriptions(
            graph.graph(),
            SubscriptionSettings.defaults(URI.create("http://127.0.0.1:9/notify"), null),
            graph.clock,
            graph.scheduler(),
            missed::addAll);

    unreachable.watch(agents);
    graph.advance(Duration.ofMinutes(1));

    assertThat(unreachable.active()).isEmpty();
    assertThat(graph.journal(CREATE)).hasSize(2);
    assertThat(graph.journal("response 400")).hasSize(2);
    unreachable.close();
  }

  @Test
  void graphGrantingLessThanTheRenewalLead_isRenewedHalfwayNotInALoop() throws Exception {
    AtomicInteger renewals = new AtomicInteger();
    HttpServer stingyGraph = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
    stingyGraph.createContext(
        "/v1.0/subscriptions",
        exchange -> {
          try (exchange) {
            if (exchange.getRequestMethod().equals("PATCH")) {
              renewals.incrementAndGet();
            }
            byte[] body =
                ("{\"id\":\"stingy-1\",\"expirationDateTime\":\""
                        + graph.clock.instant().plus(Duration.ofMinutes(4))
                        + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          }
        });
    stingyGraph.start();
    PresenceSubscriptions stingy =
        new PresenceSubscriptions(
            graph.graphAt(
                URI.create("http://127.0.0.1:" + stingyGraph.getAddress().getPort() + "/v1.0"),
                RetryPolicy.DEFAULT,
                d -> {}),
            endpoint.settings(),
            graph.clock,
            graph.scheduler(),
            missed::addAll);
    stingy.watch(graph.addAgents(1));

    graph.advance(Duration.ofMinutes(8)); // 4-minute expiries renewed after 2 minutes

    assertThat(renewals).hasValue(4);
    assertThat(stingy.active().get(0).expiration()).isAfter(graph.clock.instant());
    stingyGraph.stop(0);
  }
}
