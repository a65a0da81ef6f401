package io.tandem.core.insight;

/**
 * Writes the summary of a finished call from its record. Implementations may block (an HTTP call to
 * a language model) and are called off the tenant's writer; they must be thread-safe.
 */
@FunctionalInterface
public interface CallSummarizer {

  /**
   * Summarizes {@code call}.
   *
   * @throws SummaryUnavailableException when no summary can be written now (the service failed,
   *     timed out or answered nonsense); the caller falls back to another summarizer
   */
  CallSummary summarize(CallRecord call) throws SummaryUnavailableException;
}
