package io.tandem.core.flow;

import io.tandem.core.flow.internal.DigitsInput;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Collects a number the caller keys in (an account number, a PIN, a date) and stores it in an
 * attribute.
 *
 * <p>The digits are accepted when they are {@code minLength} to {@code maxLength} digits long and
 * match {@code pattern}. Wrong digits play {@code invalidPrompt}, silence plays {@code
 * timeoutPrompt}, and either asks again; after {@code maxRetries} retries the next failure
 * continues with {@code noInput}, as in a {@link Menu}.
 *
 * @param prompt what the caller hears while keying in (the caller may interrupt it)
 * @param minLength the fewest digits accepted, at least 1
 * @param maxLength the most digits collected; the media engine stops listening after this many
 * @param terminator the key that ends the input early, {@code #} or {@code *}; {@code null} when
 *     only {@code maxLength} or the timeout ends it
 * @param timeout how long to wait for the input
 * @param pattern a regular expression the whole input must match; {@code null} for any digits
 * @param attribute the interaction attribute that receives the accepted digits
 * @param maxRetries how often to ask again after wrong or missing digits; 0 asks once
 * @param invalidPrompt played after wrong digits before asking again; {@code null} for none
 * @param timeoutPrompt played after silence before asking again; {@code null} for none
 * @param next the node after accepted digits
 * @param noInput the node to continue with once the retries are used up
 */
public record CollectDigits(
    Prompt prompt,
    int minLength,
    int maxLength,
    @Nullable String terminator,
    Duration timeout,
    @Nullable String pattern,
    String attribute,
    int maxRetries,
    @Nullable Prompt invalidPrompt,
    @Nullable Prompt timeoutPrompt,
    String next,
    String noInput)
    implements CallerInputNode {

  /**
   * The digits of the caller's {@code input} when they are acceptable, else {@code null}. A
   * trailing terminator is dropped first, as media engines differ in whether they report it.
   *
   * @param compiledPattern {@link #pattern()} compiled; {@code null} when there is none
   */
  public @Nullable String acceptedDigits(String input, @Nullable Pattern compiledPattern) {
    return DigitsInput.accepted(input, minLength, maxLength, terminator, compiledPattern);
  }

  @Override
  public InputRequest inputRequest(Prompt resolvedPrompt) {
    return new InputRequest.Digits(resolvedPrompt, minLength, maxLength, terminator, timeout);
  }

  @Override
  public List<Exit> exits() {
    return List.of(Exit.required("next", next), Exit.required("noInput", noInput));
  }
}
