package io.tandem.graph.presence;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits (in real time) for something other threads do: Graph's deliveries, the feed's reads. */
final class Waiting {

  static final Duration PATIENCE = Duration.ofSeconds(10);

  private Waiting() {}

  static void until(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + PATIENCE + " for " + what);
      }
      Thread.sleep(5);
    }
  }
}
