package io.tandem.testkit.load;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Bounded waits: a condition polled on a timer thread until it holds or the time is up. */
public final class Waits {

  private Waits() {}

  /** Whether {@code condition} held within {@code limit}, polled every {@code every}. */
  public static boolean until(BooleanSupplier condition, Duration limit, Duration every)
      throws InterruptedException {
    CompletableFuture<Void> held = new CompletableFuture<>();
    try (ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor()) {
      poller.scheduleWithFixedDelay(
          () -> {
            try {
              if (condition.getAsBoolean()) {
                held.complete(null);
              }
            } catch (RuntimeException failed) {
              held.completeExceptionally(failed);
            }
          },
          0,
          every.toMillis(),
          TimeUnit.MILLISECONDS);
      try {
        held.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        return true;
      } catch (TimeoutException notYet) {
        return false;
      } catch (java.util.concurrent.ExecutionException failed) {
        throw new IllegalStateException(failed.getCause());
      } finally {
        poller.shutdownNow();
      }
    }
  }

  /**
   * Returns once {@code condition} holds, polled every 20 ms; fails with {@code what} if it does
   * not within 20 s.
   */
  public static void await(BooleanSupplier condition, String what) throws InterruptedException {
    if (!until(condition, Duration.ofSeconds(20), Duration.ofMillis(20))) {
      throw new AssertionError("not within 20 s: " + what);
    }
  }

  /** Waits {@code period} on the wall clock, unless {@code stop} holds first; whether it did. */
  public static boolean stoppedWithin(BooleanSupplier stop, Duration period)
      throws InterruptedException {
    return until(stop, period, Duration.ofMillis(250));
  }
}
