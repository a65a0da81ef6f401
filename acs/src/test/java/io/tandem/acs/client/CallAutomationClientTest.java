package io.tandem.acs.client;

import static io.tandem.acs.client.EmulatedAcs.ALICE;
import static io.tandem.acs.client.EmulatedAcs.CALLER;
import static io.tandem.acs.client.EmulatedAcs.CAROL;
import static io.tandem.acs.client.EmulatedAcs.SALES_ACCOUNT;
import static io.tandem.acs.client.EmulatedAcs.TENANT;
import static io.tandem.acs.client.EmulatedAcs.agent;
import static io.tandem.acs.client.EmulatedAcs.caller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The client against the in-process emulator over real HTTP: an IncomingCall answered with the
 * context it carried, media, participants, transfer, recording, hang-up, and the emulator's
 * refusals surfaced as {@link AcsException}.
 */
class CallAutomationClientTest {

  private final EmulatedAcs acs;

  CallAutomationClientTest() throws Exception {
    acs = new EmulatedAcs();
  }

  @AfterEach
  void stop() {
    acs.close();
  }

  @Test
  void answer_theIncomingCallsContext_connectsTheCallerToTheResourceAccount() throws Exception {
    acs.dial("");
    JsonNode incoming = acs.app.incomingCall();
    assertThat(Identifier.fromJson(incoming.path("data").path("to")))
        .isEqualTo(new Identifier.TeamsApp(SALES_ACCOUNT));
    assertThat(Identifier.fromJson(incoming.path("data").path("from"))).isEqualTo(caller());

    CallConnection call =
        acs.client.answer(
            new AnswerCall(
                incoming.path("data").path("incomingCallContext").asString(),
                acs.app.url("/callbacks"),
                "welcome",
                null,
                null));

    assertThat(call.state()).isEqualTo("connecting");
    assertThat(call.correlationId()).isNotBlank();
    JsonNode connected = acs.app.callback(call.callConnectionId(), "CallConnected");
    assertThat(connected.path("data").path("operationContext").asString()).isEqualTo("welcome");
    assertThat(acs.client.get(call.callConnectionId()).state()).isEqualTo("connected");
    assertThat(acs.client.participants(call.callConnectionId()))
        .extracting(CallParticipant::identifier)
        .contains(caller());

    acs.client.hangUp(call.callConnectionId());
    acs.app.callback(call.callConnectionId(), "CallDisconnected");
    AcsException gone =
        catchThrowableOfType(AcsException.class, () -> acs.client.get(call.callConnectionId()));
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.code()).isEqualTo("NotFound");
    assertThat(gone.retriable()).isFalse();
  }

  @Test
  void playFileAndText_thenRecognizeDtmf_reportsTheCallersTones() throws Exception {
    String id =
        acs.answered("\"digits\":[{\"after\":\"PT4S\",\"digits\":\"42#\"}]").callConnectionId();

    acs.client.play(
        id,
        new Play(
            List.of(
                new PlaySource.File(acs.app.url("/audio/hello.wav"), null),
                new PlaySource.Text("Welcome to Contoso", "en-US", null)),
            null,
            false,
            false,
            "greeting"));
    acs.app.callback(id, "PlayStarted");
    acs.advance(Duration.ofSeconds(3));
    JsonNode played = acs.app.callback(id, "PlayCompleted");
    assertThat(played.path("data").path("operationContext").asString()).isEqualTo("greeting");

    acs.client.recognize(
        id,
        Recognize.dtmf(
            caller(),
            new PlaySource.Text("Press your account digits", null, null),
            new DtmfOptions(Duration.ofSeconds(2), 4, List.of(Tone.POUND)),
            Duration.ofSeconds(5),
            "menu"));
    acs.advance(Duration.ofSeconds(3));
    JsonNode recognized = acs.app.callback(id, "RecognizeCompleted");
    assertThat(recognized.path("data").path("dtmfResult").path("tones"))
        .extracting(JsonNode::asString)
        .containsExactly("four", "two");
    assertThat(recognized.path("data").path("operationContext").asString()).isEqualTo("menu");
  }

  @Test
  void addTeamsExtensionUser_needsTheAccessAssignment_thenSucceeds_andRemoves() throws Exception {
    String id = acs.answered("").callConnectionId();

    AcsException forbidden =
        catchThrowableOfType(
            AcsException.class,
            () ->
                acs.client.addParticipant(
                    id, AddParticipant.of(agent(ALICE), Duration.ofSeconds(30), "agent")));
    assertThat(forbidden.status()).isEqualTo(403);

    acs.client.assignTeamsExtensionUser(TENANT, ALICE, List.of(UUID.randomUUID().toString()));
    AddedParticipant added =
        acs.client.addParticipant(
            id, AddParticipant.of(agent(ALICE), Duration.ofSeconds(30), "agent"));

    assertThat(added.participant()).isEqualTo(agent(ALICE));
    assertThat(added.invitationId()).isNotBlank();
    assertThat(added.operationContext()).isEqualTo("agent");
    acs.advance(Duration.ofSeconds(3));
    acs.app.callback(id, "AddParticipantSucceeded");
    assertThat(acs.client.participants(id))
        .extracting(CallParticipant::identifier)
        .containsExactlyInAnyOrder(caller(), agent(ALICE));

    acs.client.removeParticipant(id, agent(ALICE), "bye");
    acs.app.callback(id, "RemoveParticipantSucceeded");
  }

  @Test
  void cancelAddParticipant_stopsTheRinging() throws Exception {
    String id = acs.answered("").callConnectionId();
    acs.client.assignTeamsExtensionUser(TENANT, CAROL, List.of(UUID.randomUUID().toString()));
    AddedParticipant ringing =
        acs.client.addParticipant(
            id, AddParticipant.of(agent(CAROL), Duration.ofSeconds(20), null));

    acs.client.cancelAddParticipant(id, ringing.invitationId(), "rona");

    JsonNode cancelled = acs.app.callback(id, "CancelAddParticipantSucceeded");
    assertThat(cancelled.path("data").path("invitationId").asString())
        .isEqualTo(ringing.invitationId());
  }

  @Test
  void transferToParticipant_isAcceptedWhenTheAgentAnswers() throws Exception {
    String id = acs.answered("").callConnectionId();
    acs.client.assignTeamsExtensionUser(TENANT, ALICE, List.of(UUID.randomUUID().toString()));

    acs.client.transferToParticipant(id, Transfer.to(agent(ALICE)));

    acs.advance(Duration.ofSeconds(3));
    JsonNode accepted = acs.app.callback(id, "CallTransferAccepted");
    assertThat(Identifier.fromJson(accepted.path("data").path("transferTarget")))
        .isEqualTo(agent(ALICE));
    acs.app.callback(id, "CallDisconnected");
  }

  @Test
  void recording_startPauseResumeStop_reportsEachState() throws Exception {
    String id = acs.answered("").callConnectionId();

    RecordingStatus started =
        acs.client.startRecording(id, StartRecording.mixedAudio(acs.app.url("/callbacks")));
    assertThat(started.recordingId()).isNotBlank();
    assertThat(recordingState()).isEqualTo("active");

    acs.client.pauseRecording(started.recordingId());
    assertThat(recordingState()).isEqualTo("inactive");
    assertThat(acs.client.recordingStatus(started.recordingId()).state()).isEqualTo("inactive");
    acs.client.resumeRecording(started.recordingId());
    assertThat(recordingState()).isEqualTo("active");
    acs.client.stopRecording(started.recordingId());

    AcsException stopped =
        catchThrowableOfType(
            AcsException.class, () -> acs.client.recordingStatus(started.recordingId()));
    assertThat(stopped.status()).isEqualTo(404);
  }

  private String recordingState() throws InterruptedException {
    return acs.app
        .next(
            e -> "Microsoft.Communication.RecordingStateChanged".equals(e.path("type").asString()),
            Duration.ofSeconds(5))
        .path("data")
        .path("state")
        .asString();
  }

  @Test
  void aWrongAccessKey_is401Code7509_andTheMessageHoldsNoKey() throws Exception {
    String wrongKey = "d3Jvbmctd3Jvbmctd3Jvbmctd3Jvbmctd3Jvbmc=";
    AcsException refused =
        catchThrowableOfType(AcsException.class, () -> acs.client(wrongKey).get("no-such-call"));

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.code()).isEqualTo("7509");
    assertThat(refused.retriable()).isFalse();
    assertThat(refused.clientRequestId()).isNotBlank();
    assertThat(refused.getMessage())
        .contains("401", "7509")
        .doesNotContain(wrongKey, EmulatedAcs.ACCESS_KEY);
  }

  @Test
  void anUnknownCall_is404_andAForgedContext_is400NamingTheField() throws Exception {
    AcsException unknown =
        catchThrowableOfType(AcsException.class, () -> acs.client.terminate("no-such-call"));
    assertThat(unknown.status()).isEqualTo(404);

    AcsException forged =
        catchThrowableOfType(
            AcsException.class,
            () -> acs.client.answer(AnswerCall.of("forged-context", acs.app.url("/callbacks"))));
    assertThat(forged.status()).isEqualTo(400);
    assertThat(forged.code()).isEqualTo("BadRequest");
    assertThat(forged.target()).isEqualTo("incomingCallContext");
    assertThat(forged.getMessage()).contains("incomingCallContext");
  }

  @Test
  void requestsThatCannotBeRight_areRefusedBeforeSending() {
    assertThatThrownBy(() -> AddParticipant.of(agent(ALICE), Duration.ofSeconds(181), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invitationTimeout");
    assertThatThrownBy(() -> AddParticipant.of(agent(ALICE), Duration.ofSeconds(-1), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> acs.client.sendDtmfTones("id", List.of(), caller(), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Play(List.of(), null, false, false, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new Recognize(
                    RecognizeInput.CHOICES,
                    caller(),
                    List.of(),
                    false,
                    false,
                    Duration.ofSeconds(5),
                    null,
                    List.of(),
                    null,
                    null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DtmfOptions(Duration.ofSeconds(61), 1, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StartRecording(null, "audio", "stereo", "wav", false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new CustomCallingContext(java.util.Map.of("Queue", "sales"), java.util.Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("X-MS-Custom-");
    assertThatThrownBy(() -> acs.client.get(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThat(CALLER).startsWith("+");
  }
}
