package io.tandem.server.stream;

import io.tandem.server.statistics.LiveStatistics;
import io.tandem.server.statistics.TenantStatistics;
import io.tandem.server.tenant.RunningTenant;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wallboard streams: each sends its tenant's {@link TenantStatistics} as an SSE event {@code
 * statistics} at once and then every {@code period}, from the shared {@link LiveStatistics} cache
 * (so a hundred wallboards cost the tenant one snapshot per period), until the client goes.
 *
 * <p>Threading: thread-safe; one virtual thread per open stream.
 */
public final class StatisticsStreams {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final LiveStatistics statistics;
  private final Duration period;
  private final int maxStreams;
  private final Semaphore slots;
  private final Set<Thread> running = ConcurrentHashMap.newKeySet();

  public StatisticsStreams(LiveStatistics statistics, Duration period, int maxStreams) {
    this.statistics = statistics;
    this.period = period;
    this.maxStreams = maxStreams;
    this.slots = new Semaphore(maxStreams);
  }

  /**
   * Opens a stream of {@code tenant}'s statistics into {@code sink}.
   *
   * @throws EventStreams.TooManyStreamsException if {@code maxStreams} are open
   */
  public void open(RunningTenant tenant, EventSink sink) {
    if (!slots.tryAcquire()) {
      throw new EventStreams.TooManyStreamsException(maxStreams);
    }
    Thread.ofVirtual().name("statistics-stream-" + tenant.id()).start(() -> run(tenant, sink));
  }

  /** Ends every open stream (the server is shutting down). */
  public void closeAll() {
    running.forEach(Thread::interrupt);
  }

  private void run(RunningTenant tenant, EventSink sink) {
    running.add(Thread.currentThread());
    try {
      while (true) {
        TenantStatistics now = statistics.current(tenant);
        sink.send(now.seq(), "statistics", JSON.writeValueAsString(now));
        Thread.sleep(period);
      }
    } catch (IOException | RuntimeException e) {
      // The client went away, or the tenant stopped: end the stream.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      running.remove(Thread.currentThread());
      slots.release();
      sink.close();
    }
  }
}
