package io.tandem.server.extend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.core.interaction.DisconnectedBy;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.tenant.TenantId;
import io.tandem.emulator.journal.JournalEntry;
import io.tandem.graph.presence.TeamsPresence;
import io.tandem.server.presence.TeamsPresenceRouting;
import io.tandem.server.tenant.TenantRegistry;
import io.tandem.server.testing.DemoServer;
import io.tandem.server.testing.Http;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Extend bot in {@code stay-in-call} mode with the agents' calls published to Teams, through
 * the REST API: a PSTN caller reaches a billing agent, who holds, resumes and hangs up with {@code
 * POST /api/v1/tenants/demo/interactions/{id}/call/{action}} (each 202, each followed by the
 * interaction's event); meanwhile Tandem's presence session shows the agent {@code Busy/InACall},
 * and the hang-up clears it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtendStayInCallApiTest {

  static final String HELP_LINE = "+14255550200";

  @TempDir static Path directory;
  private DemoServer server;

  @BeforeAll
  void start() throws Exception {
    server =
        DemoServer.start(
            directory,
            "--tandem.sip.enabled=false",
            "--tandem.microsoft.emulator.direct-routing.enabled=false",
            "--tandem.microsoft.extend.offer-mode=stay-in-call",
            "--tandem.microsoft.presence.publish=true");
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void agentHoldsResumesAndHangsUp_throughTheApi_andTeamsShowsTheCall() throws Exception {
    server.dial(caller("+447700900321"));
    InteractionEvent.Connected connected = server.first(InteractionEvent.Connected.class);
    String user = teamsUserOf(connected);
    Http api = server.api("supervisor");
    String call = "/api/v1/tenants/demo/interactions/" + connected.interaction().value() + "/call/";
    await()
        .atMost(DemoServer.BOUND)
        .until(() -> tandemSees(user).equals(Optional.of("Busy/InACall")));

    Http.Answer hold = api.post(call + "hold", "{}");
    server.first(InteractionEvent.Held.class);
    Http.Answer resume = api.post(call + "resume", "{}");
    server.first(InteractionEvent.Resumed.class);
    Http.Answer hangUp = api.post(call + "hang-up", "{}");
    InteractionEvent.Disconnected disconnected = server.first(InteractionEvent.Disconnected.class);

    assertThat(hold.status()).as(hold.body()).isEqualTo(202);
    assertThat(resume.status()).as(resume.body()).isEqualTo(202);
    assertThat(hangUp.status()).as(hangUp.body()).isEqualTo(202);
    assertThat(disconnected.interaction()).isEqualTo(connected.interaction());
    assertThat(disconnected.by()).isEqualTo(DisconnectedBy.AGENT);
    await()
        .atMost(DemoServer.BOUND)
        .until(() -> !tandemSees(user).equals(Optional.of("Busy/InACall")));
    assertThat(presenceWrites(user, "setPresence")).hasSize(1);
    assertThat(presenceWrites(user, "clearPresence")).hasSizeGreaterThanOrEqualTo(2); // start, end
    assertThat(api.post(call + "hold", "{}").status()).isEqualTo(404); // no live call any more
  }

  static String caller(String number) {
    return "{\"from\":\""
        + number
        + "\",\"to\":\""
        + HELP_LINE
        + "\",\"digits\":[{\"after\":\"PT3S\",\"digits\":\"1\"}],\"talkFor\":\"PT120S\"}";
  }

  private String teamsUserOf(InteractionEvent.Connected connected) throws Exception {
    return server
        .bean(TenantRegistry.class)
        .tenant(new TenantId("demo"))
        .ask(t -> t.state().agent(connected.agent()).profile().teamsUserId())
        .get(10, TimeUnit.SECONDS);
  }

  /** The agent's presence as Tandem's presence feed read it last. */
  private Optional<String> tandemSees(String user) {
    return server
        .bean(TeamsPresenceRouting.class)
        .feed()
        .flatMap(feed -> feed.presenceOf(user))
        .map(TeamsPresence::toString);
  }

  private List<JournalEntry> presenceWrites(String user, String action) {
    return server
        .emulator()
        .journal()
        .after(
            0,
            e -> e.kind().equals("POST /v1.0/users/" + user + "/presence/" + action),
            Integer.MAX_VALUE);
  }
}
