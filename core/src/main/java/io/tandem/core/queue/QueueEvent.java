package io.tandem.core.queue;

import io.tandem.core.event.TenantEvent;
import java.time.Instant;

/** Events about a queue's configuration. */
public sealed interface QueueEvent extends TenantEvent {

  /** The queue the event is about. */
  QueueId queue();

  /** A queue was added or its configuration changed. */
  record Configured(QueueConfig config, Instant at) implements QueueEvent {
    @Override
    public QueueId queue() {
      return config.id();
    }
  }

  /** A queue was removed (only while nothing waits in it). */
  record Removed(QueueId queue, Instant at) implements QueueEvent {}
}
