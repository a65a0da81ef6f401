package io.tandem.core.insight;

/** A translator could not translate a text; the message says why in a few words. */
public final class TranslationUnavailableException extends Exception {

  public TranslationUnavailableException(String reason) {
    super(reason);
  }

  public TranslationUnavailableException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
