package io.tandem.core.insight;

/** A summarizer could not write a summary; the message says why in a few words. */
public final class SummaryUnavailableException extends Exception {

  public SummaryUnavailableException(String reason) {
    super(reason);
  }

  public SummaryUnavailableException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
