package io.tandem.server.tenant;

import io.tandem.server.eventlog.LoggedEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands every event of every tenant, once it is durable in the log, to the server's live consumers
 * (event streams, webhooks, live statistics), in log order per tenant.
 *
 * <p>Threading: {@link #publish} runs on the emitting tenant's writer, inside the command that
 * emitted the event; subscribers must return at once (queue the event, wake a worker) and never
 * call back into a tenant. A subscriber that throws is logged and skipped: a broken consumer never
 * fails a tenant's command.
 */
public final class EventFeed {

  /** A consumer of durable events. */
  @FunctionalInterface
  public interface Subscriber {
    void on(LoggedEvent event);
  }

  private static final Logger LOG = LoggerFactory.getLogger(EventFeed.class);

  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

  /** Adds a subscriber; it gets every event published from now on. */
  public void subscribe(Subscriber subscriber) {
    subscribers.add(subscriber);
  }

  public void unsubscribe(Subscriber subscriber) {
    subscribers.remove(subscriber);
  }

  void publish(LoggedEvent event) {
    for (Subscriber subscriber : subscribers) {
      try {
        subscriber.on(event);
      } catch (RuntimeException e) {
        LOG.warn("A subscriber of the event feed failed on {} #{}", event.tenant(), event.seq(), e);
      }
    }
  }
}
