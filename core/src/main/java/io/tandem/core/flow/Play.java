package io.tandem.core.flow;

import java.util.List;

/**
 * Plays a prompt to the end, then continues.
 *
 * @param prompt what the caller hears
 * @param next the node after the prompt
 */
public record Play(Prompt prompt, String next) implements FlowNode {

  @Override
  public List<Exit> exits() {
    return List.of(Exit.required("next", next));
  }
}
