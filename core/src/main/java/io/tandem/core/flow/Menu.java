package io.tandem.core.flow;

import io.tandem.core.flow.internal.ChoiceKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Asks the caller to choose: plays {@code prompt} while listening for one key or phrase, and
 * continues with the node the choice names.
 *
 * <p>An unknown choice plays {@code invalidPrompt}, silence until {@code timeout} plays {@code
 * timeoutPrompt}, and either asks again with {@code prompt}; after {@code maxRetries} such retries
 * the next failure continues with {@code noInput} without another prompt.
 *
 * @param prompt what the caller hears while choosing (the caller may interrupt it)
 * @param choices key or phrase to the node it leads to, in the order offered: a key is one DTMF
 *     symbol {@code 0}-{@code 9}, {@code *} or {@code #}, a phrase is spoken words containing a
 *     letter, matched ignoring case and repeated spaces
 * @param timeout how long to wait for a choice
 * @param maxRetries how often to ask again after a wrong or missing choice; 0 asks once
 * @param invalidPrompt played after an unknown choice before asking again; {@code null} for none
 * @param timeoutPrompt played after silence before asking again; {@code null} for none
 * @param noInput the node to continue with once the retries are used up
 */
public record Menu(
    Prompt prompt,
    Map<String, String> choices,
    Duration timeout,
    int maxRetries,
    @Nullable Prompt invalidPrompt,
    @Nullable Prompt timeoutPrompt,
    String noInput)
    implements CallerInputNode {

  /** Keeps an unmodifiable copy of {@code choices} in insertion order. */
  public Menu {
    choices = OrderedMaps.copyOf(choices);
  }

  /** The node the caller's {@code input} chooses; {@code null} when it chooses none. */
  public @Nullable String targetOf(String input) {
    return ChoiceKeys.targetOf(choices, input);
  }

  @Override
  public InputRequest inputRequest(Prompt resolvedPrompt) {
    return new InputRequest.Choice(resolvedPrompt, List.copyOf(choices.keySet()), timeout);
  }

  @Override
  public List<Exit> exits() {
    List<Exit> exits = new ArrayList<>();
    choices.forEach((key, target) -> exits.add(Exit.required("choices[" + key + "]", target)));
    exits.add(Exit.required("noInput", noInput));
    return List.copyOf(exits);
  }
}
