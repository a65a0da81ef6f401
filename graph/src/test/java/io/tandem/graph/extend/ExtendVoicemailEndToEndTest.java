package io.tandem.graph.extend;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.queue.Announcements;
import io.tandem.core.queue.QueueAction;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.tenant.TenantId;
import io.tandem.core.voicemail.VoicemailAudio;
import io.tandem.core.voicemail.VoicemailLimits;
import io.tandem.core.voicemail.VoicemailMessage;
import io.tandem.core.voicemail.VoicemailState;
import io.tandem.emulator.journal.JournalEntry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A PSTN caller presses 2, hears the greeting and is recorded with Graph {@code recordResponse};
 * the bot fetches the recording from {@code recordingLocation} with its access token, keeps it as a
 * voicemail message, ends the interaction {@code voicemail} and hangs up, all against the
 * emulator's Graph on the wall clock.
 */
class ExtendVoicemailEndToEndTest {

  private static final TenantId TENANT = new TenantId("t1");
  private static final String TEN_WORDS =
      "\"utterances\":[{\"after\":\"PT2S\",\"text\":"
          + "\"Hi this is Kim please call me back about my invoice\"}]";

  private ExtendRig rig;

  @AfterEach
  void close() {
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void caller_leavesAMessage_keptWithItsAudio_andTheInteractionEndsVoicemail() throws Exception {
    rig = new ExtendRig();
    rig.staff(QueueConfig.builder("billing"), Map.of(), 1);

    rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"2\"}]," + TEN_WORDS);

    await(() -> !rig.events(InteractionEvent.Ended.class).isEmpty(), "the interaction ended");
    List<VoicemailMessage> kept = rig.voicemails().list(TENANT, null, null, 0, 10).messages();
    assertThat(kept).hasSize(1);
    VoicemailMessage message = kept.getFirst();
    assertThat(message.mailbox()).isEqualTo("sales-box");
    assertThat(message.callerNumber()).isEqualTo("+447700900123");
    assertThat(message.state()).isEqualTo(VoicemailState.NEW);
    // Speech from about 0.7 s into the recording for 3.3 s (ten words), then 5 s of silence.
    assertThat(message.duration()).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
    byte[] wav = rig.voicemails().audio(TENANT, message.id()).orElseThrow();
    assertThat(VoicemailAudio.ofWav(wav).duration()).isEqualTo(message.duration());
    assertThat(VoicemailAudio.ofWav(wav).sampleRate()).isEqualTo(16_000);
    InteractionEvent.VoicemailLeft left =
        rig.events(InteractionEvent.VoicemailLeft.class).getFirst();
    assertThat(left.message()).isEqualTo(message.id().value());
    assertThat(left.interaction()).isEqualTo(message.interaction());
    assertThat(rig.events(InteractionEvent.Ended.class).getFirst().reason()).isEqualTo("voicemail");
    assertThat(rig.promptsFetched).contains("/prompts/leave-a-message.wav");
    await(() -> rig.extend.activeCalls() == 0, "the bot holds no call");
    // The bot's hang-up reaches the emulator's journal a moment later.
    await(
        () -> !rig.journal(e -> e.kind().equals("call.terminated")).isEmpty(),
        "the emulator ended the call");
    assertThat(rig.journal(e -> e.kind().equals("call.terminated")))
        .extracting(JournalEntry::attributes)
        .anySatisfy(attributes -> assertThat(attributes).containsEntry("subcode", "5001"));
  }

  @Test
  void caller_whoSaysNothing_leavesNoMessage_andTheInteractionStillEndsVoicemail()
      throws Exception {
    rig = new ExtendRig();
    rig.staff(QueueConfig.builder("billing"), Map.of(), 1);

    rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"2\"}]");

    await(() -> !rig.events(InteractionEvent.Ended.class).isEmpty(), "the interaction ended");
    assertThat(rig.events(InteractionEvent.Ended.class).getFirst().reason()).isEqualTo("voicemail");
    assertThat(rig.events(InteractionEvent.VoicemailLeft.class)).isEmpty();
    assertThat(rig.voicemails().list(TENANT, null, null, 0, 10).total()).isZero();
    await(() -> rig.extend.activeCalls() == 0, "the bot holds no call");
  }

  @Test
  void recordingShorterThanTheMinimum_isNoMessage() throws Exception {
    rig = new ExtendRig(new VoicemailLimits(Duration.ofSeconds(60), Duration.ofSeconds(30)));
    rig.staff(QueueConfig.builder("billing"), Map.of(), 1);

    rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"2\"}]," + TEN_WORDS);

    await(() -> !rig.events(InteractionEvent.Ended.class).isEmpty(), "the interaction ended");
    assertThat(rig.events(InteractionEvent.Ended.class).getFirst().reason()).isEqualTo("voicemail");
    assertThat(rig.events(InteractionEvent.VoicemailLeft.class)).isEmpty();
    assertThat(rig.voicemails().list(TENANT, null, null, 0, 10).total()).isZero();
  }

  /**
   * Graph delivers no recording of a call that ended while recording (the emulator drops the
   * running operation with the call): after the grace the interaction ends with no message.
   */
  @Test
  void caller_hangingUpWhileRecorded_endsVoicemailWithoutAMessage() throws Exception {
    rig = new ExtendRig();
    rig.staff(QueueConfig.builder("billing"), Map.of(), 1);

    rig.dial(
        "\"digits\":[{\"after\":\"PT1S\",\"digits\":\"2\"}],"
            + TEN_WORDS
            + ",\"patience\":\"PT4S\"");

    await(() -> !rig.events(InteractionEvent.Ended.class).isEmpty(), "the interaction ended");
    assertThat(rig.events(InteractionEvent.Ended.class).getFirst().reason()).isEqualTo("voicemail");
    assertThat(rig.events(InteractionEvent.Abandoned.class)).isEmpty();
    assertThat(rig.events(InteractionEvent.VoicemailLeft.class)).isEmpty();
    assertThat(rig.journal(e -> e.kind().equals("caller.hungUp"))).hasSize(1);
    await(() -> rig.extend.activeCalls() == 0, "the bot holds no call");
  }

  @Test
  void aQueueOverflowingToVoicemail_stopsTheMusic_andRecordsTheCaller() throws Exception {
    rig = new ExtendRig();
    rig.staff(
        QueueConfig.builder("billing")
            .maxWait(Duration.ofSeconds(1))
            .overflowAction(new QueueAction.ToVoicemail("billing-box"))
            .announcements(
                new Announcements("prompt:music-on-hold", Duration.ofSeconds(30), true, false)),
        Map.of(),
        1);

    rig.dial(
        "\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}]," + TEN_WORDS.replace("PT2S", "PT4S"));

    await(() -> !rig.events(InteractionEvent.Ended.class).isEmpty(), "the interaction ended");
    assertThat(rig.events(InteractionEvent.Overflowed.class)).hasSize(1);
    VoicemailMessage message =
        rig.voicemails().list(TENANT, "billing-box", null, 0, 10).messages().getFirst();
    assertThat(message.duration()).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(12));
    assertThat(rig.journal(e -> e.kind().contains("/cancelMediaProcessing"))).isNotEmpty();
  }

  private void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(25).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "not within 25 s: "
                + what
                + "; events "
                + rig.events(InteractionEvent.class)
                + "; journal "
                + rig.journal(e -> true).stream().map(JournalEntry::kind).toList());
      }
      Thread.sleep(20);
    }
  }
}
