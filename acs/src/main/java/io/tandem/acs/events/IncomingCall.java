package io.tandem.acs.events;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A call ringing the application ({@code Microsoft.Communication.IncomingCall}), to be answered,
 * rejected or redirected with {@link #incomingCallContext}.
 *
 * @param eventId the Event Grid event id (a retried delivery repeats it)
 * @param toRawId who was called: {@code 28:orgid:<resource account>} for Teams Phone extensibility,
 *     {@code 4:+E164} for an ACS number
 * @param fromRawId the caller, {@code 4:+E164} for the PSTN
 * @param callerDisplayName the caller's display name, if any
 * @param serverCallId the call's server id
 * @param correlationId the call's correlation id
 * @param incomingCallContext the opaque context the answer must present
 * @param sipHeaders the {@code customContext.sipHeaders} (UUI as {@code userToUser}, {@code
 *     X-MS-Custom-*})
 * @param voipHeaders the {@code customContext.voipHeaders}
 */
public record IncomingCall(
    String eventId,
    String toRawId,
    String fromRawId,
    @Nullable String callerDisplayName,
    @Nullable String serverCallId,
    @Nullable String correlationId,
    String incomingCallContext,
    Map<String, String> sipHeaders,
    Map<String, String> voipHeaders) {

  public IncomingCall {
    sipHeaders = Map.copyOf(sipHeaders);
    voipHeaders = Map.copyOf(voipHeaders);
  }

  /** The caller's number ({@code +E164}) when the caller is a phone, else null. */
  public @Nullable String callerNumber() {
    return fromRawId.startsWith("4:") ? fromRawId.substring(2) : null;
  }

  /** The resource account's object id when a Teams resource account was called, else null. */
  public @Nullable String resourceAccountId() {
    return toRawId.startsWith("28:orgid:") ? toRawId.substring("28:orgid:".length()) : null;
  }
}
