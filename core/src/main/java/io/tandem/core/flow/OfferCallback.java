package io.tandem.core.flow;

import io.tandem.core.flow.internal.ChoiceKeys;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Offers the caller a callback instead of waiting ("press 1 to be called back").
 *
 * <p>The caller accepts by choosing {@code acceptKey}; the flow then tells the domain that a
 * callback to the number in {@code numberAttribute} is requested and continues with {@code
 * accepted}, which usually confirms and ends in a {@link RouteToQueue} that queues the callback.
 * Any other choice, or silence until {@code timeout}, declines. A caller whose number is unknown or
 * not in E.164 form cannot be called back: the offer is skipped and the flow continues with {@code
 * declined}.
 *
 * @param prompt the offer, heard while the caller chooses
 * @param acceptKey the key or phrase that accepts, as a {@link Menu} choice
 * @param timeout how long to wait for the answer
 * @param numberAttribute the attribute holding the number to call back; {@code null} for {@link
 *     FlowRun#CALLER_ATTRIBUTE}
 * @param accepted the node after an accepted offer
 * @param declined the node after a declined or skipped offer
 */
public record OfferCallback(
    Prompt prompt,
    String acceptKey,
    Duration timeout,
    @Nullable String numberAttribute,
    String accepted,
    String declined)
    implements CallerInputNode {

  /** The attribute that holds the number to call back. */
  public String numberAttributeOrCaller() {
    return numberAttribute == null ? FlowRun.CALLER_ATTRIBUTE : numberAttribute;
  }

  /** Whether the caller's {@code input} accepts the offer. */
  public boolean isAcceptedBy(String input) {
    return ChoiceKeys.matches(acceptKey, input);
  }

  @Override
  public InputRequest inputRequest(Prompt resolvedPrompt) {
    return new InputRequest.Choice(resolvedPrompt, List.of(acceptKey), timeout);
  }

  @Override
  public List<Exit> exits() {
    return List.of(Exit.required("accepted", accepted), Exit.required("declined", declined));
  }
}
