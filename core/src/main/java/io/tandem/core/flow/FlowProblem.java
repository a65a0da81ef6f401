package io.tandem.core.flow;

import org.jspecify.annotations.Nullable;

/**
 * One reason a {@link Flow} cannot run, pointing at where to fix it.
 *
 * @param node the id of the node at fault; {@code null} when the flow itself is (its {@code id} or
 *     {@code start})
 * @param field the field at fault, named as in the records ({@code next}, {@code choices[1]},
 *     {@code prompt.text}); {@code id} when the node as a whole is (unreachable, undefined)
 * @param message what is wrong, for the person who wrote the flow
 */
public record FlowProblem(@Nullable String node, String field, String message) {

  /** Reads {@code node 'menu' field 'choices[1]': exit points at unknown node 'billng'}. */
  @Override
  public String toString() {
    String where = node == null ? "flow" : "node '" + node + "'";
    return where + " field '" + field + "': " + message;
  }
}
