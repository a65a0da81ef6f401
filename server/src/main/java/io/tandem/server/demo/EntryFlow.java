package io.tandem.server.demo;

import io.tandem.core.flow.Flow;
import io.tandem.core.flow.FlowNode;
import io.tandem.core.flow.Menu;
import io.tandem.core.flow.Play;
import io.tandem.core.flow.Prompt;
import io.tandem.core.flow.RouteToQueue;
import io.tandem.core.queue.QueueId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo's entry flow, built from its {@link EntryMenu}: node {@code greeting} plays the
 * greeting, node {@code menu} asks for a key, and one node {@code to-<queue>} per queue the menu
 * leads to queues the call there.
 */
final class EntryFlow {

  /** The flow's id, as {@code VirtualAssistantStarted} events name it. */
  static final String ID = "demo-entry";

  private EntryFlow() {}

  static Flow of(EntryMenu menu) {
    Map<String, FlowNode> nodes = new LinkedHashMap<>();
    nodes.put("greeting", new Play(Prompt.text(menu.greeting()), "menu"));
    Map<String, String> choices = new LinkedHashMap<>();
    menu.choices().forEach((key, queue) -> choices.put(key, nodeFor(queue)));
    Prompt retry = menu.retryPrompt() == null ? null : Prompt.text(menu.retryPrompt());
    nodes.put(
        "menu",
        new Menu(
            Prompt.text(menu.prompt()),
            choices,
            menu.timeout(),
            menu.retries(),
            retry,
            retry,
            nodeFor(menu.noInput())));
    for (QueueId queue : menu.choices().values()) {
      nodes.putIfAbsent(nodeFor(queue), new RouteToQueue(queue.value(), null));
    }
    nodes.putIfAbsent(nodeFor(menu.noInput()), new RouteToQueue(menu.noInput().value(), null));
    return new Flow(ID, "Demo entry menu", "greeting", nodes);
  }

  private static String nodeFor(QueueId queue) {
    return "to-" + queue.value();
  }
}
