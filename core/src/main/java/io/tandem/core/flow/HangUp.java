package io.tandem.core.flow;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Ends the flow by playing a goodbye and hanging up.
 *
 * @param goodbye played before hanging up; {@code null} hangs up at once
 * @param reason why the flow hangs up, for reports, e.g. {@code closed} or {@code no-input}
 */
public record HangUp(@Nullable Prompt goodbye, String reason) implements FlowNode {

  @Override
  public List<Exit> exits() {
    return List.of();
  }
}
