package io.tandem.graph.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.journal.JournalEntry;
import io.tandem.emulator.teams.OfferListener;
import io.tandem.emulator.world.ClientBehaviour;
import io.tandem.emulator.world.TeamsUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The presence feed on the wall clock, as production runs it (timers on a scheduled executor, reads
 * on virtual threads), against the emulator on the system clock: how long from a presence change in
 * the emulator (its journal's {@code presence.changed} time) until the listener hears {@link
 * PresenceChanged} ({@code observedAt}). Polling is off, so every change comes by notification.
 */
class PresenceFeedStalenessTest {

  private static final PollingSettings NEVER_POLL =
      new PollingSettings(Duration.ofDays(1), Duration.ofSeconds(30), 750, Duration.ofSeconds(30));
  private static final ClientBehaviour ANSWERS_AT_ONCE_HANGS_UP_AFTER_A_SECOND =
      new ClientBehaviour(
          Duration.ofMillis(200),
          ClientBehaviour.Response.ANSWER,
          Duration.ofSeconds(1),
          null,
          null,
          null);

  private final EmulatedGraph graph = EmulatedGraph.onTheWallClock();
  private final NotificationEndpoint endpoint = new NotificationEndpoint();
  private final RecordingPresenceListener listener = new RecordingPresenceListener();
  private final ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final List<String> agents = graph.addAgents(5, ANSWERS_AT_ONCE_HANGS_UP_AFTER_A_SECOND);
  private final PresenceFeed feed =
      new PresenceFeed(
          graph.graph(),
          endpoint.settings(),
          NEVER_POLL,
          graph.clock,
          PresenceScheduler.onVirtualThreads(timer),
          work,
          listener);

  PresenceFeedStalenessTest() throws Exception {
    endpoint.deliverTo(feed.clientStates(), feed::received);
    feed.start(agents);
    listener.drain(Duration.ofMillis(100));
  }

  @AfterEach
  void stop() throws InterruptedException {
    feed.close();
    timer.shutdownNow();
    work.shutdown();
    work.awaitTermination(5, TimeUnit.SECONDS);
    endpoint.close();
    graph.close();
  }

  @Test
  void teamsCallOffered_agentTurnsBusyInACall_reportedThroughANotification() throws Exception {
    String agent = agents.get(0);
    TeamsUser user = graph.emulator.world().user(agent).orElseThrow();
    long before = graph.emulator.journal().lastSequence();

    graph.emulator.teamsClients().offer(user, "call-presence-1", new IgnoresTheCall());

    PresenceChanged inACall = listener.next(agent, "Busy/InACall");
    PresenceChanged afterwards = listener.next(agent, "Available/Available");
    assertThat(graph.journal("presence.notification"))
        .anySatisfy(sent -> assertThat(sent.attributes().get("changes")).startsWith(agent + "@"));
    Duration toBusy = staleness(before, agent, "Busy", inACall);
    Duration toAvailable = staleness(before, agent, "Available", afterwards);
    System.out.printf(
        Locale.ROOT,
        "presence staleness, Teams call: to Busy/InACall %.1f ms, back to Available %.1f ms%n",
        toBusy.toNanos() / 1e6,
        toAvailable.toNanos() / 1e6);
    assertThat(toBusy).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void staleness_fromAChangeInTheEmulator_toPresenceChanged() throws Exception {
    String[][] states = {
      {"Away", "Away"},
      {"Busy", "Busy"},
      {"DoNotDisturb", "DoNotDisturb"},
      {"BeRightBack", "BeRightBack"},
      {"Available", "Available"}
    };
    List<Duration> measured = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      String agent = agents.get(i % agents.size());
      String[] state = states[(i / agents.size()) % states.length];
      long before = graph.emulator.journal().lastSequence();

      graph.script(agent, state[0], state[1]);

      PresenceChanged seen = listener.next(agent, state[0] + "/" + state[1]);
      measured.add(staleness(before, agent, state[0], seen));
    }

    measured.sort(null);
    Duration median = measured.get(measured.size() / 2);
    System.out.printf(
        Locale.ROOT,
        "presence staleness over %d changes: median %.1f ms, p90 %.1f ms, max %.1f ms%n",
        measured.size(),
        median.toNanos() / 1e6,
        measured.get(measured.size() * 9 / 10).toNanos() / 1e6,
        measured.get(measured.size() - 1).toNanos() / 1e6);
    assertThat(median).isLessThan(Duration.ofSeconds(1));
  }

  /** From the emulator's {@code presence.changed} of {@code agent} to the listener. */
  private Duration staleness(long after, String agent, String availability, PresenceChanged seen) {
    JournalEntry changed =
        graph
            .emulator
            .journal()
            .after(
                after,
                e ->
                    e.kind().equals("presence.changed")
                        && agent.equals(e.attributes().get("user"))
                        && availability.equals(e.attributes().get("availability")),
                1)
            .get(0);
    return Duration.between(changed.time(), seen.observedAt());
  }

  /** A call party that does nothing: the Teams client's own behaviour drives the call. */
  private static final class IgnoresTheCall implements OfferListener {
    @Override
    public void answered() {}

    @Override
    public void declined() {}

    @Override
    public void busy() {}

    @Override
    public void hungUp() {}
  }
}
