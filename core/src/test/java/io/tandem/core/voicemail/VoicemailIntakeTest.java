package io.tandem.core.voicemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.core.event.TenantEvent;
import io.tandem.core.insight.CallRecord;
import io.tandem.core.interaction.Channel;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.queue.QueueAction;
import io.tandem.core.tenant.Tenant;
import io.tandem.core.tenant.TenantId;
import io.tandem.core.time.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VoicemailIntakeTest {

  private static final TenantId ACME = new TenantId("acme");
  private static final Instant START = Instant.parse("2026-11-21T10:00:00Z");

  private final VirtualTime time = new VirtualTime(START);
  private final Tenant tenant = new Tenant(ACME, time, time);
  private final List<TenantEvent> events = new ArrayList<>();
  private final MemoryVoicemailStore store = new MemoryVoicemailStore();
  private final VoicemailIntake intake =
      new VoicemailIntake(ACME, store, VoicemailLimits.DEFAULT, new Random(1));

  VoicemailIntakeTest() {
    tenant.addListener(events::add);
  }

  private InteractionId inVoicemail(String id) {
    InteractionId call =
        tenant.arrive(new InteractionId(id), Channel.VOICE, "+4930111", "+4930999", Map.of());
    tenant.startVirtualAssistant(call, "entry");
    tenant.leaveVirtualAssistant(call, new QueueAction.ToVoicemail("sales"));
    return call;
  }

  private List<InteractionEvent> timeline(InteractionId call) {
    return events.stream()
        .filter(e -> e instanceof InteractionEvent i && i.interaction().equals(call))
        .map(InteractionEvent.class::cast)
        .toList();
  }

  @Test
  void take_keepsAMessage_andItsEndingNamesItBeforeTheEnd() {
    InteractionId call = inVoicemail("c1");
    byte[] wav = Wavs.pcm16(Duration.ofSeconds(7), 16_000);

    VoicemailIntake.Outcome outcome = intake.take("sales", call, "+4930111", START, wav);
    outcome.ending(call).accept(tenant);

    VoicemailMessage message = outcome.message();
    assertThat(message).isNotNull();
    assertThat(message.duration()).isEqualTo(Duration.ofSeconds(7));
    assertThat(message.mailbox()).isEqualTo("sales");
    assertThat(message.state()).isEqualTo(VoicemailState.NEW);
    assertThat(store.audio(ACME, message.id()))
        .hasValueSatisfying(a -> assertThat(a).isEqualTo(wav));
    List<InteractionEvent> timeline = timeline(call);
    assertThat(timeline.get(timeline.size() - 2))
        .isEqualTo(
            new InteractionEvent.VoicemailLeft(
                call, message.id().value(), Duration.ofSeconds(7), START));
    assertThat(timeline.getLast()).isEqualTo(new InteractionEvent.Ended(call, "voicemail", START));
    CallRecord record = CallRecord.from(timeline);
    assertThat(record.outcome()).isEqualTo("voicemail");
    assertThat(record.attributes()).containsEntry("voicemail.message", message.id().value());
  }

  @Test
  void take_ofLessThanASecond_keepsNothing_andStillEndsVoicemail() {
    InteractionId call = inVoicemail("c1");

    VoicemailIntake.Outcome outcome =
        intake.take("sales", call, "+4930111", START, Wavs.pcm16(Duration.ofMillis(900), 8_000));
    outcome.ending(call).accept(tenant);

    assertThat(outcome.message()).isNull();
    assertThat(outcome.why()).isEqualTo("too-short");
    assertThat(store.list(ACME, null, null, 0, 10).total()).isZero();
    assertThat(timeline(call).getLast())
        .isEqualTo(new InteractionEvent.Ended(call, "voicemail", START));
    assertThat(timeline(call)).noneMatch(InteractionEvent.VoicemailLeft.class::isInstance);
  }

  @Test
  void take_ofSomethingThatIsNoWave_keepsNothing() {
    InteractionId call = inVoicemail("c1");

    VoicemailIntake.Outcome outcome = intake.take("sales", call, "", START, new byte[] {1, 2, 3});

    assertThat(outcome.message()).isNull();
    assertThat(outcome.why()).startsWith("unusable");
  }

  @Test
  void voicemailEnded_outsideVoicemail_isRefused() {
    InteractionId call =
        tenant.arrive(new InteractionId("c9"), Channel.VOICE, "+4930111", "+4930999", Map.of());

    assertThatThrownBy(() -> tenant.voicemailEnded(call, null, Duration.ZERO))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not in voicemail");
  }

  @Test
  void limits_rejectAMinimumAboveTheMaximum() {
    assertThatThrownBy(() -> new VoicemailLimits(Duration.ofSeconds(1), Duration.ofSeconds(2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(VoicemailLimits.DEFAULT.maxSeconds()).isEqualTo(120);
    assertThat(VoicemailLimits.DEFAULT.keeps(Duration.ofSeconds(1))).isTrue();
    assertThat(VoicemailLimits.DEFAULT.keeps(Duration.ofMillis(999))).isFalse();
  }
}
