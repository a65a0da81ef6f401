package io.tandem.server.extend;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.interaction.InteractionEvent;
import io.tandem.server.testing.DemoServer;
import io.tandem.server.testing.Http;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Extend bot in its default {@code hand-over} mode, through the REST API: once the caller is
 * the agent's own Teams call, Tandem's call control answers 501 (it is done in Teams), and the call
 * goes on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtendHandOverApiTest {

  @TempDir static Path directory;
  private DemoServer server;

  @BeforeAll
  void start() throws Exception {
    server =
        DemoServer.start(
            directory,
            "--tandem.sip.enabled=false",
            "--tandem.microsoft.emulator.direct-routing.enabled=false");
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void holdResumeAndHangUp_are501_whileTheAgentHasTheCallInTeams() throws Exception {
    server.dial(ExtendStayInCallApiTest.caller("+447700900654"));
    InteractionEvent.Connected connected = server.first(InteractionEvent.Connected.class);
    Http api = server.api("supervisor");
    String call = "/api/v1/tenants/demo/interactions/" + connected.interaction().value() + "/call/";

    for (String action : new String[] {"hold", "resume", "hang-up"}) {
      Http.Answer answer = api.post(call + action, "{}");
      assertThat(answer.status()).as(action + ": " + answer.body()).isEqualTo(501);
      assertThat(answer.body()).contains("done in Teams");
    }
    assertThat(server.events(InteractionEvent.Held.class)).isEmpty();
    assertThat(server.events(InteractionEvent.Disconnected.class)).isEmpty();
  }
}
