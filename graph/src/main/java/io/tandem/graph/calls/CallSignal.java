package io.tandem.graph.calls;

import org.jspecify.annotations.Nullable;

/** What one Graph notification tells the bot about a call, parsed at the edge. */
public sealed interface CallSignal {

  /** The call the signal is about. */
  String callId();

  /**
   * A call to the bot ({@code created}, state {@code incoming}): from a PSTN number or a Teams
   * user, to an application instance (resource account) when the call came through one.
   */
  record IncomingCall(
      String callId,
      @Nullable String tenantId,
      @Nullable String callerNumber,
      @Nullable String callerUserId,
      @Nullable String applicationInstanceId)
      implements CallSignal {}

  /** The call changed state ({@code establishing}, {@code established}, {@code transferring}…). */
  record StateChanged(String callId, String state, @Nullable ResultInfo resultInfo)
      implements CallSignal {}

  /** The call ended ({@code deleted}, state {@code terminated}). */
  record Terminated(String callId, @Nullable ResultInfo resultInfo) implements CallSignal {}

  /** The caller pressed a key: {@code tone} is 0-9, *, #, A-D. */
  record ToneReceived(String callId, String tone, long sequenceId) implements CallSignal {}

  /** A media or participant operation finished. */
  record OperationCompleted(String callId, String operationType, CommsOperation operation)
      implements CallSignal {}

  /** The roster changed: who is in the call now. */
  record RosterUpdated(String callId, java.util.List<Participant> participants)
      implements CallSignal {
    public RosterUpdated {
      participants = java.util.List.copyOf(participants);
    }

    /** Whether participant {@code id} is in the call. */
    public boolean contains(@Nullable String id) {
      return id != null && participants.stream().anyMatch(p -> p.id().equals(id));
    }
  }

  /**
   * One entry of a roster: the participant's id and who they are (a Teams user's object id, a phone
   * number, or an application such as the bot itself).
   */
  record Participant(
      String id, @Nullable String userId, @Nullable String phone, @Nullable String applicationId) {}
}
