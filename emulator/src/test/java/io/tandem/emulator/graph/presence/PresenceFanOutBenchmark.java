package io.tandem.emulator.graph.presence;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.tandem.emulator.Emulator;
import io.tandem.emulator.EmulatorFixture;
import io.tandem.emulator.EmulatorSettings;
import io.tandem.emulator.journal.JournalEntry;
import io.tandem.emulator.time.SystemScheduler;
import io.tandem.emulator.world.EmulatedTenant;
import io.tandem.emulator.world.TeamsUser;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How many presence changes per second the emulator fans out to one subscriber watching 650 users,
 * and the latency from a change to the subscriber's 2xx (from the journal: {@code presence.changed}
 * time → {@code presence.notification reply} time, wall clock). Run by hand:
 *
 * <pre>./mvnw -B -q -o -pl media,emulator -am test -Dtest=PresenceFanOutBenchmark \
 *   -Dgroups=benchmark -DexcludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@Tag("benchmark")
class PresenceFanOutBenchmark {

  private static final int USERS = 650;
  private static final int CHANGES = 40_000;

  @Test
  void fanOut() throws Exception {
    StringBuilder report = new StringBuilder();
    report.append(run(100, CHANGES, 0)).append('\n');
    report.append(run(1, CHANGES / 4, 0)).append('\n');
    report.append(run(100, 5_000, 500)).append('\n');
    report.append(run(1, 5_000, 500)).append('\n');
    System.out.println(report);
    Files.writeString(Path.of("target/presence-fanout.txt"), report.toString());
  }

  /** {@code perSecond} 0 = as fast as the producer can go. */
  private String run(int maxBatch, int changes, int perSecond) throws Exception {
    AtomicLong received = new AtomicLong();
    HttpServer subscriber = subscriber(received);
    SystemScheduler clock = new SystemScheduler(Clock.systemUTC());
    EmulatorSettings settings =
        EmulatorSettings.defaults()
            .withWorld(EmulatorFixture.world("contoso.yaml"))
            .withJournalCapacity(5_000_000);
    try (Emulator emulator = Emulator.start(settings, clock)) {
      List<String> users = addUsers(emulator);
      emulator
          .presence()
          .changeSettings(
              s ->
                  new PresenceSettings(
                      false,
                      s.throttleRequests(),
                      s.throttleWindow(),
                      s.validationTimeout(),
                      s.deliveryTimeout(),
                      s.retryInterval(),
                      s.retryFor(),
                      maxBatch));
      subscribe(emulator, users, subscriber);

      long started = System.nanoTime();
      PresenceBoard board = emulator.presence().board();
      PresenceState away = new PresenceState(Availability.Away, Activity.Away);
      for (int i = 0; i < changes; i++) {
        String user = users.get(i % USERS);
        board.scriptClient(user, (i / USERS) % 2 == 0 ? away : PresenceState.AVAILABLE);
        if (perSecond > 0) {
          long due = started + (i + 1) * 1_000_000_000L / perSecond;
          java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
        }
      }
      long produced = System.nanoTime();
      long deadline = produced + Duration.ofMinutes(3).toNanos();
      while (received.get() < changes && System.nanoTime() < deadline) {
        Thread.sleep(2);
      }
      long delivered = System.nanoTime();
      assertThat(received.get()).isEqualTo(changes);

      List<Long> latencies = latenciesMicros(emulator);
      latencies.sort(null);
      double seconds = (delivered - started) / 1e9;
      return String.format(
          "maxBatch=%d, offered %s: %d changes to 1 subscription of %d users in %.2f s = %.0f changes/s"
              + " (produced in %.2f s); change→2xx latency median %.1f ms, p90 %.1f ms, p99 %.1f ms,"
              + " max %.1f ms (%d samples); %d cores",
          maxBatch,
          perSecond == 0 ? "flat out" : perSecond + "/s",
          changes,
          USERS,
          seconds,
          changes / seconds,
          (produced - started) / 1e9,
          percentile(latencies, 50) / 1000.0,
          percentile(latencies, 90) / 1000.0,
          percentile(latencies, 99) / 1000.0,
          latencies.get(latencies.size() - 1) / 1000.0,
          latencies.size(),
          Runtime.getRuntime().availableProcessors());
    } finally {
      subscriber.stop(0);
      clock.close();
    }
  }

