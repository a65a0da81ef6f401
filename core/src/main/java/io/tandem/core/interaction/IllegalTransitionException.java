package io.tandem.core.interaction;

/**
 * A command asked for a state change the state machine's table does not allow (the server maps it
 * to 409 Conflict).
 */
public final class IllegalTransitionException extends IllegalStateException {

  /** Says which thing could not move from which state to which. */
  public IllegalTransitionException(String what, Enum<?> from, Enum<?> to) {
    super(what + " cannot move from " + from + " to " + to);
  }

  /** Says why a command is not possible now. */
  public IllegalTransitionException(String message) {
    super(message);
  }
}
