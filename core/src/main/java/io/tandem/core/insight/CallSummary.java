package io.tandem.core.insight;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a summarizer says about a finished call.
 *
 * @param text the summary, a few sentences; not blank
 * @param keyPoints the sentences that matter most, in call order
 * @param intents what the caller wanted, as the virtual assistant and the flow decided it
 * @param outcome how the call ended (see {@link CallRecord#outcome()})
 * @param wrapUpCode the agent's disposition code, if any
 * @param summarizer who wrote it: {@code extractive}, {@code openai:<model>}, or the fallback with
 *     its reason, e.g. {@code extractive (openai failed: timeout)}
 */
public record CallSummary(
    String text,
    List<String> keyPoints,
    List<String> intents,
    String outcome,
    @Nullable String wrapUpCode,
    String summarizer) {

  /** Copies the lists; rejects a blank text or summarizer. */
  public CallSummary {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(summarizer, "summarizer");
    keyPoints = List.copyOf(keyPoints);
    intents = List.copyOf(intents);
    if (text.isBlank() || summarizer.isBlank()) {
      throw new IllegalArgumentException("a call summary needs a text and a summarizer");
    }
  }

  /** The same summary, credited to {@code who}. */
  public CallSummary by(String who) {
    return new CallSummary(text, keyPoints, intents, outcome, wrapUpCode, who);
  }
}