  private static List<Long> latenciesMicros(Emulator emulator) {
    Map<String, Instant> changedAt = new HashMap<>();
    List<Long> latencies = new ArrayList<>();
    for (JournalEntry entry : emulator.journal().after(0, e -> true, Integer.MAX_VALUE)) {
      if (entry.kind().equals("presence.changed")) {
        changedAt.put(
            entry.attributes().get("user") + "@" + entry.attributes().get("sequence"),
            entry.time());
      } else if (entry.kind().equals("presence.notification reply")) {
        for (String change : entry.attributes().get("changes").split(",")) {
          Instant at = changedAt.get(change);
          if (at != null) {
            latencies.add(Duration.between(at, entry.time()).toNanos() / 1000);
          }
        }
      }
    }
    return latencies;
  }

  private static long percentile(List<Long> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
  }

  private static List<String> addUsers(Emulator emulator) {
    EmulatedTenant tenant = emulator.world().tenant(EmulatorFixture.TENANT).orElseThrow();
    List<TeamsUser> all = new ArrayList<>(tenant.users());
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      String id = String.format("44444444-0000-4000-8000-%012d", i);
      ids.add(id);
      all.add(new TeamsUser(id, "agent" + i + "@contoso.test", null, null, null));
    }
    emulator
        .world()
        .putTenant(
            new EmulatedTenant(
                tenant.id(),
                tenant.displayName(),
                tenant.domains(),
                tenant.apps(),
                all,
                tenant.resourceAccounts()));
    return ids;
  }

  private static void subscribe(Emulator emulator, List<String> users, HttpServer subscriber)
      throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> token =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        emulator.httpBaseUrl()
                            + "/"
                            + EmulatorFixture.TENANT
                            + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id="
                            + EmulatorFixture.BOT_APP
                            + "&client_secret="
                            + EmulatorFixture.BOT_SECRET
                            + "&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String accessToken =
        io.tandem.emulator.http.Json.parse(token.body()).path("access_token").asString();
    StringJoiner filter = new StringJoiner(",", "/communications/presences?$filter=id in (", ")");
    users.forEach(u -> filter.add("'" + u + "'"));
    String body =
        "{\"changeType\":\"updated\",\"notificationUrl\":\"http://127.0.0.1:"
            + subscriber.getAddress().getPort()
            + "/notify\",\"resource\":\""
            + filter
            + "\",\"expirationDateTime\":\""
            + Instant.now().plus(Duration.ofMinutes(59))
            + "\",\"clientState\":\"bench\"}";
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(URI.create(emulator.httpBaseUrl() + "/v1.0/subscriptions"))
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }

  /** A subscriber that echoes validation tokens and counts the notifications it accepts. */
  private static HttpServer subscriber(AtomicLong received) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1000);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            String query = exchange.getRequestURI().getRawQuery();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (query != null && query.startsWith("validationToken=")) {
              byte[] token =
                  URLDecoder.decode(
                          query.substring("validationToken=".length()), StandardCharsets.UTF_8)
                      .getBytes(StandardCharsets.UTF_8);
              exchange.getResponseHeaders().add("Content-Type", "text/plain");
              exchange.sendResponseHeaders(200, token.length);
              exchange.getResponseBody().write(token);
              return;
            }
            String text = new String(body, StandardCharsets.UTF_8);
            int items = 0;
            for (int at = text.indexOf("\"subscriptionId\"");
                at >= 0;
                at = text.indexOf("\"subscriptionId\"", at + 1)) {
              items++;
            }
            received.addAndGet(items);
            exchange.sendResponseHeaders(202, -1);
          }
        });
    server.start();
    return server;
  }
}
