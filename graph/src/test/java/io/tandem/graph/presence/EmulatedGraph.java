package io.tandem.graph.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.emulator.Emulator;
import io.tandem.emulator.EmulatorSettings;
import io.tandem.emulator.journal.JournalEntry;
import io.tandem.emulator.time.ManualScheduler;
import io.tandem.emulator.time.Scheduler;
import io.tandem.emulator.time.SchedulerClock;
import io.tandem.emulator.time.SystemScheduler;
import io.tandem.emulator.world.ClientBehaviour;
import io.tandem.emulator.world.EmulatedTenant;
import io.tandem.emulator.world.TeamsUser;
import io.tandem.graph.client.GraphClient;
import io.tandem.graph.client.RetryPolicy;
import io.tandem.identity.ClientCredentials;
import io.tandem.identity.EntraTokenClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The emulator's Graph for presence tests (real HTTP): the tenant of {@code graph-world.yaml}, to
 * which each test adds its agents, and Graph clients for its bot app. In virtual time the emulator
 * runs on a {@link ManualScheduler} that the feed's timers and clock share, so one {@link #advance}
 * moves Graph and Tandem together; on the wall clock both read the system clock.
 */
final class EmulatedGraph implements AutoCloseable {

  static final String TENANT = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
  static final String APP = "1b2c3d4e-5f60-4718-9a0b-1c2d3e4f5a6b";

  final Emulator emulator;
  final Clock clock;
  final HttpClient http = HttpClient.newHttpClient();
  private final @Nullable ManualScheduler manual;
  private final EntraTokenClient tokens;

  private EmulatedGraph(Scheduler scheduler, Clock clock) throws Exception {
    Path world = Path.of(EmulatedGraph.class.getResource("/graph-world.yaml").toURI());
    this.emulator = Emulator.start(EmulatorSettings.defaults().withWorld(world), scheduler);
    this.clock = clock;
    this.manual = scheduler instanceof ManualScheduler m ? m : null;
    this.tokens =
        EntraTokenClient.of(
            new ClientCredentials(
                URI.create(emulator.httpBaseUrl()),
                TENANT,
                APP,
                "bot-secret",
                "https://graph.microsoft.com/.default"),
            http,
            clock);
  }

  static EmulatedGraph inVirtualTime() throws Exception {
    ManualScheduler scheduler = new ManualScheduler(Instant.parse("2026-11-21T09:00:00Z"));
    return new EmulatedGraph(scheduler, new SchedulerClock(scheduler));
  }

  static EmulatedGraph onTheWallClock() throws Exception {
    return new EmulatedGraph(new SystemScheduler(Clock.systemUTC()), Clock.systemUTC());
  }

  /** Adds {@code count} agents whose Teams clients behave as {@code client}; returns their ids. */
  List<String> addAgents(int count, ClientBehaviour client) {
    EmulatedTenant tenant = emulator.world().tenant(TENANT).orElseThrow();
    List<TeamsUser> users = new ArrayList<>(tenant.users());
    List<String> ids = new ArrayList<>();
    int first = users.size();
    for (int i = first; i < first + count; i++) {
      String id = String.format(Locale.ROOT, "5a5a5a5a-0000-4000-8000-%012d", i);
      users.add(new TeamsUser(id, "agent" + i + "@graph.test", "Agent " + i, null, client));
      ids.add(id);
    }
    emulator
        .world()
        .putTenant(
            new EmulatedTenant(
                tenant.id(),
                tenant.displayName(),
                tenant.domains(),
                tenant.apps(),
                users,
                tenant.resourceAccounts()));
    return ids;
  }

  List<String> addAgents(int count) {
    return addAgents(count, ClientBehaviour.ANSWERS);
  }

  /** A Graph client whose retry waits pass in the emulator's time. */
  GraphClient graph() {
    return graph(new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(60)), d -> {});
  }

  /** A Graph client with {@code retry}, telling {@code pauses} each wait it makes. */
  GraphClient graph(RetryPolicy retry, java.util.function.Consumer<Duration> pauses) {
    return graphAt(URI.create(emulator.httpBaseUrl() + "/v1.0"), retry, pauses);
  }

  /** A Graph client for another Graph (a stub) with the emulator's Entra tokens. */
  GraphClient graphAt(URI base, RetryPolicy retry, java.util.function.Consumer<Duration> pauses) {
    return new GraphClient(
        base,
        tokens,
        http,
        retry,
        duration -> {
          pauses.accept(duration);
          if (manual != null) {
            manual.advance(duration);
          } else {
            Thread.sleep(duration);
          }
        });
  }

  /** The feed's scheduler: the emulator's {@link ManualScheduler} in virtual time. */
  PresenceScheduler scheduler() {
    ManualScheduler scheduler = java.util.Objects.requireNonNull(manual, "virtual time only");
    return (delay, task) -> scheduler.schedule(delay, task)::cancel;
  }

  /** Moves virtual time, running Graph's and Tandem's timers that fall due. */
  void advance(Duration step) {
    java.util.Objects.requireNonNull(manual, "virtual time only").advance(step);
  }

  /** Scripts what {@code userId}'s own Teams client shows. */
  void script(String userId, String availability, String activity) throws Exception {
    HttpResponse<String> scripted =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(emulator.httpBaseUrl() + "/emulator/users/" + userId + "/presence"))
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"availability\":\""
                            + availability
                            + "\",\"activity\":\""
                            + activity
                            + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(scripted.statusCode()).as(scripted.body()).isEqualTo(200);
  }

  List<JournalEntry> journal(Predicate<JournalEntry> filter) {
    return emulator.journal().after(0, filter, Integer.MAX_VALUE);
  }

  List<JournalEntry> journal(String kind) {
    return journal(entry -> entry.kind().equals(kind));
  }

  @Override
  public void close() {
    emulator.close();
    if (emulator.scheduler() instanceof SystemScheduler system) {
      system.close();
    }
  }
}
