package io.tandem.server.connect;

import io.tandem.core.interaction.InteractionEvent;
import io.tandem.server.testing.DemoServer;
import io.tandem.server.voicemail.VoicemailThroughTheApi;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Voicemail over SIP through the whole server, with the emulator in-process as the carrier: the
 * Connect line's entry flow sends a PSTN caller straight to the {@code sales} mailbox; the caller
 * talks (the trunk's voice-like audio) and hangs up; Tandem's own recording becomes a message in
 * the database, which a supervisor lists, plays (WAV), marks heard and deletes over the API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectVoicemailServerTest {

  private static final String CONNECT_LINE = "+14255550300";

  @TempDir static Path directory;
  private DemoServer server;

  @BeforeAll
  void start() throws Exception {
    server =
        DemoServer.start(
            directory,
            DemoSipPorts.under(directory).after("--tandem.sip.entry-flow=leave-a-message"));
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
        "{\"from\":\"+447700900777\",\"to\":\"" + CONNECT_LINE + "\",\"talkFor\":\"PT6S\"}");

    InteractionEvent.VoicemailLeft left = server.first(InteractionEvent.VoicemailLeft.class);
    // From the answer (the flow sends the caller at once) to the hang-up at 6 s.
    VoicemailThroughTheApi.listedPlayedHeardAndDeleted(
        server, left, "+447700900777", 4_500L, 6_500L);
  }
}
