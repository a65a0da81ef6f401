package io.tandem.core.queue;

import io.tandem.core.Ids;

/** Identifies a queue: where interactions wait for an agent with the right skills. */
public record QueueId(String value) {
  public QueueId {
    Ids.requireValid("queue id", value);
  }

  @Override
  public String toString() {
    return value;
  }
}
