package io.tandem.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.agent.AgentProfile;
import io.tandem.core.skill.AgentSkills;
import io.tandem.core.tenant.TenantId;
import io.tandem.server.tenant.TenantRegistry;
import io.tandem.server.testing.Http;
import io.tandem.server.testing.RunningServer;
import io.tandem.server.testing.SseClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The event and statistics streams over real HTTP (Server-Sent Events). */
class EventStreamApiTest {

  private static final String BASE = "/api/v1/tenants/live";
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir static Path directory;
  static RunningServer server;
  static Http http;

  @BeforeAll
  static void start() {
    server = RunningServer.start(directory);
    http = server.http();
    http.put("/api/v1/tenants/live", "{\"name\": \"Live\"}");
    server
        .bean(TenantRegistry.class)
        .tenant(new TenantId("live"))
        .tell(
            t -> {
              t.configureAgent(AgentProfile.voice("anna", AgentSkills.NONE));
              t.configureAgent(AgentProfile.voice("ben", AgentSkills.NONE));
            })
        .join();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static SseClient open(String path, Map<String, String> headers) throws Exception {
    return SseClient.open(server.base().resolve(path), headers);
  }

  @Test
  void events_streamsEachNewEvent_andResumesFromTheLogWithLastEventId() throws Exception {
    try (SseClient live = open(BASE + "/events?types=agent.*", Map.of())) {
      assertThat(live.status()).isEqualTo(200);
      http.post(BASE + "/agents/anna/login", "{}");

      SseClient.Event loggedIn = live.next(WAIT);
      SseClient.Event ready = live.next(WAIT);

      assertThat(loggedIn.type()).isEqualTo("agent.LoggedIn");
      assertThat(ready.type()).isEqualTo("agent.BecameReady");
      JsonNode data = JSON.readTree(ready.data());
      assertThat(data.get("data").get("agent").asString()).isEqualTo("anna");
      assertThat(Long.parseLong(ready.id())).isEqualTo(data.get("seq").asLong());

      long seenUpTo = Long.parseLong(loggedIn.id());
      try (SseClient resumed = open(BASE + "/events", Map.of("Last-Event-ID", "" + seenUpTo))) {
        SseClient.Event next = resumed.next(WAIT);
        assertThat(next.id()).isEqualTo(ready.id());
        http.post(BASE + "/agents/anna/logout", "");
        assertThat(resumed.next(WAIT).type()).isEqualTo("agent.LoggedOut");
      }
    }
  }

  @Test
  void events_fromTheStart_replaysTheWholeLogInOrder() throws Exception {
    try (SseClient all = open(BASE + "/events?after=0", Map.of())) {
      SseClient.Event first = all.next(WAIT);
      SseClient.Event second = all.next(WAIT);

      assertThat(first.id()).isEqualTo("1");
      assertThat(first.type()).isEqualTo("agent.Configured");
      assertThat(second.id()).isEqualTo("2");
    }
  }

  @Test
  void statisticsStream_sendsTheTenantsStatistics() throws Exception {
    try (SseClient wallboard = open(BASE + "/statistics/stream", Map.of())) {
      SseClient.Event statistics = wallboard.next(WAIT);

      assertThat(statistics.type()).isEqualTo("statistics");
      assertThat(JSON.readTree(statistics.data()).get("agentsByState").has("READY")).isTrue();
    }
  }

  @Test
  void rejects_badResumePointOrFilter_andUnknownTenant() {
    assertThat(
            http.send("GET", BASE + "/events?after=-1", null, null).json().get("field").asString())
        .isEqualTo("after");
    assertThat(
            http.send("GET", BASE + "/events?types=no%20such", null, null)
                .json()
                .get("field")
                .asString())
        .isEqualTo("types");
    assertThat(http.get("/api/v1/tenants/nobody/events").status()).isEqualTo(404);
  }
}
