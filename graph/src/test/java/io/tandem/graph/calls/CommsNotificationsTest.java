package io.tandem.graph.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommsNotificationsTest {

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in =
        CommsNotificationsTest.class.getResourceAsStream("/notifications/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void docsExample_isAnIncomingCallFromATeamsUser() throws IOException {
    List<CallSignal> signals = CommsNotifications.parse(fixture("incoming-call-docs-example.json"));

    assertThat(signals)
        .containsExactly(
            new CallSignal.IncomingCall(
                "57DAB8B1894C409AB240BD8BEAE78896",
                null,
                null,
                "8A34A46B-3D17-4ADC-8DCE-DC4E7D572698",
                null));
  }

  @Test
  void updates_becomeSignalsInOrder_andUnknownResourcesAreSkipped() throws IOException {
    List<CallSignal> signals = CommsNotifications.parse(fixture("mixed-updates.json"));

    assertThat(signals)
        .containsExactly(
            new CallSignal.StateChanged("c1", "established", null),
            new CallSignal.ToneReceived("c1", "#", 3),
            new CallSignal.StateChanged("c1", "established", null),
            new CallSignal.OperationCompleted(
                "c1",
                "playPromptOperation",
                new CommsOperation(
                    "op-9",
                    CommsOperation.Status.COMPLETED,
                    "greeting",
                    new ResultInfo(200, 0, "Action completed successfully."))),
            new CallSignal.RosterUpdated(
                "c1",
                List.of(
                    new CallSignal.Participant("p1", null, null, null),
                    new CallSignal.Participant("p2", null, null, null))),
            new CallSignal.Terminated("c1", new ResultInfo(0, 7015, "GracefulTransferCompleted")));
  }

  @Test
  void roster_namesEachParticipantByUserPhoneOrApplication() throws IOException {
    List<CallSignal> signals = CommsNotifications.parse(fixture("roster-agent-joined.json"));

    assertThat(signals)
        .containsExactly(
            new CallSignal.RosterUpdated(
                "4a1f0000-9f8c-4d3a-a1b2-000000000001",
                List.of(
                    new CallSignal.Participant(
                        "0b1e0000-0000-4000-8000-00000000000b",
                        null,
                        null,
                        "1b2c3d4e-5f60-4718-9a0b-1c2d3e4f5a6b"),
                    new CallSignal.Participant(
                        "ca11e500-0000-4000-8000-00000000000c", null, "+447700900123", null),
                    new CallSignal.Participant(
                        "a9e70000-0000-4000-8000-00000000000a",
                        "33333333-cccc-4ddd-8eee-000000000001",
                        null,
                        null))));
    CallSignal.RosterUpdated roster = (CallSignal.RosterUpdated) signals.get(0);
    assertThat(roster.contains("a9e70000-0000-4000-8000-00000000000a")).isTrue();
    assertThat(roster.contains("someone-else")).isFalse();
    assertThat(roster.contains(null)).isFalse();
  }

  @Test
  void recordOperation_carriesWhereItsRecordingIs_andAFailedOneHasNone() throws IOException {
    List<CallSignal> signals = CommsNotifications.parse(fixture("record-operation-completed.json"));

    assertThat(signals).hasSize(2);
    CommsOperation recorded = ((CallSignal.OperationCompleted) signals.get(0)).operation();
    assertThat(recorded.recordingLocation())
        .isEqualTo("https://file.location/17e3b46c-f61d-4f4d-9635-c626ef18e6ad");
    assertThat(recorded.recordingAccessToken()).isEqualTo("<access-token>");
    assertThat(recorded.hasRecording()).isTrue();
    CommsOperation failed = ((CallSignal.OperationCompleted) signals.get(1)).operation();
    assertThat(failed.status()).isEqualTo(CommsOperation.Status.FAILED);
    assertThat(failed.hasRecording()).isFalse();
  }

  @Test
  void tones_mapToKeys() {
    assertThat(CommsNotifications.tone("tone0")).isEqualTo("0");
    assertThat(CommsNotifications.tone("tone9")).isEqualTo("9");
    assertThat(CommsNotifications.tone("star")).isEqualTo("*");
    assertThat(CommsNotifications.tone("pound")).isEqualTo("#");
    assertThat(CommsNotifications.tone("a")).isEqualTo("A");
  }

  @Test
  void operationStatus_isParsedInAnyCase() {
    assertThat(CommsOperation.Status.parse("running")).isEqualTo(CommsOperation.Status.RUNNING);
    assertThat(CommsOperation.Status.parse("NotStarted"))
        .isEqualTo(CommsOperation.Status.NOT_STARTED);
    assertThat(CommsOperation.Status.parse("FAILED")).isEqualTo(CommsOperation.Status.FAILED);
    assertThat(CommsOperation.Status.parse("weird")).isEqualTo(CommsOperation.Status.UNKNOWN);
  }

  @Test
  void bodiesThatAreNotCommsNotifications_areRefused() {
    assertThatThrownBy(() -> CommsNotifications.parse("not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("JSON");
    assertThatThrownBy(
            () -> CommsNotifications.parse("{\"value\":{}}".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("value array");
  }
}
