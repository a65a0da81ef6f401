package io.tandem.server.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.server.testing.Http;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The packaged server killed with {@code kill -9} in the middle of live demo traffic, then started
 * again on the same H2 files: agents and queues come back as they were, and every call that was
 * live ends with the explicit reason {@code lost-on-restart} (its media did not survive), none
 * silently dropped.
 */
class CrashRecoveryIT {

  private static final String DEMO = "/api/v1/tenants/demo";

  @TempDir Path directory;

  @Test
  void killDashNine_duringLiveTraffic_restartRecoversAgentsQueuesAndEndsLostCalls()
      throws Exception {
    Path log = directory.resolve("server.log");
    // The default database: H2 files under ./data of the working directory, as a user runs it.
    JsonNode before;
    List<String> liveBefore = new ArrayList<>();
    try (ServerProcess server =
        ServerProcess.start(directory, log, "--tandem.demo.arrival-rate-factor=30")) {
      Http http = server.http();
      before = awaitLiveCalls(http);
      for (JsonNode interaction : http.get(DEMO + "/interactions").json()) {
        liveBefore.add(interaction.get("id").asString());
      }
      server.kill();
    }
    assertThat(liveBefore).isNotEmpty();

    try (ServerProcess server =
        ServerProcess.start(directory, log, "--tandem.demo.enabled=false")) {
      Http http = server.http();
      JsonNode after = http.get(DEMO + "/statistics").json();

      assertThat(after.get("queues").findValuesAsString("queue"))
          .isEqualTo(before.get("queues").findValuesAsString("queue"));
      assertThat(loggedIn(after)).isEqualTo(loggedIn(before)).isPositive();
      assertThat(total(after)).isEqualTo(total(before));
      int lost = 0;
      for (String id : liveBefore) {
        Http.Answer detail = http.get(DEMO + "/interactions/" + id);
        assertThat(detail.status()).as(id + ": " + detail.body()).isEqualTo(200);
        JsonNode summary = detail.json().get("summary");
        if ("lost-on-restart".equals(summary.get("endReason").asString(""))) {
          assertThat(summary.get("outcome").asString()).isEqualTo("failed");
          lost++;
        } else {
          // Ended before the kill, or a callback that survives a restart.
          assertThat(summary.get("outcome").asString()).isNotEqualTo("live").as(id);
        }
      }
      assertThat(lost).isPositive();
      for (JsonNode interaction : http.get(DEMO + "/interactions").json()) {
        assertThat(interaction.get("channel").asString()).isEqualTo("CALLBACK");
      }
    }
  }

  /** Waits until the demo has calls in progress and agents talking; returns the statistics. */
  private static JsonNode awaitLiveCalls(Http http) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      JsonNode statistics = http.get(DEMO + "/statistics").json();
      if (statistics.get("liveInteractions").asInt() >= 3
          && statistics.get("agentsByState").get("BUSY").asInt() >= 1) {
        return statistics;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the demo did not get calls going within 90 s");
  }

  private static int loggedIn(JsonNode statistics) {
    return total(statistics) - statistics.get("agentsByState").get("OFFLINE").asInt();
  }

  private static int total(JsonNode statistics) {
    int total = 0;
    for (JsonNode count : statistics.get("agentsByState")) {
      total += count.asInt();
    }
    return total;
  }
}
