package io.tandem.graph.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.agent.AgentEvent;
import io.tandem.core.agent.AgentId;
import io.tandem.core.agent.AgentProfile;
import io.tandem.core.interaction.Channel;
import io.tandem.core.interaction.DisconnectedBy;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.interaction.ReservationId;
import io.tandem.core.skill.AgentSkills;
import io.tandem.emulator.journal.JournalEntry;
import io.tandem.graph.client.GraphClient;
import io.tandem.graph.client.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tandem's presence session for its agents, written to the emulator's Graph over real HTTP in
 * virtual time: the publisher's flushes run when the test runs the {@link QueuedWork}, its timers
 * when the test advances the emulator's clock. What Teams shows is read back with {@code
 * getPresencesByUserId}.
 */
class PresencePublisherTest {

  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  private EmulatedGraph graph;
  private final QueuedWork work = new QueuedWork();
  private PresencePublisher publisher;
  private AgentCallPresence agentCalls;
  private List<String> users;

  @BeforeEach
  void emulator() throws Exception {
    graph = EmulatedGraph.inVirtualTime();
    users = graph.addAgents(5);
  }

  @AfterEach
  void close() {
    if (publisher != null) {
      publisher.close();
    }
    graph.close();
  }

  /** A publisher of five-minute sessions, set again a minute before they expire. */
  private void publishing(
      int requestsPerWindow, GraphClient client, Predicate<InteractionEvent.Arrived> scope) {
    PublishSettings settings =
        new PublishSettings(
            EmulatedGraph.APP,
            FIVE_MINUTES,
            Duration.ofMinutes(1),
            requestsPerWindow,
            Duration.ofSeconds(30),
            Duration.ofSeconds(30));
    publisher = new PresencePublisher(client, settings, graph.clock, graph.scheduler(), work);
    agentCalls = new AgentCallPresence(publisher, scope);
    List<AgentProfile> profiles = new ArrayList<>();
    for (int i = 0; i < users.size(); i++) {
      profiles.add(
          new AgentProfile(
              agent(i), "agent " + i, AgentSkills.NONE, Map.of(Channel.VOICE, 1), users.get(i)));
    }
    agentCalls.agents(profiles);
    work.runAll(); // the first wish of each user: clear whatever a previous run left
  }

  private void publishing() {
    publishing(300, graph.graph(), arrived -> true);
  }

  @Test
  void call_showsBusyInACall_andItsEndClearsTheSession() throws Exception {
    publishing();

    arrive(1);
    agentCalls.on(connected(1, 0));
    work.runAll();
    String during = teamsShows(0);
    agentCalls.on(disconnected(1, 0, now().plusSeconds(30))); // into wrap-up
    work.runAll();

    assertThat(during).isEqualTo("Busy/InACall");
    assertThat(teamsShows(0)).isEqualTo("Available/Available");
    assertThat(teamsShows(1)).isEqualTo("Available/Available");
    assertThat(bodies("setPresence"))
        .singleElement()
        .satisfies(
            body ->
                assertThat(body)
                    .contains("\"sessionId\":\"" + EmulatedGraph.APP + "\"")
                    .contains("\"availability\":\"Busy\"")
                    .contains("\"activity\":\"InACall\"")
                    .contains("\"expirationDuration\":\"PT5M\""));
    assertThat(publisher.written(users.get(0))).contains(SessionPresence.CLEARED);
  }

  @Test
  void longCall_isSetAgainBeforeTheSessionExpires_untilTheCallEnds() throws Exception {
    publishing();
    arrive(1);
    agentCalls.on(connected(1, 0));
    work.runAll();

    List<String> shown = new ArrayList<>();
    for (int step = 0; step < 40; step++) { // 20 minutes of a five-minute session
      graph.advance(Duration.ofSeconds(30));
      work.runAll();
      shown.add(teamsShows(0));
    }

    assertThat(shown).containsOnly("Busy/InACall");
    assertThat(bodies("setPresence")).hasSize(6); // at 0, 4, 8, 12, 16 and 20 minutes
    agentCalls.on(disconnected(1, 0, null));
    work.runAll();
    assertThat(teamsShows(0)).isEqualTo("Available/Available");
  }

  @Test
  void sessionNotSetAgain_expiresAtGraph() throws Exception {
    publishing();
    arrive(1);
    agentCalls.on(connected(1, 0));
    work.runAll();
    publisher.close(); // Tandem stops: nobody refreshes

    graph.advance(FIVE_MINUTES.plusSeconds(1));

    assertThat(teamsShows(0)).isEqualTo("Available/Available");
  }

