package io.tandem.sip.media;

/**
 * A prompt that cannot be played: no such file, an unreadable WAV, a URI the SIP media does not
 * fetch, or text-to-speech trouble. The flow media logs it and carries on as if the prompt had
 * played, so a missing prompt never leaves a caller hanging.
 */
public final class PromptUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A prompt problem described by {@code message}. */
  public PromptUnavailableException(String message) {
    super(message);
  }

  /** A prompt problem described by {@code message}, caused by {@code cause}. */
  public PromptUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
