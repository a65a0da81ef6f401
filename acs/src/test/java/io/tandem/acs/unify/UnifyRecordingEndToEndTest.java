package io.tandem.acs.unify;

import static io.tandem.testkit.load.Waits.await;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.acs.events.CallEvents;
import io.tandem.core.interaction.InteractionEvent;
import io.tandem.core.interaction.InteractionId;
import io.tandem.core.queue.QueueConfig;
import io.tandem.core.queue.RoutingStrategyKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Recording of Unify calls against the emulator: started when the agent joins, paused and resumed
 * on demand, stopped with the call, and a failure to start visible on the interaction while the
 * call goes on.
 */
class UnifyRecordingEndToEndTest {

  private final UnifyRig rig = new UnifyRig(settings -> settings.withRecording(true));

  UnifyRecordingEndToEndTest() throws Exception {}

  @AfterEach
  void close() {
    rig.close();
  }

  private static QueueConfig.Builder billing() {
    return QueueConfig.builder("billing")
        .skills("billing >= 1")
        .strategy(RoutingStrategyKind.SKILLS_PROFICIENCY)
        .ringTimeout(Duration.ofSeconds(4))
        .wrapUp(Duration.ofSeconds(1));
  }

  @Test
  void recording_startsWithTheAgent_pausesAndResumesOnDemand_andStopsWithTheCall()
      throws Exception {
    rig.staff(billing(), List.of("ann"));
    rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}],\"talkFor\":\"PT8S\"");

    await(() -> states().contains("ACTIVE"), "recording active");
    InteractionId id = rig.events(InteractionEvent.Connected.class).get(0).interaction();
    assertThat(states()).startsWith("STARTING", "ACTIVE");
    assertThat(rig.unify.recording(id, RecordingAction.PAUSE)).isTrue();
    await(() -> states().contains("PAUSED"), "recording paused");
    assertThat(rig.unify.recording(id, RecordingAction.RESUME)).isTrue();
    await(() -> states().lastIndexOf("ACTIVE") > states().indexOf("PAUSED"), "resumed");

    await(() -> !rig.events(InteractionEvent.Disconnected.class).isEmpty(), "call over");
    await(() -> states().getLast().equals("STOPPED"), "recording stopped");
    assertThat(rig.events(InteractionEvent.RecordingChanged.class))
        .extracting(InteractionEvent.RecordingChanged::recordingId)
        .doesNotContain("")
        .hasSameSizeAs(states())
        .containsOnly(rig.events(InteractionEvent.RecordingChanged.class).get(0).recordingId());
    assertThat(rig.unify.recording(id, RecordingAction.PAUSE)).isFalse();
  }

  @Test
  void recordingThatFailsToStart_isFailedOnTheInteraction_andTheCallGoesOn() throws Exception {
    rig.staff(billing(), List.of("ann"));
    rig.dial("\"digits\":[{\"after\":\"PT1S\",\"digits\":\"1\"}],\"talkFor\":\"PT4S\"");
    await(() -> states().contains("ACTIVE"), "recording active");
    InteractionEvent.Arrived arrived = rig.events(InteractionEvent.Arrived.class).get(0);
    String connection = arrived.attributes().get(UnifyCalls.CONNECTION_ATTRIBUTE);
    String recording = rig.events(InteractionEvent.RecordingChanged.class).get(0).recordingId();

    // What ACS posts when a recording it accepted cannot start (e.g. storage unavailable).
    rig.unify.received(
        CallEvents.parse(
            ("[{\"id\":\"failed-1\",\"type\":\"Microsoft.Communication.StartRecordingFailed\","
                    + "\"data\":{\"callConnectionId\":\""
                    + connection
                    + "\",\"recordingId\":\""
                    + recording
                    + "\",\"resultInformation\":{\"code\":500,\"subCode\":8500,"
                    + "\"message\":\"storage unavailable\"}}}]")
                .getBytes(UTF_8)));

    await(() -> states().contains("FAILED"), "recording failed");
    assertThat(rig.events(InteractionEvent.RecordingChanged.class).getLast().detail())
        .contains("500/8500");
    await(() -> !rig.events(InteractionEvent.WrapUpCompleted.class).isEmpty(), "call went on");
    assertThat(rig.events(InteractionEvent.Disconnected.class)).hasSize(1);
  }

  private List<String> states() {
    return rig.events(InteractionEvent.RecordingChanged.class).stream()
        .map(InteractionEvent.RecordingChanged::state)
        .toList();
  }
}
