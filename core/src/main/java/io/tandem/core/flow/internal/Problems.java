package io.tandem.core.flow.internal;

import io.tandem.core.flow.FlowProblem;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The problems found in one flow so far, in the order found. */
public final class Problems {

  private final List<FlowProblem> found = new ArrayList<>();

  /** Records that {@code field} of {@code node} ({@code null} for the flow) is wrong. */
  public void add(@Nullable String node, String field, String message) {
    found.add(new FlowProblem(node, field, message));
  }

  /** The problems found, in the order found. */
  public List<FlowProblem> toList() {
    return List.copyOf(found);
  }
}
