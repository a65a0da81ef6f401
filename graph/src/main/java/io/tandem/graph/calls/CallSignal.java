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
  record RosterUpdated(String callId, int participants) implements CallSignal {}
}
