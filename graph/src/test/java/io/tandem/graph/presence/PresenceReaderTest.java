package io.tandem.graph.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.presence.Availability;
import io.tandem.graph.client.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bulk presence reads against the emulator's Graph (real HTTP, virtual time). */
class PresenceReaderTest {

  private static final String BULK = "POST /v1.0/communications/getPresencesByUserId";

  private final EmulatedGraph graph = EmulatedGraph.inVirtualTime();

  PresenceReaderTest() throws Exception {}

  @AfterEach
  void stop() {
    graph.close();
  }

  @Test
  void threeUsers_oneRequest_eachUsersPresence() throws Exception {
    List<String> agents = graph.addAgents(3);
    graph.script(agents.get(1), "Busy", "InAMeeting");
    graph.script(agents.get(2), "Offline", "OffWork");

    Map<String, TeamsPresence> presences = new PresenceReader(graph.graph()).read(agents);

    assertThat(presences)
        .containsExactly(
            Map.entry(agents.get(0), new TeamsPresence(Availability.AVAILABLE, Activity.AVAILABLE)),
            Map.entry(agents.get(1), new TeamsPresence(Availability.BUSY, Activity.IN_A_MEETING)),
            Map.entry(agents.get(2), new TeamsPresence(Availability.OFFLINE, Activity.OFF_WORK)));
    assertThat(graph.journal(BULK)).hasSize(1);
  }

  @Test
  void sevenHundredUsers_twoRequestsOfAtMost650() throws Exception {
    List<String> agents = graph.addAgents(700);
    graph.script(agents.get(699), "Away", "Away");

    Map<String, TeamsPresence> presences = new PresenceReader(graph.graph()).read(agents);

    assertThat(presences).hasSize(700).containsOnlyKeys(agents);
    assertThat(presences.get(agents.get(0)).availability()).isEqualTo(Availability.AVAILABLE);
    assertThat(presences.get(agents.get(699)).availability()).isEqualTo(Availability.AWAY);
    assertThat(graph.journal(BULK))
        .hasSize(2)
        .allSatisfy(
            request ->
                assertThat(request.body().split("\"5a5a5a5a-").length - 1)
                    .isLessThanOrEqualTo(PresenceReader.MAX_IDS_PER_REQUEST));
  }

  @Test
  void idGraphDoesNotKnow_isPresenceUnknown_andDuplicatesAreReadOnce() throws Exception {
    List<String> agents = graph.addAgents(1);
    String stranger = "99999999-9999-4999-8999-999999999999";

    Map<String, TeamsPresence> presences =
        new PresenceReader(graph.graph()).read(List.of(agents.get(0), stranger, agents.get(0)));

    assertThat(presences).hasSize(2);
    assertThat(presences.get(stranger)).isEqualTo(TeamsPresence.UNKNOWN);
    assertThat(graph.journal(BULK).get(0).body()).containsOnlyOnce(agents.get(0));
  }

  @Test
  void throttled_waitsWhatRetryAfterSays_thenReadsTheRest() throws Exception {
    List<String> agents = graph.addAgents(700);
    graph
        .emulator
        .presence()
        .changeSettings(s -> s.withThrottling(true, 1, Duration.ofSeconds(30)));
    List<Duration> pauses = new ArrayList<>();

    Map<String, TeamsPresence> presences =
        new PresenceReader(
                graph.graph(
                    new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(60)),
                    pauses::add))
            .read(agents);

    assertThat(presences).hasSize(700);
    assertThat(graph.journal("response 429")).hasSize(1);
    assertThat(pauses).containsExactly(Duration.ofSeconds(30));
  }
}
