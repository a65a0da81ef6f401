package io.tandem.acs.client;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * An answer to an IncomingCall: its {@code incomingCallContext}, where mid-call events go, and
 * optionally live transcription and media streaming from the start.
 */
public record AnswerCall(
    String incomingCallContext,
    URI callbackUri,
    @Nullable String operationContext,
    @Nullable TranscriptionOptions transcription,
    @Nullable MediaStreamingOptions mediaStreaming) {

  public AnswerCall {
    if (incomingCallContext.isBlank()) {
      throw new IllegalArgumentException("incomingCallContext is blank");
    }
    Requests.requireAbsolute(callbackUri, "callbackUri");
  }

  /** An answer with no operation context, transcription or streaming. */
  public static AnswerCall of(String incomingCallContext, URI callbackUri) {
    return new AnswerCall(incomingCallContext, callbackUri, null, null, null);
  }
}
