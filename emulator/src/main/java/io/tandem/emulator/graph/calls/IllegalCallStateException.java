package io.tandem.emulator.graph.calls;

/** An action the call's state does not allow; the routes answer it with 409 {@code Conflict}. */
final class IllegalCallStateException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  IllegalCallStateException(String callId, CallState state, String action) {
    super(
        "Call " + callId + " is " + state.wire() + "; " + action + " is not allowed in that state.",
        null,
        false,
        false);
  }
}
