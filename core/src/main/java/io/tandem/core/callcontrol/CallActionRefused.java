package io.tandem.core.callcontrol;

/** A channel refused a call action at once; nothing changed on the call or in the tenant. */
public final class CallActionRefused extends RuntimeException {

  /** Why the action was refused. */
  public enum Reason {
    /** The interaction is not a live call of this channel. */
    NOT_LIVE,
    /** The call is not in a state that allows the action (e.g. resume while not on hold). */
    NOT_NOW,
    /** The channel does not carry out this action (or this kind of target). */
    UNSUPPORTED
  }

  private final Reason reason;

  public CallActionRefused(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
