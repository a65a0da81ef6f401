package io.tandem.core.flow;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Sets what the flow has learnt on the interaction: attributes shown to the agent, and the
 * priority, required skills and language routing uses.
 *
 * @param attributes attribute name to value; {@code ${attribute}} placeholders in values are
 *     replaced when the node runs
 * @param priority the interaction's own priority, 0-100 (higher is served first); {@code null}
 *     leaves it
 * @param skills a skill expression such as {@code billing >= 3 and lang == de} that agents must
 *     match; {@code null} leaves the requirement
 * @param language the language tag the caller is served in, lower-case such as {@code de}; {@code
 *     null} leaves it
 * @param next the node after this one
 */
public record SetAttributes(
    Map<String, String> attributes,
    @Nullable Integer priority,
    @Nullable String skills,
    @Nullable String language,
    String next)
    implements FlowNode {

  /** Keeps an unmodifiable copy of {@code attributes} in insertion order. */
  public SetAttributes {
    attributes = OrderedMaps.copyOf(attributes);
  }

  @Override
  public List<Exit> exits() {
    return List.of(Exit.required("next", next));
  }
}
