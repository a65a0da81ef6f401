package io.tandem.server.voicemail;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.interaction.InteractionEvent;
import io.tandem.server.testing.DemoServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Voicemail through the whole server, with the emulator in-process playing ACS: the Unify line's
 * entry flow sends a PSTN caller straight to the {@code sales} mailbox; the caller talks and hangs
 * up; the recording's file, announced by Event Grid to Tandem's endpoint, becomes a message in the
 * database, which a supervisor lists, plays (WAV), marks heard and deletes over the API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnifyVoicemailServerTest {

  private static final String UNIFY_LINE = "+14255550400";

  @TempDir static Path directory;
  private DemoServer server;

  @BeforeAll
  void start() throws Exception {
    server =
        DemoServer.start(
            directory,
            "--tandem.sip.enabled=false",
            "--tandem.microsoft.unify.entry-flow=leave-a-message",
            "--tandem.microsoft.emulator.direct-routing.enabled=false");
    VoicemailThroughTheApi.leaveAMessageFlow(server);
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void callerLeavesAMessage_thenItIsListedPlayedHeardAndDeletedOverTheApi() throws Exception {
    server.dial(
        "{\"from\":\"+447700900777\",\"to\":\""
            + UNIFY_LINE
            + "\",\"utterances\":[{\"after\":\"PT2S\",\"text\":"
            + "\"Hello it is Sam about the order please call back\"}],"
            + "\"patience\":\"PT7S\"}");

    InteractionEvent.VoicemailLeft left = server.first(InteractionEvent.VoicemailLeft.class);
    // From the answer (the flow sends the caller at once) to the hang-up at 7 s.
    VoicemailThroughTheApi.listedPlayedHeardAndDeleted(
        server, left, "+447700900777", 5_500L, 7_500L);
    assertThat(server.emulator().journal().after(0, e -> e.kind().equals("recording.file"), 10))
        .hasSize(1);
  }
}
