package io.tandem.media.speech;

/** A text-to-speech engine could not render: it is missing, failed, took too long or made junk. */
public final class SpeechException extends Exception {

  /** Why rendering failed. */
  public enum Reason {
    /** The engine is not installed or cannot be started (or is switched off). */
    ENGINE_MISSING,
    /** The engine ran and exited with an error. */
    ENGINE_FAILED,
    /** The engine did not finish within its time limit and was killed. */
    TIMED_OUT,
    /** The engine's output is not a WAV file this module reads. */
    INVALID_OUTPUT
  }

  private final Reason reason;

  public SpeechException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public SpeechException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
