package io.tandem.server.stream;

import io.tandem.core.tenant.TenantId;
import io.tandem.server.eventlog.EventCodec;
import io.tandem.server.eventlog.EventHistory;
import io.tandem.server.eventlog.LoggedEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One client's stream of a tenant's events: live events arrive in a bounded queue; the stream's own
 * thread first replays the log after the client's last seen number (if it gave one), then sends
 * queued events, skipping those the replay already sent, in log order.
 *
 * <p>Each event is sent as SSE {@code id: <seq>}, {@code event: <type>}, {@code data: {"seq",
 * "type", "occurredAt", "data"}}. A stream whose queue overflows is closed: the client reconnects
 * with {@code Last-Event-ID} and resumes from the log without a gap.
 */
final class EventStream {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int REPLAY_BATCH = 500;

  private final TenantId tenant;
  private final @Nullable Long after;
  private final Predicate<String> filter;
  private final EventSink sink;
  private final EventHistory history;
  private final EventCodec codec;
  private final BlockingQueue<LoggedEvent> queue;
  private final Duration keepAlive;
  private final Consumer<EventStream> onClose;

  /** Queued by {@link #stop} to wake the stream's thread. */
  private static final LoggedEvent STOP =
      new LoggedEvent(
          new TenantId("stop"),
          Long.MIN_VALUE,
          new io.tandem.core.queue.QueueEvent.Removed(
              new io.tandem.core.queue.QueueId("stop"), java.time.Instant.EPOCH));

  private volatile boolean overflowed;
  private long lastSent;

  EventStream(
      TenantId tenant,
      @Nullable Long after,
      Predicate<String> filter,
      EventSink sink,
      EventHistory history,
      EventCodec codec,
      int capacity,
      Duration keepAlive,
      Consumer<EventStream> onClose) {
    this.tenant = tenant;
    this.after = after;
    this.filter = filter;
    this.sink = sink;
    this.history = history;
    this.codec = codec;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.keepAlive = keepAlive;
    this.onClose = onClose;
  }

  /** Queues a live event; never blocks (a full queue closes the stream). */
  void offer(LoggedEvent event) {
    if (!queue.offer(event)) {
      overflowed = true;
    }
  }

  /** Makes the stream end soon (its thread closes the sink). */
  void stop() {
    overflowed = true;
    queue.offer(STOP);
  }

  /** Runs the stream on the calling thread until the client goes or falls behind. */
  void run() {
    try {
      sink.keepAlive(); // sends the response headers now, so the client knows it is connected
      if (after != null) {
        replay(after);
      }
      while (!overflowed) {
        LoggedEvent event = queue.poll(keepAlive.toMillis(), TimeUnit.MILLISECONDS);
        if (event == STOP) {
          break;
        } else if (event == null) {
          sink.keepAlive();
        } else if (event.seq() > lastSent) {
          send(event);
        }
      }
    } catch (IOException | RuntimeException e) {
      // The client went away (or the log could not be read): end the stream.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      onClose.accept(this);
      sink.close();
    }
  }

  private void replay(long from) throws IOException {
    lastSent = from;
    while (true) {
      List<LoggedEvent> batch = history.after(tenant, lastSent, REPLAY_BATCH);
      for (LoggedEvent event : batch) {
        send(event);
      }
      if (batch.size() < REPLAY_BATCH) {
        return;
      }
    }
  }

  private void send(LoggedEvent event) throws IOException {
    lastSent = event.seq();
    String type = codec.typeOf(event.event());
    if (!filter.test(type)) {
      return;
    }
    ObjectNode data = JSON.createObjectNode();
    data.put("seq", event.seq());
    data.put("type", type);
    data.put("occurredAt", event.event().at().toString());
    data.set("data", JSON.readTree(codec.encode(event.event())));
    sink.send(event.seq(), type, JSON.writeValueAsString(data));
  }
}
