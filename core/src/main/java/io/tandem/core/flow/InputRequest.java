package io.tandem.core.flow;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link FlowRun} asks the media engine to listen for, while it plays a prompt the caller
 * may interrupt. The engine reports the outcome with {@link FlowRun#onInput(String)} or, after
 * {@code timeout} without input, {@link FlowRun#onInputTimeout()}.
 */
public sealed interface InputRequest {

  /** The prompt to play while listening, its placeholders already resolved. */
  Prompt prompt();

  /** How long to wait for input. */
  Duration timeout();

  /**
   * One choice among keys and phrases, for a {@link Menu} or {@link OfferCallback}: the engine
   * reports the first DTMF key pressed, or the phrase recognised.
   *
   * @param prompt what the caller hears
   * @param choices the DTMF keys ({@code 0}-{@code 9}, {@code *}, {@code #}) and spoken phrases
   *     offered, in order; a speech engine may use the phrases as its grammar
   * @param timeout how long to wait
   */
  record Choice(Prompt prompt, List<String> choices, Duration timeout) implements InputRequest {

    /** Keeps an unmodifiable copy of {@code choices}. */
    public Choice {
      choices = List.copyOf(choices);
    }
  }

  /**
   * Digits keyed in, for a {@link CollectDigits}: the engine reports what was keyed when {@code
   * maxLength} digits are in, the terminator is pressed, or input stops before the timeout.
   *
   * @param prompt what the caller hears
   * @param minLength the fewest digits the flow accepts
   * @param maxLength the most digits to collect
   * @param terminator the key that ends input early; {@code null} for none
   * @param timeout how long to wait
   */
  record Digits(
      Prompt prompt, int minLength, int maxLength, @Nullable String terminator, Duration timeout)
      implements InputRequest {}
}
