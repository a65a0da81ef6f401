package io.tandem.testkit.load;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Places PSTN calls at a fixed rate, each on its own virtual thread, so a slow dial never delays
 * the next one. Counts dials the emulator refused.
 */
public final class Dialler implements AutoCloseable {

  /** Places call number {@code n}; throws when the emulator refuses it. */
  public interface Dial {
    void place(int n) throws Exception;
  }

  private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService dials = Executors.newVirtualThreadPerTaskExecutor();
  public final AtomicInteger placed = new AtomicInteger();
  public final AtomicInteger refused = new AtomicInteger();

  /** Why dials were refused, by the first line of the reason, counted. */
  public final Map<String, Integer> refusals = new ConcurrentHashMap<>();

  /**
   * Dials calls {@code first} … {@code first + count - 1} at {@code perSecond}; completes when
   * every dial has returned.
   */
  public CompletableFuture<Void> dial(int first, int count, int perSecond, Dial dial) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (count == 0) {
      done.complete(null);
      return done;
    }
    AtomicInteger next = new AtomicInteger(first);
    AtomicInteger returned = new AtomicInteger();
    IntFunction<Runnable> one =
        n ->
            () -> {
              try {
                dial.place(n);
                placed.incrementAndGet();
              } catch (Exception refusedDial) {
                refused.incrementAndGet();
                refusals.merge(
                    String.valueOf(refusedDial).lines().findFirst().orElse("?"), 1, Integer::sum);
              } finally {
                if (returned.incrementAndGet() == count) {
                  done.complete(null);
                }
              }
            };
    AtomicReference<Future<?>> schedule = new AtomicReference<>();
    schedule.set(
        ticks.scheduleAtFixedRate(
            () -> {
              int n = next.getAndIncrement();
              if (n >= first + count) {
                schedule.get().cancel(false);
                return;
              }
              dials.execute(one.apply(n));
            },
            0,
            1_000_000_000L / perSecond,
            TimeUnit.NANOSECONDS));
    return done;
  }

  @Override
  public void close() {
    ticks.shutdownNow();
    dials.shutdownNow();
  }
}
