package io.tandem.acs.unify;

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
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A PSTN caller presses 5, hears the greeting and leaves a message: the Unify channel records the
 * call (audio, mixed, WAV), stops on {@code #}, the maximum length or the caller's hang-up, leaves
 * the call, and keeps the file Event Grid reports (RecordingFileStatusUpdated, downloaded from its
 * contentLocation) as a voicemail message; all against the emulator's ACS on the wall clock.
 */
class UnifyVoicemailEndToEndTest {

  private static final TenantId TENANT = new TenantId("t1");
  private static final String PRESS_5 = "\"digits\":[{\"after\":\"PT2S\",\"digits\":\"5\"}";
  private static final String TEN_WORDS =
      "\"utterances\":[{\"after\":\"PT3S\",\"text\":"
          + "\"Hi this is Kim please call me back about my invoice\"}]";

  private UnifyRig rig;

  @AfterEach
  void close() {
    if (rig != null) {
      rig.close();
    }
  }

  private void billingQueue() throws Exception {
    rig.staff(QueueConfig.builder("billing"), List.of());
  }

  @Test
  void caller_leavesAMessage_endedWithPound_keptWithItsAudio() throws Exception {
    rig = new UnifyRig(VoicemailLimits.DEFAULT);
    billingQueue();

    rig.dial(PRESS_5 + ",{\"after\":\"PT8S\",\"digits\":\"#\"}]," + TEN_WORDS);

    await(() -> !rig.events(InteractionEvent.Ended.class).isEmpty(), "the interaction ended");
    List<VoicemailMessage> kept = rig.node.voicemails.list(TENANT, null, null, 0, 10).messages();
    assertThat(kept).hasSize(1);
    VoicemailMessage message = kept.getFirst();
    assertThat(message.mailbox()).isEqualTo("sales-box");
    assertThat(message.callerNumber()).isEqualTo("+447700900123");
    assertThat(message.state()).isEqualTo(VoicemailState.NEW);
    // Recorded from about 2.5 s (menu key, 0.3 s greeting) to the # at 8 s.
    assertThat(message.duration()).isBetween(Duration.ofMillis(4500), Duration.ofMillis(6500));
    byte[] wav = rig.node.voicemails.audio(TENANT, message.id()).orElseThrow();
    assertThat(VoicemailAudio.ofWav(wav).duration()).isEqualTo(message.duration());
    assertThat(loud(wav)).as("the caller's talk is in it").isTrue();
    assertThat(rig.events(InteractionEvent.VoicemailLeft.class))
        .singleElement()
        .satisfies(left -> assertThat(left.message()).isEqualTo(message.id().value()));
    assertThat(rig.events(InteractionEvent.Ended.class).getFirst().reason()).isEqualTo("voicemail");
    assertThat(rig.promptsFetched).contains("/prompts/leave-a-message.wav");
    assertThat(rig.journal(e -> e.kind().equals("recording.stopped"))).hasSize(1);
    await(() -> rig.unify.activeCalls() == 0, "the application left the call");
  }

  @Test
  void caller_hangingUpWhileRecorded_keepsWhatWasRecorded() throws Exception {
    rig = new UnifyRig(VoicemailLimits.DEFAULT);
    billingQueue();

    rig.dial(PRESS_5 + "]," + TEN_WORDS + ",\"patience\":\"PT8S\"");

    await(() -> !rig.events(InteractionEvent.Ended.class).isEmpty(), "the interaction ended");
    assertThat(rig.events(InteractionEvent.Abandoned.class)).isEmpty();
    assertThat(rig.events(InteractionEvent.Ended.class).getFirst().reason()).isEqualTo("voicemail");
    VoicemailMessage message =
        rig.node.voicemails.list(TENANT, null, null, 0, 10).messages().getFirst();
    assertThat(message.duration()).isBetween(Duration.ofMillis(4500), Duration.ofMillis(6500));
    assertThat(rig.journal(e -> e.kind().equals("recording.stopped"))).isEmpty();
  }

  @Test
  void theMaximumLength_endsTheRecording() throws Exception {
    rig = new UnifyRig(new VoicemailLimits(Duration.ofSeconds(3), Duration.ofSeconds(1)));
    billingQueue();

    rig.dial(PRESS_5 + "]," + TEN_WORDS);

    await(() -> !rig.events(InteractionEvent.Ended.class).isEmpty(), "the interaction ended");
    VoicemailMessage message =
        rig.node.voicemails.list(TENANT, null, null, 0, 10).messages().getFirst();
    assertThat(message.duration()).isBetween(Duration.ofMillis(2800), Duration.ofMillis(3600));
    assertThat(rig.journal(e -> e.kind().equals("recording.stopped"))).hasSize(1);
  }

  @Test
  void aMessageShorterThanTheMinimum_isNotKept_butTheInteractionEndsVoicemail() throws Exception {
    rig = new UnifyRig(new VoicemailLimits(Duration.ofSeconds(60), Duration.ofSeconds(10)));
    billingQueue();

    rig.dial(PRESS_5 + ",{\"after\":\"PT4S\",\"digits\":\"#\"}]");

    await(() -> !rig.events(InteractionEvent.Ended.class).isEmpty(), "the interaction ended");
    assertThat(rig.events(InteractionEvent.Ended.class).getFirst().reason()).isEqualTo("voicemail");
    assertThat(rig.events(InteractionEvent.VoicemailLeft.class)).isEmpty();
    assertThat(rig.node.voicemails.list(TENANT, null, null, 0, 10).total()).isZero();
    assertThat(rig.journal(e -> e.kind().equals("recording.file"))).hasSize(1);
  }

  @Test
  void aQueueOverflowingToVoicemail_stopsTheMusic_andRecordsTheCaller() throws Exception {
    rig = new UnifyRig(VoicemailLimits.DEFAULT);
    rig.staff(
        QueueConfig.builder("billing")
            .maxWait(Duration.ofSeconds(1))
            .overflowAction(new QueueAction.ToVoicemail("billing-box"))
            .announcements(
                new Announcements("prompt:music-on-hold", Duration.ofSeconds(30), false, false)),
        List.of());

    rig.dial(
        "\"digits\":[{\"after\":\"PT2S\",\"digits\":\"1\"},{\"after\":\"PT8S\",\"digits\":\"#\"}],"
            + TEN_WORDS);

    await(() -> !rig.events(InteractionEvent.Ended.class).isEmpty(), "the interaction ended");
    assertThat(rig.events(InteractionEvent.Overflowed.class)).hasSize(1);
    VoicemailMessage message =
        rig.node.voicemails.list(TENANT, "billing-box", null, 0, 10).messages().getFirst();
    assertThat(message.duration()).isBetween(Duration.ofMillis(3500), Duration.ofMillis(6000));
    assertThat(rig.events(InteractionEvent.VoicemailLeft.class)).hasSize(1);
  }

  /** Whether any stretch of the 16-bit PCM after the header is not silent. */
  private static boolean loud(byte[] wav) {
    for (int at = 44; at + 1 < wav.length; at += 2) {
      if (Math.abs((short) ((wav[at] & 0xff) | (wav[at + 1] << 8))) > 1000) {
        return true;
      }
    }
    return false;
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
