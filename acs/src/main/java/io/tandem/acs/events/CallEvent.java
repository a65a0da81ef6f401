package io.tandem.acs.events;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One Call Automation callback ({@code Microsoft.Communication.<type>}, MICROSOFT-CONTRACTS §3.4),
 * typed by what the application does with it.
 */
public sealed interface CallEvent {

  EventBase base();

  /** The call connection the event is about. */
  default String callConnectionId() {
    return base().callConnectionId();
  }

  /** The operation context, or null. */
  default @Nullable String operationContext() {
    return base().operationContext();
  }

  /** The call is connected (after answer, create or connect). */
  record CallConnected(EventBase base) implements CallEvent {}

  /** The call connection ended for the application. */
  record CallDisconnected(EventBase base) implements CallEvent {}

  /** {@code AnswerFailed}, {@code CreateCallFailed} or {@code ConnectFailed}. */
  record ConnectionFailed(EventBase base, String type) implements CallEvent {}

  /** The transfer target answered; the application's leg ends next. */
  record TransferAccepted(
      EventBase base, @Nullable String transferTargetRawId, @Nullable String transfereeRawId)
      implements CallEvent {}

  /** The transfer failed; the call is connected again. */
  record TransferFailed(EventBase base) implements CallEvent {}

  /** The roster: everyone in the call but the application, numbered to order updates. */
  record ParticipantsUpdated(EventBase base, long sequenceNumber, List<Participant> participants)
      implements CallEvent {

    public ParticipantsUpdated {
      participants = List.copyOf(participants);
    }
  }

  /** An invited participant answered. */
  record AddParticipantSucceeded(EventBase base, @Nullable String participantRawId)
      implements CallEvent {}

  /** An invitation ended unanswered: declined (603), busy (486), timed out (408/10004)… */
  record AddParticipantFailed(EventBase base, @Nullable String participantRawId)
      implements CallEvent {}

  /** {@code RemoveParticipantSucceeded} or {@code RemoveParticipantFailed}. */
  record RemoveParticipantResult(
      EventBase base, @Nullable String participantRawId, boolean succeeded) implements CallEvent {}

  /** {@code CancelAddParticipantSucceeded} or {@code CancelAddParticipantFailed}. */
  record CancelAddParticipantResult(
      EventBase base, @Nullable String invitationId, boolean succeeded) implements CallEvent {}

  /** What became of a play: started, completed, failed or canceled. */
  record PlayUpdate(EventBase base, MediaOutcome outcome) implements CallEvent {}

  /**
   * A recognize ended with input.
   *
   * @param recognitionType {@code dtmf}, {@code choices} or {@code speech}
   * @param keys the DTMF keys collected, as keys ({@code 0-9 * # A-D}), in order
   * @param choiceLabel the label of the recognised choice
   * @param speech the recognised speech or phrase
   */
  record RecognizeCompleted(
      EventBase base,
      String recognitionType,
      String keys,
      @Nullable String choiceLabel,
      @Nullable String speech)
      implements CallEvent {}

  /** A recognize ended without input (timeouts, no match: see the result's sub-code) or failed. */
  record RecognizeFailed(EventBase base) implements CallEvent {}

  /** A recognize was canceled. */
  record RecognizeCanceled(EventBase base) implements CallEvent {}

  /** A key from continuous DTMF recognition. */
  record ToneReceived(EventBase base, long sequenceId, String key) implements CallEvent {}

  /**
   * {@code RecordingStateChanged} ({@code state} active/inactive) or {@code StartRecordingFailed}
   * ({@code failed}).
   */
  record RecordingUpdate(EventBase base, @Nullable String recordingId, String state, boolean failed)
      implements CallEvent {}

  /** {@code Transcription*} or {@code MediaStreaming*}: the stream's status and its detail. */
  record StreamUpdate(EventBase base, String type, String status, String details)
      implements CallEvent {}

  /** A callback the application reads but does not act on (send DTMF, hold, continuous DTMF…). */
  record Other(EventBase base, String type) implements CallEvent {}
}
