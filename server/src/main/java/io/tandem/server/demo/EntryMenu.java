package io.tandem.server.demo;

import io.tandem.core.queue.QueueId;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The demo's virtual assistant: a greeting, then a DTMF menu whose keys lead to queues (built into
 * a flow by {@link EntryFlow}).
 *
 * @param greeting spoken first
 * @param prompt the menu, spoken while the caller may press a key
 * @param choices DTMF key to the queue it leads to, in the order offered
 * @param timeout how long the menu waits for a key
 * @param retries how often the menu asks again after no key or a wrong one
 * @param retryPrompt spoken before asking again; {@code null} for none
 * @param noInput the queue for callers who pressed no valid key after the retries
 */
public record EntryMenu(
    String greeting,
    String prompt,
    Map<String, QueueId> choices,
    Duration timeout,
    int retries,
    @Nullable String retryPrompt,
    QueueId noInput) {

  public EntryMenu {
    Objects.requireNonNull(greeting, "greeting");
    Objects.requireNonNull(prompt, "prompt");
    choices = Collections.unmodifiableMap(new LinkedHashMap<>(choices));
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(noInput, "noInput");
  }

  /** The first key that leads to {@code queue}; {@code null} if none does. */
  @Nullable String keyFor(QueueId queue) {
    for (Map.Entry<String, QueueId> choice : choices.entrySet()) {
      if (choice.getValue().equals(queue)) {
        return choice.getKey();
      }
    }
    return null;
  }
}
