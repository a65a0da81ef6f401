package io.tandem.acs.events;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CallEventsTest {

  private static CallEvent one(String type, String data) {
    List<CallEvent> events =
        CallEvents.parse(
            ("[{\"id\":\"ev-1\",\"source\":\"calling/callConnections/c-1\",\"type\":\"Microsoft.Communication."
                    + type
                    + "\",\"specversion\":\"1.0\",\"time\":\"2022-06-24T15:12:41.5556858+00:00\","
                    + "\"data\":{\"callConnectionId\":\"c-1\",\"serverCallId\":\"s-1\","
                    + "\"correlationId\":\"k-1\",\"operationContext\":\"flow-3\","
                    + "\"resultInformation\":{\"code\":200,\"subCode\":8531,\"message\":\"done\"}"
                    + data
                    + "}}]")
                .getBytes(UTF_8));
    assertThat(events).hasSize(1);
    return events.getFirst();
  }

  @Test
  void baseFields_areReadOnEveryEvent() {
    CallEvent event = one("CallConnected", "");

    assertThat(event).isInstanceOf(CallEvent.CallConnected.class);
    EventBase base = event.base();
    assertThat(base.id()).isEqualTo("ev-1");
    assertThat(base.callConnectionId()).isEqualTo("c-1");
    assertThat(base.serverCallId()).isEqualTo("s-1");
    assertThat(base.correlationId()).isEqualTo("k-1");
    assertThat(base.operationContext()).isEqualTo("flow-3");
    assertThat(base.result()).isEqualTo(new ResultInformation(200, 8531, "done"));
    assertThat(base.time()).isNotNull();
  }

  @Test
  void recognizeCompleted_turnsToneNamesIntoKeys() {
    CallEvent event =
        one(
            "RecognizeCompleted",
            ",\"recognitionType\":\"dtmf\",\"dtmfResult\":{\"tones\":[\"one\",\"two\",\"pound\",\"asterisk\",\"zero\"]}");

    assertThat(event)
        .isEqualTo(new CallEvent.RecognizeCompleted(event.base(), "dtmf", "12#*0", null, null));
  }

  @Test
  void recognizeCompleted_choiceAndSpeech() {
    CallEvent choice =
        one(
            "RecognizeCompleted",
            ",\"recognitionType\":\"choices\",\"choiceResult\":{\"label\":\"billing\",\"recognizedPhrase\":\"my bill\",\"confidence\":0.95}");
    CallEvent speech =
        one(
            "RecognizeCompleted",
            ",\"recognitionType\":\"speech\",\"speechResult\":{\"speech\":\"hello there\"}");

    assertThat(choice)
        .isEqualTo(
            new CallEvent.RecognizeCompleted(choice.base(), "choices", "", "billing", "my bill"));
    assertThat(speech)
        .isEqualTo(
            new CallEvent.RecognizeCompleted(speech.base(), "speech", "", null, "hello there"));
  }

  @Test
  void participantsUpdated_keepsOrderAndSequence() {
    CallEvent event =
        one(
            "ParticipantsUpdated",
            ",\"sequenceNumber\":4,\"participants\":["
                + "{\"identifier\":{\"kind\":\"phoneNumber\",\"rawId\":\"4:+14255550123\",\"phoneNumber\":{\"value\":\"+14255550123\"}},\"isMuted\":false,\"isOnHold\":true},"
                + "{\"identifier\":{\"kind\":\"teamsExtensionUser\",\"rawId\":\"8:acs:r_t_u\"},\"isMuted\":true}]");

    assertThat(event)
        .isEqualTo(
            new CallEvent.ParticipantsUpdated(
                event.base(),
                4,
                List.of(
                    new Participant("4:+14255550123", false, true),
                    new Participant("8:acs:r_t_u", true, false))));
  }

  @Test
  void participantsAndInvitations() {
    String participant =
        ",\"participant\":{\"kind\":\"teamsExtensionUser\",\"rawId\":\"8:acs:r_t_u\"}";
    assertThat(one("AddParticipantSucceeded", participant))
        .isInstanceOfSatisfying(
            CallEvent.AddParticipantSucceeded.class,
            added -> assertThat(added.participantRawId()).isEqualTo("8:acs:r_t_u"));
    assertThat(one("AddParticipantFailed", participant))
        .isInstanceOf(CallEvent.AddParticipantFailed.class);
    assertThat(one("RemoveParticipantFailed", participant))
        .isInstanceOfSatisfying(
            CallEvent.RemoveParticipantResult.class,
            removed -> assertThat(removed.succeeded()).isFalse());
    assertThat(one("CancelAddParticipantSucceeded", ",\"invitationId\":\"inv-1\""))
        .isEqualTo(
            new CallEvent.CancelAddParticipantResult(
                one("CancelAddParticipantSucceeded", "").base(), "inv-1", true));
  }

  @Test
  void mediaTransferRecordingAndStreams() {
    assertThat(one("PlayCompleted", ""))
        .isInstanceOfSatisfying(
            CallEvent.PlayUpdate.class,
            play -> assertThat(play.outcome()).isEqualTo(MediaOutcome.COMPLETED));
    assertThat(one("PlayFailed", ",\"failedPlaySourceIndex\":0"))
        .isInstanceOfSatisfying(
            CallEvent.PlayUpdate.class,
            play -> assertThat(play.outcome()).isEqualTo(MediaOutcome.FAILED));
    assertThat(one("RecognizeFailed", "")).isInstanceOf(CallEvent.RecognizeFailed.class);
    assertThat(one("CallTransferAccepted", ",\"transferTarget\":{\"rawId\":\"8:orgid:x\"}"))
        .isInstanceOfSatisfying(
            CallEvent.TransferAccepted.class,
            accepted -> assertThat(accepted.transferTargetRawId()).isEqualTo("8:orgid:x"));
    assertThat(one("ContinuousDtmfRecognitionToneReceived", ",\"sequenceId\":7,\"tone\":\"nine\""))
        .isEqualTo(
            new CallEvent.ToneReceived(
                one("ContinuousDtmfRecognitionToneReceived", "").base(), 7, "9"));
    assertThat(
            one(
                "RecordingStateChanged",
                ",\"recordingId\":\"rec-1\",\"state\":\"active\",\"recordingKind\":\"AzureCommunicationServices\""))
        .isInstanceOfSatisfying(
            CallEvent.RecordingUpdate.class,
            recording -> {
              assertThat(recording.recordingId()).isEqualTo("rec-1");
              assertThat(recording.state()).isEqualTo("active");
              assertThat(recording.failed()).isFalse();
            });
    assertThat(
            one(
                "TranscriptionFailed",
                ",\"transcriptionUpdate\":{\"transcriptionStatus\":\"transcriptionFailed\",\"transcriptionStatusDetails\":\"initialWebSocketConnectionFailed\"}"))
        .isEqualTo(
            new CallEvent.StreamUpdate(
                one("TranscriptionFailed", "").base(),
                "TranscriptionFailed",
                "transcriptionFailed",
                "initialWebSocketConnectionFailed"));
    assertThat(one("HoldFailed", ""))
        .isEqualTo(new CallEvent.Other(one("HoldFailed", "").base(), "HoldFailed"));
  }

  @Test
  void startRecordingFailed_mayComeWithoutACallConnection() {
    List<CallEvent> events =
        CallEvents.parse(
            """
            [{"id":"r","type":"Microsoft.Communication.StartRecordingFailed",
              "data":{"recordingId":"rec-9","resultInformation":{"code":400,"subCode":8500}}}]"""
                .getBytes(UTF_8));

    assertThat(events.getFirst())
        .isInstanceOfSatisfying(
            CallEvent.RecordingUpdate.class,
            failed -> {
              assertThat(failed.failed()).isTrue();
              assertThat(failed.callConnectionId()).isEmpty();
            });
  }

  @Test
  void foreignTypes_areSkipped_andRejectsNameTheField() {
    assertThat(
            CallEvents.parse(
                "[{\"id\":\"x\",\"type\":\"Contoso.Other\",\"data\":{}}]".getBytes(UTF_8)))
        .isEmpty();
    assertThatThrownBy(
            () ->
                CallEvents.parse(
                    "[{\"id\":\"x\",\"type\":\"Microsoft.Communication.CallConnected\",\"data\":{}}]"
                        .getBytes(UTF_8)))
        .hasMessageContaining("[0].data.callConnectionId is required");
    assertThatThrownBy(
            () ->
                CallEvents.parse(
                    "[{\"type\":\"Microsoft.Communication.CallConnected\",\"data\":{\"callConnectionId\":\"c\"}}]"
                        .getBytes(UTF_8)))
        .hasMessageContaining("[0].id is required");
    assertThatThrownBy(
            () ->
                CallEvents.parse(
                    "[{\"id\":\"x\",\"type\":\"Microsoft.Communication.CallConnected\"}]"
                        .getBytes(UTF_8)))
        .hasMessageContaining("[0].data is required");
    assertThatThrownBy(() -> CallEvents.parse("{}".getBytes(UTF_8))).hasMessageContaining("array");
  }

  @Test
  void seenEvents_actOnceAndStayBounded() {
    SeenEvents seen = new SeenEvents(2);

    assertThat(seen.firstTime("a")).isTrue();
    assertThat(seen.firstTime("a")).isFalse();
    assertThat(seen.firstTime("b")).isTrue();
    assertThat(seen.firstTime("c")).isTrue();
    assertThat(seen.size()).isEqualTo(2);
    assertThat(seen.firstTime("a")).isTrue();
  }
}