  @Test
  void throttledSetPresence_isRetriedAfterRetryAfter() throws Exception {
    List<Duration> pauses = new CopyOnWriteArrayList<>();
    try (ThrottlingGraph throttling =
        new ThrottlingGraph(graph.emulator.httpBaseUrl(), "setPresence", 1, 3)) {
      GraphClient client =
          graph.graphAt(
              URI.create(throttling.baseUrl() + "/v1.0"),
              new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(60)),
              pauses::add);
      publishing(300, client, arrived -> true);
      arrive(1);

      agentCalls.on(connected(1, 0));
      work.runAll();

      assertThat(throttling.refused).hasValue(1);
    }
    assertThat(pauses).containsExactly(Duration.ofSeconds(3));
    assertThat(bodies("setPresence")).hasSize(1);
    assertThat(teamsShows(0)).isEqualTo("Busy/InACall");
  }

  @Test
  void burst_isRateBounded_clearsFirst_andOnlyTheLatestWishIsSent() throws Exception {
    publishing(2, graph.graph(), arrived -> true); // five first clears: 2 + 2 + 1 windows
    nextWindow();
    nextWindow();
    assertThat(requests()).hasSize(5).allMatch(path -> path.endsWith("clearPresence"));
    nextWindow();

    for (int i = 0; i < 5; i++) {
      arrive(i);
      agentCalls.on(connected(i, i));
    }
    agentCalls.on(disconnected(0, 0, null)); // agent 0's wish flips back before anything is sent
    agentCalls.on(connected(9, 0));
    agentCalls.on(disconnected(9, 0, null));
    work.runAll();
    List<String> firstWindow = requests().subList(5, requests().size());
    int setFirst = agentOf(firstWindow.get(0));
    agentCalls.on(disconnected(setFirst, setFirst, null));
    nextWindow();
    List<String> secondWindow = requests().subList(5 + firstWindow.size(), requests().size());
    nextWindow();

    assertThat(firstWindow).hasSize(2).allMatch(path -> path.endsWith("setPresence"));
    assertThat(secondWindow).hasSize(2);
    assertThat(secondWindow.get(0)).endsWith("clearPresence").contains(users.get(setFirst));
    assertThat(secondWindow.get(1)).endsWith("setPresence");
    assertThat(requests()).hasSize(5 + 2 + 2 + 1);
    assertThat(requests()).noneMatch(path -> path.contains(users.get(0) + "/presence/set"));
    for (int i = 0; i < 5; i++) {
      assertThat(teamsShows(i))
          .as("agent " + i)
          .isEqualTo(i == 0 || i == setFirst ? "Available/Available" : "Busy/InACall");
    }
  }

  private void nextWindow() {
    graph.advance(Duration.ofSeconds(30));
    work.runAll();
  }

  private List<String> requests() {
    return paths(List.of("setPresence", "clearPresence"));
  }

  private int agentOf(String path) {
    for (int i = 0; i < users.size(); i++) {
      if (path.contains(users.get(i))) {
        return i;
      }
    }
    throw new AssertionError("no agent's user in " + path);
  }

  @Test
  void callsOutsideTheScope_areNeverPublished() throws Exception {
    publishing(300, graph.graph(), arrived -> !arrived.attributes().containsKey("hand-over"));
    agentCalls.on(
        new InteractionEvent.Arrived(
            interaction(1), Channel.VOICE, "+1", "bot", Map.of("hand-over", "yes"), 1, now()));

    agentCalls.on(connected(1, 0));
    work.runAll();

    assertThat(bodies("setPresence")).isEmpty();
    assertThat(teamsShows(0)).isEqualTo("Available/Available");
  }

  @Test
  void agentReadyOrLoggedOut_clearsWhateverCallWasLeft() throws Exception {
    publishing();
    arrive(1);
    arrive(2);
    agentCalls.on(connected(1, 0));
    agentCalls.on(connected(2, 1));
    work.runAll();

    agentCalls.on(new AgentEvent.BecameReady(agent(0), now()));
    agentCalls.on(new AgentEvent.LoggedOut(agent(1), now()));
    work.runAll();

    assertThat(teamsShows(0)).isEqualTo("Available/Available");
    assertThat(teamsShows(1)).isEqualTo("Available/Available");
  }

  private String teamsShows(int agent) throws Exception {
    return new PresenceReader(graph.graph())
        .read(List.of(users.get(agent)))
        .values()
        .iterator()
        .next()
        .toString();
  }

  private List<String> bodies(String action) {
    return graph
        .journal(e -> e.kind().startsWith("POST ") && e.kind().endsWith("/" + action))
        .stream()
        .map(JournalEntry::body)
        .toList();
  }

  private List<String> paths(List<String> actions) {
    return graph
        .journal(e -> e.kind().startsWith("POST ") && actions.stream().anyMatch(e.kind()::endsWith))
        .stream()
        .map(JournalEntry::kind)
        .toList();
  }

  private void arrive(int n) {
    agentCalls.on(
        new InteractionEvent.Arrived(
            interaction(n), Channel.VOICE, "+1", "bot", Map.of(), n, now()));
  }

  private InteractionEvent.Connected connected(int n, int agent) {
    return new InteractionEvent.Connected(
        interaction(n), new ReservationId("r" + n), agent(agent), now());
  }

  private InteractionEvent.Disconnected disconnected(int n, int agent, Instant wrapUpUntil) {
    return new InteractionEvent.Disconnected(
        interaction(n), agent(agent), DisconnectedBy.CUSTOMER, wrapUpUntil, now());
  }

  private static InteractionId interaction(int n) {
    return new InteractionId("i" + n);
  }

  private static AgentId agent(int n) {
    return new AgentId("agent-" + n);
  }

  private Instant now() {
    return graph.clock.instant();
  }
}
