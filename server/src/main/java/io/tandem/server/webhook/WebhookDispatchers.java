package io.tandem.server.webhook;

import io.tandem.core.tenant.TenantId;
import io.tandem.server.eventlog.LoggedEvent;
import io.tandem.server.tenant.EventFeed;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The running {@link WebhookDispatcher}s, one per webhook, each on its own virtual thread: started
 * for every stored webhook when the application starts, and for each one created later; woken by
 * the {@link EventFeed} when their tenant appends events, and by the API when their webhook
 * changes.
 *
 * <p>Lifecycle: starts before the web server takes requests and before tenants are recovered (so it
 * sees the events recovery appends), stops after the web server: each dispatcher is asked to stop,
 * its HTTP request in flight interrupted, and waited for up to {@link #STOP_WAIT}.
 *
 * <p>Threading: thread-safe. {@link #eventsAppended} runs on tenants' writers and only wakes.
 */
public final class WebhookDispatchers implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatchers.class);

  /** How long {@link #stop} waits for each dispatcher. */
  static final Duration STOP_WAIT = Duration.ofSeconds(5);

  private final Webhooks webhooks;
  private final EventFeed feed;
  private final WebhookDispatcher.Parts parts;
  private final Map<WebhookId, Running> running = new ConcurrentHashMap<>();
  private final Map<TenantId, Set<WebhookDispatcher>> byTenant = new ConcurrentHashMap<>();
  private final EventFeed.Subscriber subscriber = this::eventsAppended;
  private volatile boolean started;

  /** A dispatcher and its thread. */
  private record Running(WebhookDispatcher dispatcher, Thread thread) {}

  WebhookDispatchers(Webhooks webhooks, EventFeed feed, WebhookDispatcher.Parts parts) {
    this.webhooks = webhooks;
    this.feed = feed;
    this.parts = parts;
  }

  @Override
  public synchronized void start() {
    feed.subscribe(subscriber);
    started = true;
    for (Webhook webhook : webhooks.all()) {
      launch(webhook.id(), webhook.tenant());
    }
    LOG.info("{} webhook dispatchers started", running.size());
  }

  @Override
  public synchronized void stop() {
    started = false;
    feed.unsubscribe(subscriber);
    for (Running each : running.values()) {
      each.dispatcher().stop();
      each.thread().interrupt();
    }
    for (Running each : running.values()) {
      try {
        if (!each.thread().join(STOP_WAIT)) {
          LOG.warn(
              "Webhook dispatcher {} did not stop within {}", each.dispatcher().id(), STOP_WAIT);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public boolean isRunning() {
    return started;
  }

  /** Early: before the web server (which runs in a later phase) and stopped after it. */
  @Override
  public int getPhase() {
    return 0;
  }

  /** The webhook was created, changed or deleted: its dispatcher reads it again (or starts). */
  public synchronized void changed(WebhookId id, TenantId tenant) {
    if (!started) {
      return;
    }
    Running existing = running.get(id);
    if (existing != null) {
      existing.dispatcher().wake();
    } else {
      launch(id, tenant);
    }
  }

  /** How many dispatchers run; for tests and metrics. */
  public int size() {
    return running.size();
  }

  /** Wakes the tenant's dispatchers: it appended the event. Runs on the tenant's writer. */
  void eventsAppended(LoggedEvent event) {
    Set<WebhookDispatcher> dispatchers = byTenant.get(event.tenant());
    if (dispatchers != null) {
      dispatchers.forEach(WebhookDispatcher::eventsAppended);
    }
  }

  private void launch(WebhookId id, TenantId tenant) {
    WebhookDispatcher dispatcher = new WebhookDispatcher(id, tenant, parts, this::exited);
    byTenant.computeIfAbsent(tenant, t -> ConcurrentHashMap.newKeySet()).add(dispatcher);
    Thread thread = Thread.ofVirtual().name("webhook-" + id).unstarted(dispatcher);
    running.put(id, new Running(dispatcher, thread));
    thread.start();
  }

  private void exited(WebhookDispatcher dispatcher) {
    running.computeIfPresent(
        dispatcher.id(), (id, each) -> each.dispatcher() == dispatcher ? null : each);
    Set<WebhookDispatcher> dispatchers = byTenant.get(dispatcher.tenant());
    if (dispatchers != null) {
      dispatchers.remove(dispatcher);
    }
  }
}
