package io.tandem.core.flow;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Ends the flow by letting the caller leave a message: plays the greeting, then hands the call to
 * the mailbox, which records.
 *
 * @param mailbox the name of the tenant's mailbox
 * @param greeting played before recording; {@code null} when the mailbox greets by itself
 */
public record Voicemail(String mailbox, @Nullable Prompt greeting) implements FlowNode {

  @Override
  public List<Exit> exits() {
    return List.of();
  }
}
