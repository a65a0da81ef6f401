package io.tandem.server.stream;

import io.tandem.core.tenant.TenantId;
import io.tandem.server.eventlog.EventCodec;
import io.tandem.server.eventlog.EventHistory;
import io.tandem.server.eventlog.LoggedEvent;
import io.tandem.server.tenant.EventFeed;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Every open event stream of every tenant: fans out each durable event to the streams of its
 * tenant, and opens new streams (resuming from the log when asked).
 *
 * <p>Threading: thread-safe. {@link #on} runs on a tenant's writer and only queues.
 */
public final class EventStreams implements EventFeed.Subscriber {

  /** Thrown when the server already serves its most streams. */
  public static final class TooManyStreamsException extends RuntimeException {
    TooManyStreamsException(int max) {
      super("this server already serves its most event streams (" + max + ")");
    }
  }

  private final EventHistory history;
  private final EventCodec codec;
  private final int maxStreams;
  private final int queueCapacity;
  private final Duration keepAlive;
  private final Map<TenantId, Set<EventStream>> streams = new ConcurrentHashMap<>();
  private final AtomicInteger open = new AtomicInteger();

  /**
   * @param maxStreams the most streams open at once, over all tenants
   * @param queueCapacity the most events one stream may fall behind before it is closed
   * @param keepAlive how often an idle stream sends a comment
   */
  public EventStreams(
      EventHistory history,
      EventCodec codec,
      int maxStreams,
      int queueCapacity,
      Duration keepAlive) {
    this.history = history;
    this.codec = codec;
    this.maxStreams = maxStreams;
    this.queueCapacity = queueCapacity;
    this.keepAlive = keepAlive;
  }

  @Override
  public void on(LoggedEvent event) {
    Set<EventStream> tenantStreams = streams.get(event.tenant());
    if (tenantStreams != null) {
      tenantStreams.forEach(stream -> stream.offer(event));
    }
  }

  /**
   * Opens a stream of {@code tenant}'s events that pass {@code filter} into {@code sink}: first
   * those after number {@code after} from the log (if given), then each new one.
   *
   * @throws TooManyStreamsException if {@code maxStreams} are open
   */
  public void open(
      TenantId tenant, @Nullable Long after, Predicate<String> filter, EventSink sink) {
    if (open.incrementAndGet() > maxStreams) {
      open.decrementAndGet();
      throw new TooManyStreamsException(maxStreams);
    }
    Set<EventStream> tenantStreams =
        streams.computeIfAbsent(tenant, id -> ConcurrentHashMap.newKeySet());
    EventStream stream =
        new EventStream(
            tenant,
            after,
            filter,
            sink,
            history,
            codec,
            queueCapacity,
            keepAlive,
            closed -> {
              tenantStreams.remove(closed);
              open.decrementAndGet();
            });
    tenantStreams.add(stream);
    Thread.ofVirtual().name("event-stream-" + tenant).start(stream::run);
  }

  /** Ends every open stream (the server is shutting down; clients reconnect elsewhere). */
  public void closeAll() {
    streams.values().forEach(tenantStreams -> tenantStreams.forEach(EventStream::stop));
  }

  /** How many streams are open now. */
  public int openStreams() {
    return open.get();
  }
}
