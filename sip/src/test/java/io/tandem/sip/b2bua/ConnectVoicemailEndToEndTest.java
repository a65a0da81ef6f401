package io.tandem.sip.b2bua;

import static io.tandem.sip.b2bua.ConnectRig.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.voicemail.VoicemailAudio;
import io.tandem.core.voicemail.VoicemailMessage;
import io.tandem.core.voicemail.VoicemailState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Voicemail over SIP, end to end: the emulator's PSTN caller on its carrier trunk presses 5 in the
 * menu and talks (the trunk's voice-like audio) into Tandem's recorder; the message is kept in the
 * tenant's store, named on the timeline, and the caller hung up — or the caller hangs up first, or
 * says too little for a message.
 */
class ConnectVoicemailEndToEndTest {

  private ConnectRig rig;

  @BeforeEach
  void start() throws Exception {
    rig = new ConnectRig();
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void callerTalksThenPressesHash_messageKept_callerHungUpByTandem() throws Exception {
    String call =
        rig.dial(
            "\"digits\":[{\"after\":\"PT1S\",\"digits\":\"5\"},{\"after\":\"PT5S\",\"digits\":\"#\"}],"
                + "\"talkFor\":\"PT30S\"");

    InteractionEvent.VoicemailLeft left =
        await(() -> rig.first(InteractionEvent.VoicemailLeft.class));
    InteractionEvent.Ended ended = await(() -> rig.first(InteractionEvent.Ended.class));
    assertThat(ended.reason()).isEqualTo("voicemail");
    List<VoicemailMessage> kept =
        rig.voicemails.list(ConnectRig.TENANT, null, null, 0, 10).messages();
    assertThat(kept)
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.id().value()).isEqualTo(left.message());
              assertThat(message.mailbox()).isEqualTo("sales-box");
              assertThat(message.callerNumber()).isEqualTo("+14255557777");
              assertThat(message.state()).isEqualTo(VoicemailState.NEW);
              // Recorded from about 1.5 s (after the menu key) to the # at 5 s.
              assertThat(message.duration())
                  .isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
            });
    byte[] wav = rig.voicemails.audio(ConnectRig.TENANT, kept.getFirst().id()).orElseThrow();
    assertThat(VoicemailAudio.ofWav(wav).sampleRate()).isEqualTo(8000);
    assertThat(VoicemailAudio.ofWav(wav).duration()).isEqualTo(kept.getFirst().duration());
    // Tandem hung up: the caller's call is over long before its 30 s of talk.
    await(() -> rig.callView(call).path("state").asString().equals("ENDED") ? true : null);
    await(() -> rig.node.activeCalls() == 0 ? true : null);
  }

  @Test
  void callerHangsUpWhileRecorded_whatTheySaidIsKept() throws Exception {
    rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"5\"}],\"talkFor\":\"PT5S\"");

    InteractionEvent.VoicemailLeft left =
        await(() -> rig.first(InteractionEvent.VoicemailLeft.class));
    assertThat(await(() -> rig.first(InteractionEvent.Ended.class)).reason())
        .isEqualTo("voicemail");
    assertThat(rig.events(InteractionEvent.Abandoned.class)).isEmpty();
    VoicemailMessage message =
        rig.voicemails.list(ConnectRig.TENANT, null, null, 0, 10).messages().getFirst();
    assertThat(message.id().value()).isEqualTo(left.message());
    assertThat(message.duration()).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void hashStraightAfterTheBeep_tooShort_noMessage_theInteractionStillEndsVoicemail()
      throws Exception {
    rig.dial(
        "\"digits\":[{\"after\":\"PT1S\",\"digits\":\"5\"},{\"after\":\"PT2S\",\"digits\":\"#\"}],"
            + "\"talkFor\":\"PT30S\"");

    InteractionEvent.Ended ended = await(() -> rig.first(InteractionEvent.Ended.class));
    assertThat(ended.reason()).isEqualTo("voicemail");
    assertThat(rig.events(InteractionEvent.VoicemailLeft.class)).isEmpty();
    assertThat(rig.voicemails.list(ConnectRig.TENANT, null, null, 0, 10).messages()).isEmpty();
    await(() -> rig.node.activeCalls() == 0 ? true : null);
  }
}
