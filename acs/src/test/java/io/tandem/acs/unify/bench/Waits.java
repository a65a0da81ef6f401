package io.tandem.acs.unify.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Bounded waits: a condition polled on a timer thread until it holds or the time is up. */
final class Waits {

  private Waits() {}

  /** Whether {@code condition} held within {@code limit}, polled every {@code every}. */
  static boolean until(BooleanSupplier condition, Duration limit, Duration every)
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

  /** Waits {@code period} on the wall clock, unless {@code stop} holds first; whether it did. */
  static boolean stoppedWithin(BooleanSupplier stop, Duration period) throws InterruptedException {
    return until(stop, period, Duration.ofMillis(250));
  }
}
