package io.tandem.core.flow;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Looks up data about the caller in another system over HTTP (a CRM, an order system) and keeps
 * fields of the answer as interaction attributes, which the agent sees later.
 *
 * <p>The lookup runs outside the flow; while it runs the caller hears nothing new. A failed lookup,
 * including one that outlasts {@code timeout}, continues with {@code failed}.
 *
 * @param url an {@code http} or {@code https} URL; {@code ${attribute}} placeholders are replaced,
 *     percent-encoded, when the node runs
 * @param timeout how long the lookup may take before it counts as failed
 * @param resultAttributes field of the answer to the attribute that receives it; fields the answer
 *     lacks leave their attribute as it was
 * @param next the node after a successful lookup
 * @param failed the node after a failed lookup
 */
public record HttpLookup(
    String url, Duration timeout, Map<String, String> resultAttributes, String next, String failed)
    implements FlowNode {

  /** Keeps an unmodifiable copy of {@code resultAttributes} in insertion order. */
  public HttpLookup {
    resultAttributes = OrderedMaps.copyOf(resultAttributes);
  }

  /**
   * The attributes an answer with {@code fields} sets, in the order of {@code resultAttributes}.
   */
  public Map<String, String> attributesFrom(Map<String, String> fields) {
    Map<String, String> attributes = new LinkedHashMap<>();
    resultAttributes.forEach(
        (field, attribute) -> {
          String value = fields.get(field);
          if (value != null) {
            attributes.put(attribute, value);
          }
        });
    return attributes;
  }

  @Override
  public List<Exit> exits() {
    return List.of(Exit.required("next", next), Exit.required("failed", failed));
  }
}
