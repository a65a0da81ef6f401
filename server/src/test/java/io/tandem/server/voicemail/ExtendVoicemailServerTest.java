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
 * Voicemail through the whole server, with the emulator in-process playing Graph: the Extend line's
 * entry flow sends a PSTN caller straight to the {@code sales} mailbox; the caller talks and falls
 * silent; the bot fetches the {@code recordResponse} recording, which becomes a message in the
 * database that a supervisor lists, plays (WAV), marks heard and deletes over the API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtendVoicemailServerTest {

  private static final String HELP_LINE = "+14255550200";

  @TempDir static Path directory;
  private DemoServer server;

  @BeforeAll
  void start() throws Exception {
    server =
        DemoServer.start(
            directory,
            "--tandem.sip.enabled=false",
            "--tandem.microsoft.extend.entry-flow=leave-a-message",
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
            + HELP_LINE
            + "\",\"utterances\":[{\"after\":\"PT2S\",\"text\":"
            + "\"Hello it is Sam about the order please call back\"}]}");

    InteractionEvent.VoicemailLeft left = server.first(InteractionEvent.VoicemailLeft.class);
    // Talk from about 2 s for 3 s (nine words), then Graph's 5 s of silence.
    VoicemailThroughTheApi.listedPlayedHeardAndDeleted(
        server, left, "+447700900777", 8_000L, 10_500L);
    assertThat(server.emulator().journal().after(0, e -> e.kind().contains("/recordResponse"), 10))
        .hasSize(1);
  }
}
